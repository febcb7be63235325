package io.brainstem.export;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * CSV tables with a header line, comma-separated, numbers in Java's shortest round-trip form
 * ({@code 0.1}, {@code 1.0E-5}), one line per row:
 *
 * <ul>
 *   <li>spikes: {@code t,index}, one line per spike, in time order; {@code index} is the neuron
 *       (element) index, also when the monitor records an index list;
 *   <li>values: {@code t,<name>[i],…}, one line per recorded step, one column per recorded element
 *       {@code i}: {@code Monitor.of("E.V", 0, 42)} gives {@code t,E.V[0],E.V[42]}; a probe's
 *       columns are numbered {@code 0..n−1}.
 * </ul>
 */
public final class Csv {
  private Csv() {}

  /** Writes the spike table {@code t,index} of spike monitor {@code name}, with neuron indices. */
  public static Path spikes(Path file, MonitorResults mon, String name) {
    return spikes(file, mon.events(name), mon.indices(name));
  }

  /**
   * Writes the spike table {@code t,index} of spike events, with their columns as the index (the
   * neuron index when the monitor recorded the whole variable; see
   * {@link #spikes(Path, MonitorResults, String)} otherwise).
   */
  public static Path spikes(Path file, SpikeEvents events) {
    return spikes(file, events, null);
  }

  private static Path spikes(Path file, SpikeEvents events, int[] ids) {
    return Npy.toFile(file, out -> {
      Writer w = writer(out);
      w.write("t,index\n");
      double[] t = events.times();
      int[] columns = events.indices();
      for (int e = 0; e < t.length; e++) {
        w.write(Double.toString(t[e]));
        w.write(',');
        w.write(Integer.toString(ids == null ? columns[e] : ids[columns[e]]));
        w.write('\n');
      }
      w.flush();
    });
  }

  /** Writes the state table {@code t,name[i],…} of value monitor {@code name}. */
  public static Path values(Path file, MonitorResults mon, String name) {
    double[][] v = mon.values(name);
    double[] t = mon.times(name);
    int[] ids = mon.isProbe(name) ? null : mon.indices(name);
    return Npy.toFile(file, out -> {
      Writer w = writer(out);
      w.write("t");
      int cols = v.length == 0 ? (ids == null ? 0 : ids.length) : v[0].length;
      for (int c = 0; c < cols; c++) {
        w.write("," + name + "[" + (ids == null ? c : ids[c]) + "]");
      }
      w.write('\n');
      for (int k = 0; k < v.length; k++) {
        w.write(Double.toString(t[k]));
        for (double x : v[k]) {
          w.write(',');
          w.write(Double.toString(x));
        }
        w.write('\n');
      }
      w.flush();
    });
  }

  /**
   * Writes one CSV per monitor into {@code dir}: {@code <name>.csv} (spike table or state table).
   *
   * @return the directory
   */
  public static Path write(Path dir, MonitorResults mon) {
    for (String name : mon.names()) {
      Path file = dir.resolve(name + ".csv");
      if (mon.isSpike(name)) {
        spikes(file, mon, name);
      } else {
        values(file, mon, name);
      }
    }
    return dir;
  }

  private static Writer writer(java.io.OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }
}
