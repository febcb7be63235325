package io.brainstem.examples.cli;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.visualize.Plots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code --out DIR} writes besides the summary: one plot per monitor. */
final class OutputFiles {
  /** Value monitors are drawn with at most this many traces, so the plot stays readable. */
  static final int MAX_TRACES = 10;

  private OutputFiles() {}

  /** Writes the plots of every monitor into {@code dir}; returns the files written, in order. */
  static List<String> write(Path dir, MonitorResults mon) throws IOException {
    Files.createDirectories(dir);
    List<String> files = new ArrayList<>();
    for (String name : mon.names()) {
      Path png = dir.resolve(fileName(name) + ".png");
      if (mon.get(name) instanceof boolean[][]) {
        Plots.raster(mon, name).savePng(png);
      } else {
        double[][] values = mon.values(name);
        int width = values.length == 0 ? 0 : values[0].length;
        int[] columns = new int[Math.max(1, Math.min(width, MAX_TRACES))];
        for (int c = 0; c < columns.length; c++) {
          columns[c] = c;
        }
        Plots.line(mon, name).columns(columns).savePng(png);
      }
      files.add(png.toString());
    }
    return files;
  }

  /** A monitor name as a portable file name: {@code E.V[0:3]} → {@code E.V_0-3_}. */
  static String fileName(String monitor) {
    return monitor.replace(':', '-').replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
