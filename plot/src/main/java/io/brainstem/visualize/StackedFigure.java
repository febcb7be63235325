package io.brainstem.visualize;

import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Plots stacked vertically in one figure, each given a share of the height, on one time axis: every
 * panel spans the same x range with its plot area at the same left and right edges, and only the
 * bottom panel labels the x axis. Each panel keeps its own y axis and title (e.g. the standard
 * E/I-network figure, {@link Plots#eiFigure}: a raster panel per population over their rates).
 *
 * <pre>{@code
 * StackedFigure.of(900, 700).add(raster, 3).add(rate, 1).savePng(Path.of("einet.png"));
 * }</pre>
 */
public final class StackedFigure extends Figure {
  private record Panel(Plot<?> plot, double weight) {}

  private final int width;
  private final int height;
  private final List<Panel> panels = new ArrayList<>();
  private String name = "";
  private String title = "";

  private StackedFigure(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("figure size must be positive, got " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
  }

  /** An empty figure of {@code width × height} pixels. */
  public static StackedFigure of(int width, int height) {
    return new StackedFigure(width, height);
  }

  /** Adds a plot below the others, taking {@code weight} shares of the height. */
  public StackedFigure add(Plot<?> plot, double weight) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("panel weight must be positive, got " + weight);
    }
    panels.add(new Panel(java.util.Objects.requireNonNull(plot, "plot"), weight));
    return this;
  }

  /** The name used for the window title and {@link #show()}'s file. */
  public StackedFigure name(String name) {
    this.name = name == null ? "" : name;
    return this;
  }

  /** A title over all panels (empty: none); also the {@link #name()} unless one is set. */
  public StackedFigure title(String title) {
    this.title = title == null ? "" : title;
    return this;
  }

  /** The plots, top to bottom. */
  public List<Plot<?>> plots() {
    return panels.stream().<Plot<?>>map(Panel::plot).toList();
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
    return name.isEmpty() ? title : name;
  }

  /** A panel laid out: its plot, its top in the figure and height, and its frame. */
  record Placed(Plot<?> plot, int top, int height, Frame frame) {}

  /**
   * Lays the panels out over {@code w × h}: one shared x range (the union of theirs) and the widest
   * left and right margins any panel needs, so every plot area spans the same pixels.
   */
  List<Placed> layout(FontRenderContext frc, int w, int h) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("nothing to draw: add plots with add(plot, weight)");
    }
    int band = title.isBlank() ? 0 : titleBand(frc);
    double total = panels.stream().mapToDouble(Panel::weight).sum();
    int n = panels.size();
    int[] tops = new int[n];
    int[] heights = new int[n];
    Range x = null;
    for (Panel p : panels) {
      x = x == null ? p.plot().xRange() : x.union(p.plot().xRange());
    }
    // Weights share out the plot areas' heights; each panel adds its own fixed margins (the bottom
    // one its x labels), found by a first layout at an even split.
    int[] overhead = new int[n];
    for (int p = 0; p < n; p++) {
      int trial = Math.max(100, (h - band) / n);
      Frame f = Frame.layout(panels.get(p).plot(), frc, w, trial, new Frame.Options(x, 0, 0, p == n - 1));
      overhead[p] = trial - f.area().height;
    }
    int free = Math.max(10 * n, h - band - java.util.Arrays.stream(overhead).sum());
    int y = band;
    for (int p = 0; p < n; p++) {
      heights[p] = p == n - 1 ? h - y : overhead[p] + (int) Math.round(free * panels.get(p).weight() / total);
      tops[p] = y;
      y += heights[p];
    }
    int left = 0;
    int right = 0;
    List<Placed> placed = new ArrayList<>();
    for (int pass = 0; pass < 4; pass++) { // margins only grow, so this settles in a pass or two
      placed.clear();
      int newLeft = left;
      int newRight = right;
      for (int p = 0; p < n; p++) {
        Frame.Options opt = new Frame.Options(x, left, right, p == n - 1);
        Frame f = Frame.layout(panels.get(p).plot(), frc, w, heights[p], opt);
        placed.add(new Placed(panels.get(p).plot(), tops[p], heights[p], f));
        newLeft = Math.max(newLeft, f.left());
        newRight = Math.max(newRight, f.right(w));
      }
      if (newLeft == left && newRight == right) {
        break;
      }
      left = newLeft;
      right = newRight;
    }
    return placed;
  }

  private static int titleBand(FontRenderContext frc) {
    java.awt.font.LineMetrics m = Frame.TITLE_FONT.getLineMetrics("0", frc);
    return (int) Math.ceil(m.getAscent() + m.getDescent()) + 12;
  }

  @Override
  public void paint(Graphics2D g, int w, int h) {
    List<Placed> placed = layout(g.getFontRenderContext(), w, h);
    if (!title.isBlank()) {
      g.setFont(Frame.TITLE_FONT);
      g.setColor(Frame.INK);
      Frame top = placed.get(0).frame();
      java.awt.Rectangle a = top.area();
      double tw = Frame.TITLE_FONT.getStringBounds(title, g.getFontRenderContext()).getWidth();
      g.drawString(title, (float) (a.x + (a.width - tw) / 2),
          (float) (8 + Frame.TITLE_FONT.getLineMetrics(title, g.getFontRenderContext()).getAscent()));
    }
    for (Placed p : placed) {
      Graphics2D sub = (Graphics2D) g.create();
      try {
        sub.translate(0, p.top());
        sub.clipRect(0, 0, w, p.height());
        p.plot().paint(sub, w, p.height(), p.frame());
      } finally {
        sub.dispose();
      }
    }
  }
}
