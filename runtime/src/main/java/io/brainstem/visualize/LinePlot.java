package io.brainstem.visualize;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Traces over time, BrainPy's {@code line_plot(ts, values)}: one line per chosen column of a
 * {@code double[T][n]} record (column 0 unless {@link #columns} says otherwise).
 */
public final class LinePlot extends Plot<LinePlot> {
  private final double[] ts;
  private final double[][] values;
  private int[] columns = {0};
  private String legend = "";

  private LinePlot(double[] ts, double[][] values) {
    super("", "Value");
    checkRows(ts, values == null ? -1 : values.length, "the value record");
    this.ts = ts;
    this.values = values;
  }

  /** Traces of {@code values[k][c]} at time {@code ts[k]}. */
  public static LinePlot of(double[] ts, double[][] values) {
    return new LinePlot(ts, values);
  }

  /** The columns to draw, one line each. */
  public LinePlot columns(int... columns) {
    if (columns == null || columns.length == 0) {
      throw new IllegalArgumentException("give at least one column to plot");
    }
    int width = values.length == 0 ? 0 : values[0].length;
    for (int c : columns) {
      if (c < 0 || c >= width) {
        throw new IllegalArgumentException(
            "column " + c + " is out of range; the record has " + width + " columns");
      }
    }
    this.columns = columns.clone();
    return this;
  }

  /** Legend prefix: lines are labelled {@code prefix-column}, e.g. {@code V-3}. */
  public LinePlot legend(String prefix) {
    this.legend = prefix == null ? "" : prefix;
    return this;
  }

  @Override
  LinePlot self() {
    return this;
  }

  @Override
  void addSeries(XYChart chart) {
    if (ts.length == 0) {
      throw new IllegalArgumentException("nothing to plot: the record has no time steps");
    }
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setLegendVisible(!legend.isEmpty() || columns.length > 1);
    for (int c : columns) {
      if (c >= values[0].length) {
        throw new IllegalArgumentException(
            "column " + c + " is out of range; the record has " + values[0].length + " columns");
      }
      double[] y = new double[ts.length];
      for (int k = 0; k < ts.length; k++) {
        y[k] = values[k][c];
      }
      String label = legend.isEmpty() ? String.valueOf(c) : legend + "-" + c;
      chart.addSeries(label, ts, y).setMarker(SeriesMarkers.NONE);
    }
  }
}
