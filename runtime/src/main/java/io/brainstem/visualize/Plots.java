package io.brainstem.visualize;

import io.brainstem.monitors.MonitorResults;

/**
 * Entry points for plotting runner records, like BrainPy's {@code bp.visualize}. Every plot writes
 * PNG ({@code savePng}) and SVG ({@code saveSvg}), or either by extension ({@code save}), and
 * {@code show()}s itself.
 *
 * <pre>{@code
 * Plots.raster(mon, "E.spike", "I.spike").savePng(Path.of("raster.png"));
 * Plots.line(mon, "E.V", "V (mV)").columns(0, 1).save(Path.of("v.svg"));
 * Plots.rate(mon, 5.0, "E.spike", "I.spike").savePng(Path.of("rate.png"));
 * Plots.eiFigure(mon, 5.0, "E.spike", "I.spike").show();
 * }</pre>
 */
public final class Plots {
  private Plots() {}

  /** A raster of a spike record. */
  public static RasterPlot raster(double[] ts, boolean[][] spikes) {
    return RasterPlot.of(ts, spikes);
  }

  /** A raster of spike monitor {@code name}, titled with it: {@code Plots.raster(runner.mon(), "E.spike")}. */
  public static RasterPlot raster(MonitorResults mon, String name) {
    return RasterPlot.empty().add(name, mon.events(name), java.awt.Color.BLACK).title(name);
  }

  /**
   * One raster of several spike monitors, stacked in the order given, each in its palette colour
   * and labelled with the group name (the monitor name up to its first dot).
   */
  public static RasterPlot raster(MonitorResults mon, String first, String... more) {
    RasterPlot plot = RasterPlot.empty().title("");
    plot.add(label(first), mon.events(first));
    for (String name : more) {
      plot.add(label(name), mon.events(name));
    }
    return plot;
  }

  /** Traces of a value record (column 0 unless {@link LinePlot#columns} is set). */
  public static LinePlot line(double[] ts, double[][] values) {
    return LinePlot.of(ts, values);
  }

  /** Traces of value monitor {@code name}, titled with it and labelled {@code name-column}. */
  public static LinePlot line(MonitorResults mon, String name) {
    return LinePlot.of(mon.times(name), mon.values(name)).title(name).yLabel(name).legend(name);
  }

  /** Traces of value monitor {@code name} with a y-axis label carrying units, e.g. {@code "V (mV)"}. */
  public static LinePlot line(MonitorResults mon, String name, String yLabel) {
    return line(mon, name).yLabel(yLabel);
  }

  /** Population rates (Hz) of spike monitors, smoothed over {@code windowMs}, one line each. */
  public static RatePlot rate(MonitorResults mon, double windowMs, String first, String... more) {
    RatePlot plot = RatePlot.of(windowMs);
    plot.add(label(first), mon.events(first));
    for (String name : more) {
      plot.add(label(name), mon.events(name));
    }
    return plot;
  }

  /**
   * The standard E/I-network figure: the raster of all given spike monitors (three quarters of the
   * height) over their population rates smoothed over {@code windowMs} (one quarter), 900 × 700
   * pixels.
   */
  public static StackedFigure eiFigure(MonitorResults mon, double windowMs, String first, String... more) {
    RasterPlot raster = raster(mon, first, more).xLabel("").size(900, 525);
    RatePlot rate = rate(mon, windowMs, first, more).size(900, 175);
    return StackedFigure.of(900, 700).add(raster, 3).add(rate, 1).name("network");
  }

  private static String label(String monitor) {
    int dot = monitor.indexOf('.');
    return dot > 0 ? monitor.substring(0, dot) : monitor;
  }
}
