package io.brainstem.visualize;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * The decorations around a plot's data: title, axis lines, round ticks with labels, axis titles
 * and the legend. XChart draws the data inside {@link #area()}; the frame is ours because a
 * publishable figure needs round ticks, integer neuron axes and plot areas that line up across
 * stacked panels, none of which XChart's own axes guarantee.
 */
final class Frame {
  // not 12 px: VectorGraphics2D leaves the default size out of SVG, where readers then pick their own
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Color INK = new Color(40, 40, 40);
  private static final int PAD = 10;
  private static final int TICK = 5;
  private static final int GAP = 4;
  private static final int SWATCH = 20;
  /** Legend rows shown before the rest are summed up in one "+ n more" row. */
  static final int MAX_LEGEND_ROWS = 12;

  /**
   * What a stacked figure imposes on a panel: the shared x range (null: the plot's own), minimum
   * margins so plot areas line up, and whether the x axis is labelled (only the bottom panel's is).
   */
  record Options(Range x, int minLeft, int minRight, boolean xLabelled) {
    static final Options ALONE = new Options(null, 0, 0, true);
  }

  private final Plot<?> plot;
  private final FontRenderContext frc;
  private final Rectangle area;
  private final Range x;
  private final Range y;
  private final Ticks xTicks;
  private final Ticks yTicks;
  private final boolean xLabelled;
  private final List<LegendEntry> legend;
  private final String legendNote;

  private Frame(Plot<?> plot, FontRenderContext frc, int w, int h, Options opt) {
    this.plot = plot;
    this.frc = frc;
    this.xLabelled = opt.xLabelled();
    this.legend = plot.legendEntries();
    int more = legend.size() > MAX_LEGEND_ROWS ? legend.size() - (MAX_LEGEND_ROWS - 1) : 0;
    this.legendNote = more > 0 ? "+ " + more + " more (all drawn)" : null;
    int tickH = height(TICK_FONT);
    int top = PAD + (hasText(plot.titleText()) ? height(TITLE_FONT) + 6 : tickH / 2);
    int bottom = TICK + GAP + (xLabelled ? tickH + (hasText(plot.xLabelText()) ? GAP + height(AXIS_FONT) : 0) + PAD : 2);
    int ph = Math.max(10, h - top - bottom);
    this.y = plot.yRange();
    this.yTicks = Ticks.of(y.lo(), y.hi(), ph / 36 + 1, plot.integerY());
    int left = PAD + (hasText(plot.yLabelText()) ? height(AXIS_FONT) + 8 : 0) + widest(yTicks.labels()) + GAP + TICK;
    left = Math.max(left, opt.minLeft());
    int right = PAD + (legend.isEmpty() ? 0 : legendWidth() + 12);
    Range xr = opt.x() != null ? opt.x() : plot.xRange();
    int pw = Math.max(10, w - left - Math.max(right, opt.minRight()));
    Ticks xt = xTicks(xr, pw);
    xr = xr.snapped(xt.step());
    xt = xTicks(xr, pw);
    if (xLabelled && xt.values().length > 0) {
      String[] labels = xt.labels();
      right = Math.max(right, PAD + width(labels[labels.length - 1], TICK_FONT) / 2);
    }
    right = Math.max(right, opt.minRight());
    this.x = xr;
    this.xTicks = xTicks(xr, Math.max(10, w - left - right));
    this.area = new Rectangle(left, top, Math.max(10, w - left - right), ph);
  }

  /** Lays out {@code plot} over {@code w × h} pixels. */
  static Frame layout(Plot<?> plot, FontRenderContext frc, int w, int h, Options opt) {
    return new Frame(plot, frc, w, h, opt);
  }

  /** Round ticks whose labels fit side by side with room to spare. */
  private Ticks xTicks(Range r, int pw) {
    for (int max = Math.max(2, pw / 70 + 1); ; max--) {
      Ticks t = Ticks.of(r.lo(), r.hi(), max, false);
      int n = t.values().length;
      if (max == 2 || n < 2 || widest(t.labels()) + 16 <= pw * t.step() / (r.hi() - r.lo())) {
        return t;
      }
    }
  }

  /** Where the data are drawn, in the figure's pixels. */
  Rectangle area() {
    return new Rectangle(area);
  }

  /** The x range the area spans (the plot's, or the figure's shared one, snapped to a tick). */
  Range x() {
    return x;
  }

  /** The y range the area spans. */
  Range y() {
    return y;
  }

  Ticks xTicks() {
    return xTicks;
  }

  Ticks yTicks() {
    return yTicks;
  }

  /** The legend rows drawn, the last one a "+ n more" note when rows were summed up. */
  List<String> legendRows() {
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < legend.size() && (legendNote == null || i < MAX_LEGEND_ROWS - 1); i++) {
      rows.add(legend.get(i).label());
    }
    if (legendNote != null) {
      rows.add(legendNote);
    }
    return rows;
  }

  /** Left margin this layout needs. */
  int left() {
    return area.x;
  }

  /** Right margin this layout needs, given the figure width {@code w}. */
  int right(int w) {
    return w - area.x - area.width;
  }

  double screenX(double v) {
    return area.x + (v - x.lo()) / (x.hi() - x.lo()) * area.width;
  }

  double screenY(double v) {
    return area.y + area.height - (v - y.lo()) / (y.hi() - y.lo()) * area.height;
  }

  /** Draws everything but the data. */
  void paint(Graphics2D g) {
    g.setColor(INK);
    g.setStroke(new BasicStroke(1f));
    double bottom = area.y + area.height;
    g.draw(new Line2D.Double(area.x, area.y, area.x, bottom));
    g.draw(new Line2D.Double(area.x, bottom, area.x + area.width, bottom));
    g.setFont(TICK_FONT);
    int tickAscent = ascent(TICK_FONT);
    String[] xl = xTicks.labels();
    double[] xv = xTicks.values();
    for (int i = 0; i < xv.length; i++) {
      double sx = screenX(xv[i]);
      g.draw(new Line2D.Double(sx, bottom, sx, bottom + TICK));
      if (xLabelled) {
        g.drawString(xl[i], (float) (sx - width(xl[i], TICK_FONT) / 2.0), (float) (bottom + TICK + GAP + tickAscent));
      }
    }
    String[] yl = yTicks.labels();
    double[] yv = yTicks.values();
    for (int i = 0; i < yv.length; i++) {
      double sy = screenY(yv[i]);
      g.draw(new Line2D.Double(area.x - TICK, sy, area.x, sy));
      g.drawString(yl[i], (float) (area.x - TICK - GAP - width(yl[i], TICK_FONT)),
          (float) (sy + tickAscent / 2.0 - 1));
    }
    if (xLabelled && hasText(plot.xLabelText())) {
      g.setFont(AXIS_FONT);
      String s = plot.xLabelText();
      g.drawString(s, (float) (area.x + (area.width - width(s, AXIS_FONT)) / 2.0),
          (float) (bottom + TICK + GAP + height(TICK_FONT) + GAP + ascent(AXIS_FONT)));
    }
    if (hasText(plot.yLabelText())) {
      g.setFont(AXIS_FONT);
      String s = plot.yLabelText();
      AffineTransform saved = g.getTransform();
      g.translate(PAD + ascent(AXIS_FONT), area.y + (area.height + width(s, AXIS_FONT)) / 2.0);
      g.rotate(-Math.PI / 2);
      g.drawString(s, 0f, 0f);
      g.setTransform(saved);
    }
    if (hasText(plot.titleText())) {
      g.setFont(TITLE_FONT);
      String s = plot.titleText();
      g.drawString(s, (float) (area.x + (area.width - width(s, TITLE_FONT)) / 2.0),
          (float) (area.y - 6 - descent(TITLE_FONT)));
    }
    paintLegend(g);
  }

  private int legendWidth() {
    int w = 0;
    for (String row : legendRows()) {
      w = Math.max(w, width(row, TICK_FONT));
    }
    return 8 + SWATCH + 6 + w + 8;
  }

  private void paintLegend(Graphics2D g) {
    if (legend.isEmpty()) {
      return;
    }
    List<String> rows = legendRows();
    int rowH = height(TICK_FONT) + 4;
    int lx = area.x + area.width + 12;
    int ly = area.y;
    int lw = legendWidth();
    g.setColor(Color.WHITE);
    g.fillRect(lx, ly, lw, rows.size() * rowH + 8);
    g.setColor(new Color(200, 200, 200));
    g.drawRect(lx, ly, lw, rows.size() * rowH + 8);
    g.setFont(TICK_FONT);
    for (int i = 0; i < rows.size(); i++) {
      double cy = ly + 4 + i * rowH + rowH / 2.0;
      boolean note = legendNote != null && i == rows.size() - 1;
      if (!note) {
        LegendEntry e = legend.get(i);
        g.setColor(e.color());
        if (e.line()) {
          g.setStroke(new BasicStroke(2f));
          g.draw(new Line2D.Double(lx + 8, cy, lx + 8 + SWATCH, cy));
          g.setStroke(new BasicStroke(1f));
        } else {
          g.fill(new java.awt.geom.Ellipse2D.Double(lx + 8 + SWATCH / 2.0 - 3, cy - 3, 6, 6));
        }
      }
      g.setColor(INK);
      g.drawString(rows.get(i), (float) (note ? lx + 8 : lx + 8 + SWATCH + 6),
          (float) (cy + ascent(TICK_FONT) / 2.0 - 1));
    }
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  private int widest(String[] labels) {
    int w = 0;
    for (String s : labels) {
      w = Math.max(w, width(s, TICK_FONT));
    }
    return w;
  }

  private int width(String s, Font f) {
    return (int) Math.ceil(f.getStringBounds(s, frc).getWidth());
  }

  private int ascent(Font f) {
    return (int) Math.ceil(f.getLineMetrics("0", frc).getAscent());
  }

  private int descent(Font f) {
    return (int) Math.ceil(f.getLineMetrics("0", frc).getDescent());
  }

  private int height(Font f) {
    return ascent(f) + descent(f);
  }
}
