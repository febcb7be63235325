package io.brainstem.visualize;

import io.brainstem.monitors.SpikeEvents;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A spike raster of one population, BrainPy's {@code raster_plot(ts, spikes)}: a dot at
 * (t, neuron id) for every spike, on an integer neuron axis from 0. Several populations go in
 * separate panels of a {@link StackedFigure} sharing the time axis ({@link Plots#raster(
 * io.brainstem.monitors.MonitorResults, String, String...)}), so each keeps its own neuron ids.
 *
 * <pre>{@code
 * RasterPlot.of(mon.ts(), mon.spikes("E.spike")).title("E spikes").savePng(Path.of("raster.png"));
 * RasterPlot.of("E", mon.events("E.spike")).color(Palette.color(0)).save(Path.of("raster.svg"));
 * }</pre>
 */
public final class RasterPlot extends Plot<RasterPlot> {
  private final String label;
  private final double[] times;
  private final int[] columns;
  private final int size;
  private final Range span; // null: no recorded steps
  private int[] ids; // null: the column index is the neuron id
  private Color color = Color.BLACK;
  private int markerSize = 2;

  private RasterPlot(String label, double[] times, int[] columns, int size, Range span) {
    super("Raster plot", "Neuron index");
    this.label = label;
    this.times = times;
    this.columns = columns;
    this.size = size;
    this.span = span;
  }

  /** A raster of {@code spikes[k][i]} at time {@code ts[k]}. */
  public static RasterPlot of(double[] ts, boolean[][] spikes) {
    checkRows(ts, spikes == null ? -1 : spikes.length, "the spike record");
    int n = 0;
    for (boolean[] row : spikes) {
      for (boolean s : row) {
        n += s ? 1 : 0;
      }
    }
    double[] times = new double[n];
    int[] indices = new int[n];
    int at = 0;
    for (int k = 0; k < spikes.length; k++) {
      for (int i = 0; i < spikes[k].length; i++) {
        if (spikes[k][i]) {
          times[at] = ts[k];
          indices[at++] = i;
        }
      }
    }
    int size = spikes.length == 0 ? 0 : spikes[0].length;
    return new RasterPlot("spikes", times, indices, size, ts.length == 0 ? null : Range.around(ts[0], ts[ts.length - 1]));
  }

  /** A raster of spike events, its series named {@code label}. */
  public static RasterPlot of(String label, SpikeEvents events) {
    double[] rt = events.rowTimes();
    Range span = rt.length == 0 ? null : Range.around(rt[0], rt[rt.length - 1]);
    return new RasterPlot(label, events.times(), events.indices(), events.width(), span);
  }

  /**
   * The neuron id of each recorded column, in column order, e.g. {@code ids(5, 17)} for
   * {@code Monitor.of("E.spike", 5, 17)}; dots are then drawn at the ids.
   */
  public RasterPlot ids(int... ids) {
    if (ids == null || ids.length != size) {
      throw new IllegalArgumentException("give one neuron id per recorded column: the record has " + size
          + " columns, got " + (ids == null ? "null" : ids.length + " ids"));
    }
    for (int id : ids) {
      if (id < 0) {
        throw new IllegalArgumentException("neuron ids are >= 0, got " + id);
      }
    }
    this.ids = ids.clone();
    return this;
  }

  /** The dot colour (default black). */
  public RasterPlot color(Color color) {
    this.color = java.util.Objects.requireNonNull(color, "color");
    return this;
  }

  /** Marker diameter in pixels (default 2). */
  public RasterPlot markerSize(int pixels) {
    if (pixels <= 0) {
      throw new IllegalArgumentException("marker size must be positive, got " + pixels);
    }
    this.markerSize = pixels;
    return this;
  }

  /** Number of spikes drawn. */
  public int spikeCount() {
    return times.length;
  }

  /** Neurons on the axis: 0 up to the largest id. */
  int neurons() {
    if (ids == null) {
      return size;
    }
    int max = -1;
    for (int id : ids) {
      max = Math.max(max, id);
    }
    return max + 1;
  }

  @Override
  RasterPlot self() {
    return this;
  }

  @Override
  boolean integerY() {
    return true;
  }

  @Override
  Range xRange() {
    if (span == null) {
      throw new IllegalArgumentException("nothing to plot: the spike record has no time steps");
    }
    return span;
  }

  @Override
  Range yRange() {
    return new Range(-0.5, Math.max(1, neurons()) - 0.5); // each neuron a row centred on its id
  }

  @Override
  void addSeries(XYChart chart) {
    if (times.length == 0) {
      return; // an empty raster: axes only
    }
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(markerSize);
    double[] y = new double[times.length];
    for (int e = 0; e < y.length; e++) {
      y[e] = ids == null ? columns[e] : ids[columns[e]];
    }
    XYSeries series = chart.addSeries(label, times, y);
    series.setMarker(new RasterDot());
    series.setMarkerColor(color);
  }
}
