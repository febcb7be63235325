package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.inputs.Input;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

class FigureTest {
  /** Set -Dbrainstem.plotSamples=DIR to keep the images for a look. */
  private static final String SAMPLES = System.getProperty("brainstem.plotSamples");
  private static MonitorResults mon;

  @TempDir Path dir;

  /** A small E/I network of the seed's kind (400 + 100 LIF, COBA), 200 ms. */
  @BeforeAll
  static void run() {
    Network net = new Network();
    LifGroup e = net.add(lif("E", 400));
    LifGroup i = net.add(lif("I", 100));
    Rng rng = new Rng(42);
    rng.fillNormal(e.V, -55, 2);
    rng.fillNormal(i.V, -55, 2);
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.08, 1)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(e, i, new FixedProb(0.08, 2)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.08, 3)).E(-80).g_max(6.7).tau(10));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.08, 4)).E(-80).g_max(6.7).tau(10));
    DSRunner runner = DSRunner.builder(net).inputs(Input.constant("E.input", 20), Input.constant("I.input", 20))
        .monitors("E.spike", "I.spike").monitors(Monitor.of("E.V", 0, 1, 2)).build();
    runner.run(200);
    mon = runner.mon();
  }

  private static LifGroup lif(String name, int n) {
    return new LifGroup(name, n).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5);
  }

  private Path keep(Path file) throws IOException {
    if (SAMPLES != null) {
      Files.createDirectories(Path.of(SAMPLES));
      Files.copy(file, Path.of(SAMPLES).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static int countColor(BufferedImage image, Color c) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int dr = ((rgb >> 16) & 255) - c.getRed();
        int dg = ((rgb >> 8) & 255) - c.getGreen();
        int db = (rgb & 255) - c.getBlue();
        if (dr * dr + dg * dg + db * db < 900) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void twoPopulationRasterHasOneColourEach() throws IOException {
    assertThat(mon.meanRate("E.spike")).isGreaterThan(1.0);
    RasterPlot plot = Plots.raster(mon, "E.spike", "I.spike");
    var chart = plot.chart();
    XYSeries e = chart.getSeries("E");
    XYSeries i = chart.getSeries("I");
    assertThat(e.getXData()).hasLength(mon.events("E.spike").count());
    assertThat(i.getXData()).hasLength(mon.events("I.spike").count());
    // I is stacked above E: its neuron 0 is at y = 400.
    double minI = Double.MAX_VALUE;
    for (double y : i.getYData()) {
      minI = Math.min(minI, y);
    }
    assertThat(minI).isAtLeast(400.0);
    assertThat(e.getMarkerColor()).isEqualTo(Palette.color(0));
    assertThat(i.getMarkerColor()).isEqualTo(Palette.color(1));
    assertThat(chart.getYAxisTitle()).isEqualTo("Neuron index");
    assertThat(plot.spikeCount()).isEqualTo(mon.events("E.spike").count() + mon.events("I.spike").count());
    BufferedImage image = ImageIO.read(keep(plot.savePng(dir.resolve("raster-ei.png"))).toFile());
    assertThat(countColor(image, Palette.color(0))).isGreaterThan(100);
    assertThat(countColor(image, Palette.color(1))).isGreaterThan(20);
  }

  @Test
  void ratePlotInHz() throws IOException {
    RatePlot plot = Plots.rate(mon, 5.0, "E.spike", "I.spike");
    var chart = plot.chart();
    assertThat(chart.getYAxisTitle()).isEqualTo("Rate (Hz)");
    assertThat(chart.getXAxisTitle()).isEqualTo("Time (ms)");
    double[] y = chart.getSeries("E").getYData();
    double[] expected = mon.populationRate("E.spike", 5.0);
    assertThat(y).usingTolerance(1e-9).containsExactly(expected).inOrder();
    keep(plot.savePng(dir.resolve("rate-ei.png")));
    assertThrows(IllegalArgumentException.class, () -> RatePlot.of(-1));
  }

  @Test
  void linePlotWithUnits() throws IOException {
    LinePlot plot = Plots.line(mon, "E.V", "V (mV)").columns(0, 1, 2).title("E membrane potential");
    assertThat(plot.chart().getYAxisTitle()).isEqualTo("V (mV)");
    assertThat(plot.chart().getSeriesCollection()).hasSize(3);
    keep(plot.savePng(dir.resolve("v.png")));
  }

  @Test
  void eiFigureStacksRasterOverRate() throws IOException {
    StackedFigure fig = Plots.eiFigure(mon, 5.0, "E.spike", "I.spike");
    assertThat(fig.plots()).hasSize(2);
    assertThat(fig.plots().get(0)).isInstanceOf(RasterPlot.class);
    assertThat(fig.plots().get(1)).isInstanceOf(RatePlot.class);
    BufferedImage image = ImageIO.read(keep(fig.savePng(dir.resolve("einet.png"))).toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(700);
    // The raster's dots are in the top three quarters, the rate lines in the bottom quarter.
    BufferedImage top = image.getSubimage(0, 0, 900, 520);
    BufferedImage bottom = image.getSubimage(0, 530, 900, 170);
    assertThat(countColor(top, Palette.color(0))).isGreaterThan(100);
    assertThat(countColor(bottom, Palette.color(0))).isGreaterThan(50);
    assertThat(countColor(bottom, Palette.color(1))).isGreaterThan(50);
  }

  @Test
  void svgIsVectorGraphicsWithText() throws IOException {
    Path svg = keep(Plots.eiFigure(mon, 5.0, "E.spike", "I.spike").saveSvg(dir.resolve("einet.svg")));
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(text).contains("<svg");
    assertThat(text).contains("viewBox=\"0 0 900 700\"");
    assertThat(text).doesNotContain("<image"); // vectors, not an embedded bitmap
    // Every spike is a vector marker; XChart draws text as glyph outlines (paths).
    int ellipses = text.split("<ellipse", -1).length - 1;
    int spikes = mon.events("E.spike").count() + mon.events("I.spike").count();
    assertThat(ellipses).isAtLeast(spikes);
    assertThat(text.split("<path", -1).length).isGreaterThan(50);
    assertThat(text.trim()).endsWith("</svg>");
    Path viaExtension = Plots.line(mon, "E.V", "V (mV)").save(dir.resolve("v.svg"));
    assertThat(Files.readString(viaExtension)).contains("<svg");
    assertThrows(IllegalArgumentException.class, () -> Plots.line(mon, "E.V").save(dir.resolve("v.jpg")));
  }

  @Test
  void showWritesAFileWithoutADisplay() throws IOException {
    assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue(); // tests run without a display
    String old = System.getProperty(Figure.PLOT_DIR_PROPERTY);
    System.setProperty(Figure.PLOT_DIR_PROPERTY, dir.toString());
    try {
      Path file = Plots.raster(mon, "E.spike").title("E raster").show();
      assertThat(file).isEqualTo(dir.resolve("E_raster.png"));
      assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(800);
    } finally {
      if (old == null) {
        System.clearProperty(Figure.PLOT_DIR_PROPERTY);
      } else {
        System.setProperty(Figure.PLOT_DIR_PROPERTY, old);
      }
    }
  }

  @Test
  void stackedFigureValidation() {
    assertThrows(IllegalArgumentException.class, () -> StackedFigure.of(0, 10));
    assertThrows(IllegalArgumentException.class, () -> StackedFigure.of(10, 10).add(Plots.line(mon, "E.V"), 0));
    assertThrows(IllegalArgumentException.class, () -> StackedFigure.of(10, 10).image());
    assertThrows(IllegalArgumentException.class, () -> RasterPlot.empty().chart());
  }
}
