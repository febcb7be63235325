package io.brainstem.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The demos' figures: written to target/figures, and to docs/img when the tests run with
 * {@code -Dfigures.update=true} (as goldens are regenerated).
 */
final class Figures {
  private Figures() {}

  /** A chart of lines, no markers. */
  static XYChart chart(String title, String xLabel, String yLabel) {
    XYChart c = new XYChartBuilder().width(900).height(300).title(title).xAxisTitle(xLabel)
        .yAxisTitle(yLabel).build();
    c.getStyler().setMarkerSize(0);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return c;
  }

  static void line(XYChart chart, String name, double[] x, double[] y) {
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
  }

  /** Saves {@code name}.png; returns the file in target/figures. */
  static Path save(XYChart chart, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "figures"));
      BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
      if (Boolean.getBoolean("figures.update")) {
        Path docs = Path.of("..", "docs", "img");
        BitmapEncoder.saveBitmap(chart, docs.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
      }
      return dir.resolve(name + ".png");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] range(int from, int count) {
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = from + i;
    }
    return x;
  }
}
