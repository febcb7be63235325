package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

class PlotTest {
  private static final Path SAMPLES = Path.of("target", "plots");

  @TempDir Path dir;

  private static MonitorResults run() {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).input("E.input", 1.).monitors("E.spike", "E.V").build();
    runner.run(5.0);
    return runner.mon();
  }

  private static Path keep(Path file) throws IOException {
    Files.createDirectories(SAMPLES);
    Files.copy(file, SAMPLES.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /** Five neurons spiking regularly for 300 ms, at dt 0.1 (3000 steps). */
  private static boolean[][] fiveNeurons(double[] ts) {
    boolean[][] s = new boolean[ts.length][5];
    for (int k = 0; k < ts.length; k++) {
      ts[k] = k * 0.1;
      for (int n = 0; n < 5; n++) {
        s[k][n] = k % (150 + 40 * n) == 7;
      }
    }
    return s;
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
  void rasterNeuronAxisHasWholeNeuronsOnly() throws IOException {
    double[] ts = new double[3000];
    RasterPlot plot = RasterPlot.of(ts, fiveNeurons(ts)).markerSize(5).title("Five neurons");
    Frame f = plot.frame(plot.width(), plot.height());
    // 0..4, one row per neuron, never 0.5 or 1.5
    assertThat(Arrays.stream(f.yTicks().values()).boxed().toList()).containsExactly(0., 1., 2., 3., 4.).inOrder();
    assertThat(f.yTicks().labels()).asList().containsExactly("0", "1", "2", "3", "4").inOrder();
    assertThat(f.y()).isEqualTo(new Range(-0.5, 4.5));
    assertThat(Arrays.stream(f.xTicks().values()).boxed().toList())
        .containsExactly(0., 50., 100., 150., 200., 250., 300.).inOrder();
    keep(plot.savePng(dir.resolve("raster-five.png")));
  }

  @Test
  void rasterOfSomeNeuronsDrawsTheirIds() {
    // columns 0 and 1 of the record are neurons 5 and 17
    SpikeEvents events = new SpikeEvents("E.spike", new double[] {0, 0.1, 0.2}, new int[] {0, 1, 2},
        new int[] {0, 1, 1}, 2, 0.1);
    RasterPlot plot = RasterPlot.of("E", events).ids(5, 17);
    XYSeries s = plot.chart().getSeries("E");
    assertThat(s.getYData()).usingExactEquality().containsExactly(5., 17., 17.).inOrder();
    assertThat(plot.frame(800, 500).y()).isEqualTo(new Range(-0.5, 17.5));
    assertThrows(IllegalArgumentException.class, () -> RasterPlot.of("E", events).ids(5));
    assertThrows(IllegalArgumentException.class, () -> RasterPlot.of("E", events).ids(5, -1));
  }

  @Test
  void emptyRasterStillRenders() throws IOException {
    Path file = dir.resolve("sub/empty.png");
    RasterPlot.of(new double[] {0, 0.1}, new boolean[2][3]).size(300, 200).savePng(file);
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(300);
  }

  @Test
  void linePlotDrawsEveryColumn() throws IOException {
    MonitorResults mon = run();
    LinePlot all = Plots.line(mon, "E.V");
    int width = mon.values("E.V")[0].length;
    assertThat(all.chart().getSeriesCollection()).hasSize(width); // none silently dropped
    Path file = dir.resolve("v.png");
    LinePlot plot = Plots.line(mon, "E.V").columns(0, 3).size(500, 300);
    assertThat(plot.chart().getSeriesCollection().stream().map(XYSeries::getName).toList())
        .containsExactly("neuron 0", "neuron 3");
    plot.savePng(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(500);
    assertThat(image.getHeight()).isEqualTo(300);
  }

  @Test
  void aLongLegendSaysHowManyLinesItLeavesOut() throws IOException {
    double[] ts = new double[100];
    double[][] v = new double[100][30];
    for (int k = 0; k < ts.length; k++) {
      ts[k] = k;
      for (int c = 0; c < 30; c++) {
        v[k][c] = Math.sin(k / 10.0 + c) * 10 - 65 + c;
      }
    }
    LinePlot plot = Plots.line(ts, v).yLabel("V (mV)").title("30 traces");
    assertThat(plot.chart().getSeriesCollection()).hasSize(30);
    var rows = plot.frame(plot.width(), plot.height()).legendRows();
    assertThat(rows).hasSize(Frame.MAX_LEGEND_ROWS);
    assertThat(rows.get(0)).isEqualTo("neuron 0");
    assertThat(rows.get(rows.size() - 1)).isEqualTo("+ 19 more (all drawn)");
    LinePlot one = Plots.line(ts, v).columns(7);
    assertThat(one.frame(800, 500).legendRows()).isEmpty(); // one trace needs no legend
    assertThat(Plots.line(ts, v).legend("cell").columns(2, 3).frame(800, 500).legendRows())
        .containsExactly("cell 2", "cell 3").inOrder();
    keep(plot.savePng(dir.resolve("line-30.png")));
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
