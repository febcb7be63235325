package io.brainstem.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a stream directory, {@value NpyDirectory#MANIFEST}, as read back: lines
 * {@code generation <id>}, {@code dt <ms>}, {@code t0 <ms>}, {@code monitor <kind> <ts|own> <name>}
 * and {@code file <rows> <file name>} (the rows of the last commit).
 */
record StreamManifest(Path dir, String generation, double dt, double t0, List<Monitor> monitors,
    Map<String, Long> rows) {
  /** A streamed monitor: {@code kind} is values, probe or spikes; {@code ownTimes} when it has its own row times. */
  record Monitor(String kind, boolean ownTimes, String name) {}

  static StreamManifest read(Path dir) {
    Path file = dir.resolve(NpyDirectory.MANIFEST);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(dir.toAbsolutePath() + " has no " + NpyDirectory.MANIFEST + ": it is "
          + "not a directory a runner streamed to with streamTo(...)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + " (" + e + ")", e);
    }
    if (lines.isEmpty() || !lines.get(0).equals("brainstem stream 1")) {
      throw new IllegalStateException(file + " is not a stream manifest (or is still being created; "
          + "its first line should be 'brainstem stream 1')");
    }
    String generation = null;
    double dt = Double.NaN;
    double t0 = 0;
    List<Monitor> monitors = new ArrayList<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1);
      switch (key) {
        case "generation" -> generation = rest;
        case "dt" -> dt = Double.parseDouble(rest);
        case "t0" -> t0 = Double.parseDouble(rest);
        case "monitor" -> {
          String[] p = rest.split(" ", 3);
          monitors.add(new Monitor(p[0], p[1].equals("own"), p[2]));
        }
        case "file" -> {
          String[] p = rest.split(" ", 2);
          rows.put(p[1], Long.parseLong(p[0]));
        }
        default -> throw new IllegalStateException(file + ": unknown line '" + line + "'");
      }
    }
    if (generation == null || Double.isNaN(dt)) {
      throw new IllegalStateException(file + " names no generation or dt; it was not written by a runner");
    }
    return new StreamManifest(dir, generation, dt, t0, monitors, rows);
  }

  /** The committed rows of {@code fileName}. */
  long rowsOf(String fileName) {
    Long r = rows.get(fileName);
    if (r == null) {
      throw new IllegalStateException(dir.resolve(NpyDirectory.MANIFEST) + " lists no file " + fileName);
    }
    return r;
  }
}
