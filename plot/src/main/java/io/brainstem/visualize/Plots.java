package io.brainstem.visualize;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import java.util.concurrent.CompletableFuture;

/**
 * Entry points for plotting runner records, like BrainPy's {@code bp.visualize}. Every plot writes
 * PNG ({@code savePng}) and SVG ({@code saveSvg}), or either by extension ({@code save}), and
 * {@code show()}s itself. Ticks are round (0, 20, 40 ms), neuron axes count whole neurons from 0,
 * and stacked panels share one time axis.
 *
 * <pre>{@code
 * Plots.raster(mon, "E.spike").savePng(Path.of("raster.png"));
 * Plots.raster(mon, "E.spike", "I.spike").savePng(Path.of("rasters.png"));   // one panel each
 * Plots.line(mon, "E.V").unit("mV").save(Path.of("v.svg"));               // y axis "E.V (mV)"
 * Plots.rate(mon, 5.0, "E.spike", "I.spike").savePng(Path.of("rate.png"));
 * Plots.eiFigure(mon, 5.0, "E.spike", "I.spike").show();
 * }</pre>
 */
public final class Plots {
  /** A population's raster panel gets at least this share of the largest one's height. */
  private static final double MIN_PANEL_SHARE = 0.25;

  private Plots() {}

  /**
   * Starts drawing a tiny plot on a daemon thread, so that the plotting classes (AWT, fonts,
   * XChart, the PNG encoder) load while the caller builds and runs its network, not when it
   * plots: call it first thing in a program that ends with a plot. A cold JVM's first plot then
   * costs the calling thread about half as much (docs/benchmarks-history.md). Idempotent; plotting without
   * it works the same.
   *
   * @return completes when the warm-up has drawn; exceptionally if drawing failed (the real plot
   *     would then fail the same way, with the same exception)
   */
  public static CompletableFuture<Void> prepare() {
    return Warmup.start();
  }

  /** A raster of a spike record. */
  public static RasterPlot raster(double[] ts, boolean[][] spikes) {
    return RasterPlot.of(ts, spikes);
  }

  /** A raster of spike monitor {@code name}, titled with it: {@code Plots.raster(runner.mon(), "E.spike")}. */
  public static RasterPlot raster(MonitorResults mon, String name) {
    return RasterPlot.of(name, mon.events(name)).ids(mon.indices(name)).title(name);
  }

  /**
   * Rasters of several spike monitors stacked top to bottom in the order given, one panel each on a
   * shared time axis: each panel counts its own neurons from 0, is drawn in its palette colour,
   * labelled {@code "<group> neuron"} (the group is the monitor name up to its first dot) and is as
   * tall as its population is large relative to the others (at least a quarter of the largest).
   * 800 × 500 pixels.
   */
  public static StackedFigure raster(MonitorResults mon, String first, String... more) {
    StackedFigure fig = StackedFigure.of(800, 500);
    addRasters(fig, mon, 1.0, first, more);
    return fig;
  }

  private static void addRasters(StackedFigure fig, MonitorResults mon, double share, String first, String... more) {
    String[] names = names(first, more);
    SpikeEvents[] events = new SpikeEvents[names.length];
    int largest = 1;
    for (int i = 0; i < names.length; i++) {
      events[i] = mon.events(names[i]);
      largest = Math.max(largest, events[i].width());
    }
    double total = 0;
    double[] weights = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      weights[i] = Math.max(MIN_PANEL_SHARE, events[i].width() / (double) largest);
      total += weights[i];
    }
    for (int i = 0; i < names.length; i++) {
      String group = group(names[i]);
      RasterPlot panel = RasterPlot.of(group, events[i]).ids(mon.indices(names[i])).color(Palette.color(i)).title("")
          .yLabel(group + " neuron");
      fig.add(panel, share * weights[i] / total);
    }
  }

  /** Traces of a value record, one line per column. */
  public static LinePlot line(double[] ts, double[][] values) {
    return LinePlot.of(ts, values);
  }

  /**
   * Traces of value monitor {@code name}, one line per recorded column, titled with the name, its
   * y axis {@code name} (add the unit with {@link LinePlot#unit}, e.g. {@code unit("mV")}), lines
   * labelled with the neuron each column recorded ({@code neuron 42} for {@code Monitor.of("E.V",
   * 0, 42)}'s second column), or {@code column c} for a probe.
   */
  public static LinePlot line(MonitorResults mon, String name) {
    LinePlot plot = LinePlot.of(mon.times(name), mon.values(name)).title(name).quantity(name);
    return mon.isProbe(name) ? plot.legend("column") : plot.ids(mon.indices(name));
  }

  /** Traces of value monitor {@code name} with a whole y-axis label, e.g. {@code "V (mV)"}. */
  public static LinePlot line(MonitorResults mon, String name, String yLabel) {
    return line(mon, name).yLabel(yLabel);
  }

  /** Population rates (Hz) of spike monitors, smoothed over {@code windowMs}, one line each. */
  public static RatePlot rate(MonitorResults mon, double windowMs, String first, String... more) {
    RatePlot plot = RatePlot.of(windowMs);
    for (String name : names(first, more)) {
      plot.add(group(name), mon.events(name));
    }
    return plot;
  }

  /**
   * The standard E/I-network figure, 900 × 700 pixels: a raster panel per spike monitor (as
   * {@link #raster(MonitorResults, String, String...)}, three quarters of the height together) over
   * their population rates smoothed over {@code windowMs} (one quarter), all on one time axis.
   */
  public static StackedFigure eiFigure(MonitorResults mon, double windowMs, String first, String... more) {
    StackedFigure fig = StackedFigure.of(900, 700).name("network");
    addRasters(fig, mon, 3.0, first, more);
    return fig.add(rate(mon, windowMs, first, more), 1.0);
  }

  private static String[] names(String first, String... more) {
    String[] all = new String[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }

  private static String group(String monitor) {
    int dot = monitor.indexOf('.');
    return dot > 0 ? monitor.substring(0, dot) : monitor;
  }
}
