package io.brainstem.visualize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Traces over time, BrainPy's {@code line_plot(ts, values)}: one line per column of a
 * {@code double[T][n]} record, every column unless {@link #columns} picks some. Lines are labelled
 * with the neuron each column recorded ({@code neuron 42}): the column index itself unless
 * {@link #ids} says which neurons the columns are (a monitor of some elements). Every chosen column
 * is drawn; past {@value Frame#MAX_LEGEND_ROWS} lines the legend ends with a "+ n more (all drawn)"
 * row.
 */
public final class LinePlot extends Plot<LinePlot> {
  private final double[] ts;
  private final double[][] values;
  private int[] columns; // null: all
  private int[] ids; // null: the column index is the neuron id
  private String legend = "neuron";
  private String quantity;

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

  private int recordWidth() {
    return values.length == 0 ? 0 : values[0].length;
  }

  /** The columns to draw, one line each (default: all). */
  public LinePlot columns(int... columns) {
    if (columns == null || columns.length == 0) {
      throw new IllegalArgumentException("give at least one column to plot");
    }
    for (int c : columns) {
      if (c < 0 || c >= recordWidth()) {
        throw new IllegalArgumentException(
            "column " + c + " is out of range; the record has " + recordWidth() + " columns");
      }
    }
    this.columns = columns.clone();
    return this;
  }

  /**
   * The neuron id of each column of the record, in column order, e.g. {@code ids(0, 42, 100)} for
   * {@code Monitor.of("E.V", 0, 42, 100)}; the legend then reads {@code neuron 42}.
   */
  public LinePlot ids(int... ids) {
    if (ids == null || (values.length > 0 && ids.length != recordWidth())) {
      throw new IllegalArgumentException("give one neuron id per column: the record has " + recordWidth()
          + " columns, got " + (ids == null ? "null" : ids.length + " ids"));
    }
    this.ids = ids.clone();
    return this;
  }

  /** The word before each line's neuron id in the legend (default {@code neuron}: "neuron 42"). */
  public LinePlot legend(String prefix) {
    this.legend = prefix == null ? "" : prefix.strip();
    return this;
  }

  /**
   * The unit of the values, shown on the y axis after the quantity: {@code unit("mV")} on
   * {@code Plots.line(mon, "E.V")} gives {@code E.V (mV)}.
   */
  public LinePlot unit(String unit) {
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("give a unit such as \"mV\", or set the whole label with yLabel");
    }
    String base = quantity != null ? quantity : yLabelText();
    return yLabel(base + " (" + unit.strip() + ")");
  }

  /** The quantity {@link #unit} appends to (the y label until a unit is given). */
  LinePlot quantity(String quantity) {
    this.quantity = quantity;
    return yLabel(quantity);
  }

  @Override
  LinePlot self() {
    return this;
  }

  private int[] drawn() {
    if (columns != null) {
      return columns;
    }
    int[] all = new int[recordWidth()];
    for (int c = 0; c < all.length; c++) {
      all[c] = c;
    }
    return all;
  }

  /** The legend label of column {@code c}. */
  String label(int c) {
    int id = ids == null ? c : ids[c];
    return legend.isEmpty() ? String.valueOf(id) : legend + " " + id;
  }

  private void checkNotEmpty() {
    if (ts.length == 0) {
      throw new IllegalArgumentException("nothing to plot: the record has no time steps");
    }
    if (recordWidth() == 0) {
      throw new IllegalArgumentException("nothing to plot: the record has no columns");
    }
  }

  @Override
  Range xRange() {
    checkNotEmpty();
    return Range.around(ts[0], ts[ts.length - 1]);
  }

  @Override
  Range yRange() {
    checkNotEmpty();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (int c : drawn()) {
        if (Double.isFinite(row[c])) {
          lo = Math.min(lo, row[c]);
          hi = Math.max(hi, row[c]);
        }
      }
    }
    return lo > hi ? new Range(-1, 1) : Range.around(lo, hi).padded(0.05);
  }

  @Override
  List<LegendEntry> legendEntries() {
    int[] drawn = drawn();
    List<LegendEntry> rows = new ArrayList<>();
    if (drawn.length > 1) {
      for (int i = 0; i < drawn.length; i++) {
        rows.add(new LegendEntry(label(drawn[i]), Palette.color(i), true));
      }
    }
    return rows;
  }

  @Override
  void addSeries(XYChart chart) {
    checkNotEmpty();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    int[] drawn = drawn();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < drawn.length; i++) {
      int c = drawn[i];
      double[] y = new double[ts.length];
      for (int k = 0; k < ts.length; k++) {
        y[k] = values[k][c];
      }
      String name = label(c);
      if (!names.add(name)) {
        name = name + " (column " + c + ")"; // the same neuron recorded twice
        names.add(name);
      }
      XYSeries s = chart.addSeries(name, ts, y);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Palette.color(i));
      s.setLineStyle(new java.awt.BasicStroke(1.5f)); // solid: XChart dashes series past its palette
    }
  }
}
