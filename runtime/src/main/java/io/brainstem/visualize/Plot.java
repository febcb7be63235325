package io.brainstem.visualize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * What raster and line plots share: title, size, axis titles, and writing a PNG.
 *
 * @param <P> the concrete plot, returned by every setter
 */
public abstract class Plot<P extends Plot<P>> {
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
        .width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartTitleVisible(title != null && !title.isEmpty());
    addSeries(chart);
    return chart;
  }

  /** Writes the plot as a PNG to exactly {@code file} (no extension is added). */
  public Path savePng(Path file) {
    XYChart chart = chart();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", file.toFile())) {
        throw new IOException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
    return file;
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
