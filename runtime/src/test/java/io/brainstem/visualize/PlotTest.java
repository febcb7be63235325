package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
  @TempDir Path dir;

  private static MonitorResults run() {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).input("E.input", 1.).monitors("E.spike", "E.V").build();
    runner.run(5.0);
    return runner.mon();
  }

  @Test
  void rasterPngHasTheRequestedSize() throws IOException {
    MonitorResults mon = run();
    Path file = dir.resolve("raster.png");
    RasterPlot plot = Plots.raster(mon, "E.spike").size(640, 400);
    assertThat(plot.savePng(file)).isEqualTo(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(400);
    assertThat(System.getProperty("java.awt.headless")).isNotNull();
  }

  @Test
  void rasterChartHasOneDotPerSpikeAndAxisTitles() {
    MonitorResults mon = run();
    RasterPlot plot = RasterPlot.of(mon.ts(), mon.spikes("E.spike")).title("E");
    int expected = 0;
    for (boolean[] row : mon.spikes("E.spike")) {
      for (boolean s : row) {
        expected += s ? 1 : 0;
      }
    }
    assertThat(expected).isGreaterThan(0);
    assertThat(plot.spikeCount()).isEqualTo(expected);
    var chart = plot.chart();
    assertThat(chart.getSeries("spikes").getXData()).hasLength(expected);
    assertThat(chart.getXAxisTitle()).isEqualTo("Time (ms)");
    assertThat(chart.getYAxisTitle()).isEqualTo("Neuron index");
    assertThat(chart.getTitle()).isEqualTo("E");
  }

  @Test
  void emptyRasterStillRenders() throws IOException {
    Path file = dir.resolve("sub/empty.png");
    RasterPlot.of(new double[] {0, 0.1}, new boolean[2][3]).size(300, 200).savePng(file);
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(300);
  }

  @Test
  void linePlotPng() throws IOException {
    MonitorResults mon = run();
    Path file = dir.resolve("v.png");
    LinePlot plot = Plots.line(mon, "E.V").columns(0, 3).size(500, 300);
    assertThat(plot.chart().getSeriesCollection().stream().map(s -> s.getName()).toList())
        .containsExactly("E.V-0", "E.V-3");
    plot.savePng(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(500);
    assertThat(image.getHeight()).isEqualTo(300);
  }

  @Test
  void rejectsMismatchedShapes() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> RasterPlot.of(new double[3], new boolean[2][4]));
    assertThat(e).hasMessageThat().contains("2 rows but ts has 3");
    assertThrows(IllegalArgumentException.class, () -> LinePlot.of(new double[2], new double[2][2]).columns(2));
    assertThrows(IllegalArgumentException.class, () -> RasterPlot.of(new double[1], new boolean[1][1]).size(0, 10));
  }
}
