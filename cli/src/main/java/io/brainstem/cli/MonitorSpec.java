package io.brainstem.cli;

import io.brainstem.monitors.Monitor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code --monitor} value: a dotted path, optionally followed by element indices in
 * brackets — single indices and half-open ranges, as in Python: {@code E.V}, {@code E.V[0,5,9]},
 * {@code E.spike[0:100]}, {@code E.V[0:3,10]}. An indexed monitor is named as typed.
 */
final class MonitorSpec {
  private static final Pattern SPEC = Pattern.compile("([^\\[\\]\\s]+)(?:\\[([^\\]]*)\\])?");

  private MonitorSpec() {}

  static Monitor parse(String spec) {
    Matcher m = SPEC.matcher(spec.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not a monitor; expected PATH or PATH[indices], e.g. E.spike or E.V[0:10,42]");
    }
    String path = m.group(1);
    if (m.group(2) == null) {
      return Monitor.of(path);
    }
    return Monitor.of(path, indices(spec, m.group(2))).named(spec.strip());
  }

  private static int[] indices(String spec, String list) {
    List<Integer> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      String p = part.strip();
      try {
        int colon = p.indexOf(':');
        if (colon < 0) {
          out.add(Integer.parseInt(p));
        } else {
          int from = Integer.parseInt(p.substring(0, colon).strip());
          int to = Integer.parseInt(p.substring(colon + 1).strip());
          if (to <= from) {
            throw new IllegalArgumentException("monitor " + spec + ": range " + p
                + " is empty; write FROM:TO with TO > FROM (TO excluded)");
          }
          for (int i = from; i < to; i++) {
            out.add(i);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("monitor " + spec + ": '" + p
            + "' is not an index or a range FROM:TO (e.g. E.V[0:10,42])");
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
