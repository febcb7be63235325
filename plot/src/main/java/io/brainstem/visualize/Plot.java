package io.brainstem.visualize;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.XYStyler;

/**
 * What raster, line and rate plots share: title, size, axis titles (with units), the data as an
 * XChart {@link XYChart}, a frame of round ticks around it, and the PNG/SVG/window output of
 * {@link Figure}.
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

  /** The x extent of the data (before snapping to a round tick). */
  abstract Range xRange();

  /** The y extent drawn (data plus any padding). */
  abstract Range yRange();

  /** Whether the y axis counts things (integer ticks only). */
  boolean integerY() {
    return false;
  }

  /** The legend rows; empty for no legend. */
  List<LegendEntry> legendEntries() {
    return List.of();
  }

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

  /** The y-axis title, with the unit in parentheses, e.g. {@code "V (mV)"}. */
  public P yLabel(String label) {
    this.yLabel = label;
    return self();
  }

  /**
   * The data as an XChart chart at this plot's size: the series, the titles, and the axis ranges
   * the figure uses (x snapped to round ticks). XChart's own axes are drawn if you paint it
   * yourself; {@link #paint} draws the data with Brainstem's frame instead.
   */
  public XYChart chart() {
    AwtDefaults.ensure();
    Frame f = frame(width, height);
    XYChart chart = bare(f.x(), f.y(), width, height);
    chart.setTitle(title == null ? "" : title);
    chart.setXAxisTitle(xLabel == null ? "" : xLabel);
    chart.setYAxisTitle(yLabel == null ? "" : yLabel);
    XYStyler s = chart.getStyler();
    s.setChartTitleVisible(title != null && !title.isEmpty());
    s.setAxisTitlesVisible(true);
    s.setAxisTicksVisible(true);
    s.setLegendVisible(!legendEntries().isEmpty());
    s.setPlotContentSize(0.92);
    return chart;
  }

  /** The layout of this plot alone at {@code w × h} pixels. */
  Frame frame(int w, int h) {
    return frame(w, h, Frame.Options.ALONE);
  }

  Frame frame(int w, int h, Frame.Options opt) {
    AwtDefaults.ensure();
    java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      return Frame.layout(this, g.getFontRenderContext(), w, h, opt);
    } finally {
      g.dispose();
    }
  }

  /** A chart of the data only, mapping {@code x × y} exactly onto {@code w × h} pixels. */
  XYChart bare(Range x, Range y, int w, int h) {
    XYChart chart = new XYChartBuilder().width(w).height(h).build();
    XYStyler s = chart.getStyler();
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setAxisTitlesVisible(false);
    s.setAxisTicksVisible(false);
    s.setPlotGridLinesVisible(false);
    s.setPlotBorderVisible(false);
    s.setChartPadding(0);
    s.setPlotMargin(0);
    s.setPlotContentSize(1.0);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setXAxisMin(x.lo());
    s.setXAxisMax(x.hi());
    s.setYAxisMin(y.lo());
    s.setYAxisMax(y.hi());
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

  String titleText() {
    return title;
  }

  String xLabelText() {
    return xLabel;
  }

  String yLabelText() {
    return yLabel;
  }

  @Override
  public void paint(Graphics2D g, int w, int h) {
    paint(g, w, h, Frame.layout(this, g.getFontRenderContext(), w, h, Frame.Options.ALONE));
  }

  /** Draws the data with XChart inside the frame's area, then the frame around it. */
  void paint(Graphics2D g, int w, int h, Frame f) {
    Rectangle a = f.area();
    XYChart chart = bare(f.x(), f.y(), a.width, a.height);
    if (!chart.getSeriesCollection().isEmpty()) {
      Graphics2D sub = (Graphics2D) g.create();
      try {
        sub.translate(a.x, a.y);
        sub.clipRect(-4, -4, a.width + 8, a.height + 8); // room for markers on the edges
        chart.paint(sub, a.width, a.height);
      } finally {
        sub.dispose();
      }
    }
    f.paint(g);
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
