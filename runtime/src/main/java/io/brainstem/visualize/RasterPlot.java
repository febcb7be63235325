package io.brainstem.visualize;

import io.brainstem.monitors.SpikeEvents;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A spike raster, BrainPy's {@code raster_plot(ts, spikes)}: a dot at (t, neuron index) for every
 * spike. Several populations share one raster, stacked upwards in the order added (the second
 * population's neuron 0 sits just above the first population's last neuron), each in its own
 * colour with a legend.
 *
 * <pre>{@code
 * RasterPlot.of(mon.ts(), mon.spikes("E.spike")).title("E spikes").savePng(Path.of("raster.png"));
 * Plots.raster(mon, "E.spike", "I.spike").save(Path.of("raster.svg"));   // E blue, I vermillion
 * }</pre>
 */
public final class RasterPlot extends Plot<RasterPlot> {
  private record Population(String label, double[] times, int[] indices, int size, Color color) {}

  private final List<Population> populations = new ArrayList<>();
  private int markerSize = 2;
  private double[] xRange; // null: from the data

  private RasterPlot() {
    super("Raster plot", "Neuron index");
  }

  /** A raster of {@code spikes[k][i]} at time {@code ts[k]} (one population, black). */
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
    RasterPlot plot = new RasterPlot();
    int size = spikes.length == 0 ? 0 : spikes[0].length;
    plot.populations.add(new Population("spikes", times, indices, size, Color.BLACK));
    plot.xRange = ts.length == 0 ? null : new double[] {ts[0], ts[ts.length - 1]};
    return plot;
  }

  /** An empty raster to {@link #add} populations to. */
  public static RasterPlot empty() {
    return new RasterPlot();
  }

  /** Adds a population drawn in the next palette colour, labelled {@code label}. */
  public RasterPlot add(String label, SpikeEvents events) {
    return add(label, events, Palette.color(populations.size()));
  }

  /** Adds a population drawn in {@code color}. */
  public RasterPlot add(String label, SpikeEvents events, Color color) {
    populations.add(new Population(label, events.times(), events.indices(), events.width(), color));
    double[] rt = events.rowTimes();
    if (rt.length > 0) {
      xRange = xRange == null ? new double[] {rt[0], rt[rt.length - 1]}
          : new double[] {Math.min(xRange[0], rt[0]), Math.max(xRange[1], rt[rt.length - 1])};
    }
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
    int n = 0;
    for (Population p : populations) {
      n += p.times().length;
    }
    return n;
  }

  @Override
  RasterPlot self() {
    return this;
  }

  @Override
  void addSeries(XYChart chart) {
    if (populations.isEmpty()) {
      throw new IllegalArgumentException("nothing to plot: add a population with add(label, events)");
    }
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(markerSize);
    chart.getStyler().setLegendVisible(populations.size() > 1);
    if (xRange != null && xRange[1] > xRange[0]) {
      chart.getStyler().setXAxisMin(xRange[0]);
      chart.getStyler().setXAxisMax(xRange[1]);
    }
    int offset = 0;
    for (Population p : populations) {
      double[] x = p.times();
      double[] y = new double[x.length];
      for (int e = 0; e < y.length; e++) {
        y[e] = p.indices()[e] + offset;
      }
      boolean empty = x.length == 0;
      if (empty) {
        // XChart rejects empty series; an invisible point keeps the axes and the legend entry.
        x = new double[] {xRange == null ? 0 : xRange[0]};
        y = new double[] {offset};
      }
      XYSeries series = chart.addSeries(p.label(), x, y);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(empty && populations.size() == 1 ? new Color(0, 0, 0, 0) : p.color());
      offset += p.size();
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax((double) Math.max(1, offset));
  }
}
