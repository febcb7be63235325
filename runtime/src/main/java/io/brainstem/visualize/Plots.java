package io.brainstem.visualize;

import io.brainstem.monitors.MonitorResults;

/** Entry points for plotting runner records, like BrainPy's {@code bp.visualize}. */
public final class Plots {
  private Plots() {}

  /** A raster of a spike record. */
  public static RasterPlot raster(double[] ts, boolean[][] spikes) {
    return RasterPlot.of(ts, spikes);
  }

  /** A raster of spike monitor {@code name}, titled with it: {@code Plots.raster(runner.mon(), "E.spike")}. */
  public static RasterPlot raster(MonitorResults mon, String name) {
    return RasterPlot.of(mon.ts(), mon.spikes(name)).title(name);
  }

  /** Traces of a value record (column 0 unless {@link LinePlot#columns} is set). */
  public static LinePlot line(double[] ts, double[][] values) {
    return LinePlot.of(ts, values);
  }

  /** Traces of value monitor {@code name}, titled with it and labelled {@code name-column}. */
  public static LinePlot line(MonitorResults mon, String name) {
    return LinePlot.of(mon.ts(), mon.values(name)).title(name).yLabel(name).legend(name);
  }
}
