package io.brainstem.visualize;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Plots stacked vertically in one figure, sharing its width, each given a share of the height —
 * e.g. the standard E/I-network figure, a raster over the population rate
 * ({@link Plots#eiFigure}).
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
    return name;
  }

  @Override
  public void paint(Graphics2D g, int w, int h) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("nothing to draw: add plots with add(plot, weight)");
    }
    double total = panels.stream().mapToDouble(Panel::weight).sum();
    int y = 0;
    for (int p = 0; p < panels.size(); p++) {
      Panel panel = panels.get(p);
      int ph = p == panels.size() - 1 ? h - y : (int) Math.round(h * panel.weight() / total);
      Graphics2D sub = (Graphics2D) g.create();
      try {
        sub.translate(0, y);
        sub.clipRect(0, 0, w, ph);
        panel.plot().paint(sub, w, ph);
      } finally {
        sub.dispose();
      }
      y += ph;
    }
  }
}
