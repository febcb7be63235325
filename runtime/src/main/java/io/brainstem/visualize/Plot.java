package io.brainstem.visualize;

import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * What raster, line and rate plots share: title, size, axis titles (with units), an XChart
 * {@link XYChart}, and the PNG/SVG/window output of {@link Figure}.
 *
 * @param <P> the concrete plot, returned by every setter
 */
public abstract class Plot<P extends Plot<P>> extends Figure {
  private String title;
  private int width = 800;
  private int height = 500;
  private String xLabel = "Time (ms)";
  private String yLabel;

  Plot(String title, String yLabel) {
    this.title = title;
    this.yLabel = yLabel;
  }

  abstract P self();

  /** Adds this plot's series to an empty chart. */
  abstract void addSeries(XYChart chart);

  /** The chart title (empty or null: none). */
  public P title(String title) {
    this.title = title;
    return self();
  }

  /** Image size in pixels (default 800 × 500). */
  public P size(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("plot size must be positive, got " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
    return self();
  }

  /** The x-axis title (default {@code Time (ms)}). */
  public P xLabel(String label) {
    this.xLabel = label;
    return self();
  }

  /** The y-axis title. */
  public P yLabel(String label) {
    this.yLabel = label;
    return self();
  }

  /** The XChart chart, for further styling or display. */
  public XYChart chart() {
    Headless.ensure();
    XYChart chart = new XYChartBuilder()
        .width(width).height(height).title(title == null ? "" : title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartTitleVisible(title != null && !title.isEmpty());
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    addSeries(chart);
    return chart;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public String name() {
    return title == null ? "" : title;
  }

  /** The y-axis title. */
  String yLabel() {
    return yLabel;
  }

  @Override
  public void paint(Graphics2D g, int w, int h) {
    XYChart chart = chart();
    chart.paint(g, w, h);
  }

  static void checkRows(double[] ts, int rows, String what) {
    if (ts == null) {
      throw new IllegalArgumentException("ts is null");
    }
    if (rows != ts.length) {
      throw new IllegalArgumentException(
          what + " has " + rows + " rows but ts has " + ts.length + " times; expected one row per time");
    }
  }
}
