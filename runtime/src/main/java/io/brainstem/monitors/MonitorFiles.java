package io.brainstem.monitors;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names a monitor's records are written under — {@code Npz} entries, {@code Csv} files and the
 * files of {@code streamTo} — and the rule that keeps them valid. Runners check every monitor
 * against it when they are built, so that nothing recorded fails to export after a run.
 *
 * <p>A monitor {@code name} writes {@code name} and may write {@code name_times}; a variable monitor
 * also {@code name.indices}; a spike monitor also {@code name_indices} and {@code name_rowtimes}.
 * {@code ts} is the runner's.
 */
public final class MonitorFiles {
  /** The entry of the runner's step times. */
  public static final String TS = "ts";

  /** The longest monitor name, in UTF-8 bytes, so that every derived file name fits in 255 bytes. */
  public static final int MAX_NAME_BYTES = 200;

  /** The rule, as error messages state it. */
  public static final String RULE = "a monitor name becomes a file name (Npz, Csv, streamTo), so it must be "
      + "non-blank, at most " + MAX_NAME_BYTES + " bytes, contain none of / \\ : * ? \" < > | or control "
      + "characters, not start or end with a space and not end with '.' (e.g. \"E.V every 10\", \"E.V[100]\")";

  private static final String FORBIDDEN = "/\\:*?\"<>|";

  private MonitorFiles() {}

  /** A value monitor's row times, or a spike monitor's spike times: {@code name_times}. */
  public static String times(String name) {
    return name + "_times";
  }

  /** A spike monitor's column of each spike: {@code name_indices}. */
  public static String spikeColumns(String name) {
    return name + "_indices";
  }

  /** A spike monitor's recorded row times, when decimated or windowed: {@code name_rowtimes}. */
  public static String rowTimes(String name) {
    return name + "_rowtimes";
  }

  /** A variable monitor's element index of each column: {@code name.indices}. */
  public static String indices(String name) {
    return name + ".indices";
  }

  /** Why {@code name} cannot be a monitor name, or null when it can. */
  public static String problem(String name) {
    if (name == null || name.isBlank()) {
      return "it is blank";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0) {
        return "it contains '" + c + "'";
      }
      if (Character.isISOControl(c)) {
        return "it contains a control character (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
      }
    }
    if (name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') {
      return "it starts or ends with a space";
    }
    if (name.endsWith(".")) {
      return "it ends with '.'";
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      return "it is " + bytes + " bytes long";
    }
    return null;
  }

  /**
   * Every name {@code recorder}'s records may be written under, with what each holds (for error
   * messages), in order.
   */
  static Map<String, String> written(Recorder recorder) {
    String name = recorder.name();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(name, "records");
    files.put(times(name), recorder.isSpike() ? "spike times" : "row times");
    if (recorder.isSpike()) {
      files.put(spikeColumns(name), "spike columns");
      files.put(rowTimes(name), "row times");
    }
    if (recorder.columnIndices() != null) {
      files.put(indices(name), "element indices");
    }
    return files;
  }

  /**
   * Checks that every recorder's name follows {@link #RULE} and that no two recorders (nor a
   * recorder and {@code ts}) would write the same name, ignoring case (as macOS and Windows do).
   *
   * @throws IllegalArgumentException naming the monitor, what is wrong and the allowed form
   */
  public static void check(List<Recorder> recorders) {
    for (Recorder r : recorders) {
      String why = problem(r.name());
      if (why != null) {
        throw new IllegalArgumentException("monitor '" + r.name() + "' cannot be exported: " + why + "; " + RULE
            + ". Name it with Monitor.of(path).named(...)");
      }
    }
    Map<String, String> owners = new HashMap<>();
    owners.put(TS.toLowerCase(Locale.ROOT), "the runner's step times ts");
    for (Recorder r : recorders) {
      for (Map.Entry<String, String> f : written(r).entrySet()) {
        String key = f.getKey().toLowerCase(Locale.ROOT);
        String mine = "monitor '" + r.name() + "' (its " + f.getValue() + ")";
        String other = owners.putIfAbsent(key, mine);
        if (other != null) {
          throw new IllegalArgumentException("monitor '" + r.name() + "' would write its " + f.getValue()
              + " as '" + f.getKey() + "', the name of " + other + " (names are compared ignoring case, as on "
              + "macOS and Windows file systems); rename one with .named(...)");
        }
      }
    }
  }
}
