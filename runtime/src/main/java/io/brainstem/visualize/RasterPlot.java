package io.brainstem.visualize;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A spike raster, BrainPy's {@code raster_plot(ts, spikes)}: a dot at (t, neuron index) for every
 * spike in a {@code boolean[T][N]} record.
 *
 * <pre>{@code
 * RasterPlot.of(mon.ts(), mon.spikes("E.spike")).title("E spikes").savePng(Path.of("raster.png"));
 * }</pre>
 */
public final class RasterPlot extends Plot<RasterPlot> {
  private final double[] ts;
  private final boolean[][] spikes;
  private int markerSize = 2;

  private RasterPlot(double[] ts, boolean[][] spikes) {
    super("Raster plot", "Neuron index");
    checkRows(ts, spikes == null ? -1 : spikes.length, "the spike record");
    this.ts = ts;
    this.spikes = spikes;
  }

  /** A raster of {@code spikes[k][i]} at time {@code ts[k]}. */
  public static RasterPlot of(double[] ts, boolean[][] spikes) {
    return new RasterPlot(ts, spikes);
  }

  /** Marker diameter in pixels (default 2). */
  public RasterPlot markerSize(int pixels) {
    if (pixels <= 0) {
      throw new IllegalArgumentException("marker size must be positive, got " + pixels);
    }
    this.markerSize = pixels;
    return this;
  }

  /** Number of spikes in the record. */
  public int spikeCount() {
    int n = 0;
    for (boolean[] row : spikes) {
      for (boolean s : row) {
        if (s) {
          n++;
        }
      }
    }
    return n;
  }

  @Override
  RasterPlot self() {
    return this;
  }

  @Override
  void addSeries(XYChart chart) {
    int n = spikeCount();
    double[] x = new double[n];
    double[] y = new double[n];
    int at = 0;
    for (int k = 0; k < spikes.length; k++) {
      boolean[] row = spikes[k];
      for (int i = 0; i < row.length; i++) {
        if (row[i]) {
          x[at] = ts[k];
          y[at++] = i;
        }
      }
    }
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(markerSize);
    chart.getStyler().setLegendVisible(false);
    if (n == 0) {
      // XChart rejects empty series; an invisible point keeps the axes of an empty raster.
      x = new double[] {ts.length == 0 ? 0 : ts[0]};
      y = new double[] {0};
    }
    XYSeries series = chart.addSeries("spikes", x, y);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(n == 0 ? new java.awt.Color(0, 0, 0, 0) : java.awt.Color.BLACK);
  }
}
