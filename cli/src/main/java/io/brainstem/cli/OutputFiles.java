package io.brainstem.cli;

import io.brainstem.export.Csv;
import io.brainstem.export.Npz;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.visualize.LinePlot;
import io.brainstem.visualize.Plots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --out DIR} writes besides the summary: the records as NPZ (and CSV on request), one
 * plot per monitor and, with spike monitors, the raster-over-rate network figure.
 */
final class OutputFiles {
  /** Value monitors are drawn with at most this many traces, so the plot stays readable. */
  static final int MAX_TRACES = 10;
  /** Smoothing window of the population rates in the network figure, ms. */
  static final double RATE_WINDOW_MS = 5.;

  /** Image format of the plots. */
  enum Format {
    png,
    svg
  }

  private OutputFiles() {}

  /** Writes everything into {@code dir}; returns the files written, in order. */
  static List<String> write(Path dir, MonitorResults mon, Format format, boolean csv) throws IOException {
    Files.createDirectories(dir);
    List<String> files = new ArrayList<>();
    files.add(Npz.write(dir.resolve("monitors.npz"), mon).toString());
    if (csv) {
      Csv.write(dir.resolve("csv"), mon);
      try (var listing = Files.list(dir.resolve("csv"))) {
        listing.sorted().forEach(f -> files.add(f.toString()));
      }
    }
    List<String> spikeMonitors = new ArrayList<>();
    for (String name : mon.names()) {
      Path file = dir.resolve(fileName(name) + "." + format);
      if (mon.isSpike(name)) {
        spikeMonitors.add(name);
        Plots.raster(mon, name).save(file);
      } else {
        double[][] values = mon.values(name);
        int width = values.length == 0 ? 0 : values[0].length;
        int[] columns = new int[Math.max(1, Math.min(width, MAX_TRACES))];
        for (int c = 0; c < columns.length; c++) {
          columns[c] = c;
        }
        LinePlot plot = Plots.line(mon, name).columns(columns);
        if (columns.length < width) { // say so rather than drop columns silently
          plot.title(name + " (first " + columns.length + " of " + width + " columns)");
        }
        plot.save(file);
      }
      files.add(file.toString());
    }
    if (!spikeMonitors.isEmpty()) {
      Path file = dir.resolve("network." + format);
      String first = spikeMonitors.get(0);
      String[] more = spikeMonitors.subList(1, spikeMonitors.size()).toArray(new String[0]);
      Plots.eiFigure(mon, RATE_WINDOW_MS, first, more).save(file);
      files.add(file.toString());
    }
    return files;
  }

  /** A monitor name as a portable file name: {@code E.V[0:3]} → {@code E.V_0-3_}. */
  static String fileName(String monitor) {
    return monitor.replace(':', '-').replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
