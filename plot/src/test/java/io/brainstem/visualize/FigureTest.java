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
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The figures of a small E/I network, checked on their layout (ticks, ranges, plot areas, legends)
 * and on their pixels. Every image is also written to {@code target/plots} for a look.
 */
class FigureTest {
  private static final Path SAMPLES = Path.of("target", "plots");
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
        .monitors("E.spike", "I.spike").monitors(Monitor.of("E.V", 0, 1, 42))
        .monitors(Monitor.of("E.spike", 3, 250).named("E.spike.some"))
        .monitors(Monitor.probeArray("V range", n -> new double[] {min(e.V), max(e.V)}))
        .build();
    runner.run(200);
    mon = runner.mon();
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElseThrow();
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElseThrow();
  }

  private static LifGroup lif(String name, int n) {
    return new LifGroup(name, n).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5);
  }

  private static Path keep(Path file) throws IOException {
    Files.createDirectories(SAMPLES);
    Files.copy(file, SAMPLES.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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

  private static boolean dark(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return ((rgb >> 16) & 255) < 120 && ((rgb >> 8) & 255) < 120 && (rgb & 255) < 120;
  }

  private static List<Double> list(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }

  @Test
  void multiPopulationRasterIsOnePanelPerPopulationEachFromItsOwnZero() throws IOException {
    assertThat(mon.meanRate("E.spike")).isGreaterThan(1.0);
    StackedFigure fig = Plots.raster(mon, "E.spike", "I.spike");
    assertThat(fig.plots()).hasSize(2);
    RasterPlot e = (RasterPlot) fig.plots().get(0);
    RasterPlot i = (RasterPlot) fig.plots().get(1);
    XYSeries iSeries = i.chart().getSeries("I");
    assertThat(iSeries.getXData()).hasLength(mon.events("I.spike").count());
    // I's neurons are 0..99 on I's own axis, not 400..499 above E's.
    assertThat(java.util.Arrays.stream(iSeries.getYData()).min().orElseThrow()).isAtLeast(0.0);
    assertThat(java.util.Arrays.stream(iSeries.getYData()).max().orElseThrow()).isAtMost(99.0);
    assertThat(i.chart().getStyler().getYAxisMin()).isEqualTo(-0.5);
    assertThat(i.chart().getStyler().getYAxisMax()).isEqualTo(99.5);
    assertThat(e.chart().getStyler().getYAxisMax()).isEqualTo(399.5);
    assertThat(e.chart().getSeries("E").getMarkerColor()).isEqualTo(Palette.color(0));
    assertThat(iSeries.getMarkerColor()).isEqualTo(Palette.color(1));
    assertThat(e.chart().getYAxisTitle()).isEqualTo("E neuron");
    assertThat(i.chart().getYAxisTitle()).isEqualTo("I neuron");
    assertThat(e.spikeCount() + i.spikeCount()).isEqualTo(mon.events("E.spike").count() + mon.events("I.spike").count());

    List<StackedFigure.Placed> placed = layout(fig);
    Frame ef = placed.get(0).frame();
    Frame inf = placed.get(1).frame();
    assertThat(list(ef.yTicks().values())).containsExactly(0., 50., 100., 150., 200., 250., 300., 350.).inOrder();
    assertThat(inf.yTicks().values()[0]).isEqualTo(0.0);
    // E's plot area is four times as tall as I's (400 vs 100 neurons), within rounding.
    assertThat((double) ef.area().height / inf.area().height).isWithin(0.05).of(4.0);

    BufferedImage image = ImageIO.read(keep(fig.savePng(dir.resolve("raster-ei.png"))).toFile());
    assertThat(countColor(image, Palette.color(0))).isGreaterThan(100);
    assertThat(countColor(image, Palette.color(1))).isGreaterThan(20);
  }

  private static List<StackedFigure.Placed> layout(StackedFigure fig) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    return fig.layout(scratch.createGraphics().getFontRenderContext(), fig.width(), fig.height());
  }

  @Test
  void stackedPanelsShareOneAlignedTimeAxis() throws IOException {
    StackedFigure fig = Plots.eiFigure(mon, 5.0, "E.spike", "I.spike");
    assertThat(fig.plots()).hasSize(3);
    assertThat(fig.plots().get(2)).isInstanceOf(RatePlot.class);
    List<StackedFigure.Placed> placed = layout(fig);
    Rectangle first = placed.get(0).frame().area();
    for (StackedFigure.Placed p : placed) {
      Frame f = p.frame();
      assertThat(f.x()).isEqualTo(new Range(0, 200)); // 0..199.9 ms snapped to a round end
      assertThat(f.area().x).isEqualTo(first.x);
      assertThat(f.area().width).isEqualTo(first.width);
      assertThat(list(f.xTicks().values())).containsExactly(0., 20., 40., 60., 80., 100., 120., 140., 160., 180., 200.)
          .inOrder();
      assertThat(p.plot().yLabelText()).isNotEmpty(); // every panel says what it shows
    }
    assertThat(placed.get(2).plot().yLabelText()).isEqualTo("Rate (Hz)");

    BufferedImage image = ImageIO.read(keep(fig.savePng(dir.resolve("einet.png"))).toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(700);
    for (StackedFigure.Placed p : placed) {
      Rectangle a = p.frame().area();
      int mid = p.top() + a.y + a.height / 2;
      assertThat(dark(image, a.x, mid)).isTrue(); // the y axis line of every panel is at the same x
      assertThat(dark(image, a.x - 3, mid)).isFalse();
      int bottom = p.top() + a.y + a.height;
      assertThat(dark(image, a.x + a.width - 1, bottom)).isTrue(); // and the x axis ends at the same x
    }
    // The raster dots are in the raster panels, the rate lines in the rate panel.
    Rectangle rate = placed.get(2).frame().area();
    int rateTop = placed.get(2).top() + rate.y;
    BufferedImage top = image.getSubimage(0, 0, 900, placed.get(2).top());
    BufferedImage bottom = image.getSubimage(rate.x, rateTop, rate.width, rate.height);
    assertThat(countColor(top, Palette.color(0))).isGreaterThan(100);
    assertThat(countColor(bottom, Palette.color(0))).isGreaterThan(50);
    assertThat(countColor(bottom, Palette.color(1))).isGreaterThan(50);
  }

  @Test
  void dataLandWhereTheTicksSay() {
    LinePlot plot = Plots.line(mon, "E.V").unit("mV");
    Frame f = plot.frame(plot.width(), plot.height());
    Rectangle a = f.area();
    XYChart chart = plot.bare(f.x(), f.y(), a.width, a.height);
    chart.paint(new BufferedImage(a.width, a.height, BufferedImage.TYPE_INT_RGB).createGraphics(), a.width, a.height);
    for (double v : f.xTicks().values()) {
      assertThat(a.x + chart.getScreenXFromChart(v)).isWithin(1e-6).of(f.screenX(v));
    }
    for (double v : f.yTicks().values()) {
      assertThat(a.y + chart.getScreenYFromChart(v)).isWithin(1e-6).of(f.screenY(v));
    }
  }

  @Test
  void rasterOfSomeNeuronsPutsEachAtItsId() {
    RasterPlot plot = Plots.raster(mon, "E.spike.some");
    double[] y = plot.chart().getSeries("E.spike.some").getYData();
    assertThat(y.length).isGreaterThan(0);
    for (double v : y) {
      assertThat(v).isAnyOf(3.0, 250.0); // the neurons recorded, not columns 0 and 1
    }
    assertThat(plot.frame(800, 500).y()).isEqualTo(new Range(-0.5, 250.5));
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
    Frame f = plot.frame(plot.width(), plot.height());
    assertThat(f.legendRows()).containsExactly("E", "I").inOrder();
    assertThat(f.y().lo()).isEqualTo(0.0);
    keep(plot.savePng(dir.resolve("rate-ei.png")));
    assertThrows(IllegalArgumentException.class, () -> RatePlot.of(-1));
  }

  @Test
  void linePlotNamesNeuronsAndCarriesTheUnit() throws IOException {
    LinePlot plot = Plots.line(mon, "E.V").unit("mV").title("E membrane potential");
    XYChart chart = plot.chart();
    assertThat(chart.getYAxisTitle()).isEqualTo("E.V (mV)");
    // every recorded column is drawn, each named by the neuron it recorded
    assertThat(chart.getSeriesCollection().stream().map(XYSeries::getName).toList())
        .containsExactly("neuron 0", "neuron 1", "neuron 42").inOrder();
    assertThat(chart.getSeries("neuron 42").getYData()).usingExactEquality()
        .containsExactly(mon.column("E.V", 2)).inOrder();
    Frame f = plot.frame(plot.width(), plot.height());
    assertThat(f.legendRows()).containsExactly("neuron 0", "neuron 1", "neuron 42").inOrder();
    assertThat(f.x()).isEqualTo(new Range(0, 200));
    for (double v : f.yTicks().values()) {
      assertThat(Math.abs(v % 5)).isEqualTo(0.0); // −75, −70, … mV
    }
    keep(plot.savePng(dir.resolve("v.png")));
    assertThat(Plots.line(mon, "E.V", "V (mV)").chart().getYAxisTitle()).isEqualTo("V (mV)");
    assertThat(Plots.line(mon, "E.V").chart().getYAxisTitle()).isEqualTo("E.V");
    // a probe's columns are not neurons
    assertThat(Plots.line(mon, "V range").frame(800, 500).legendRows()).containsExactly("column 0", "column 1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.line(mon, "E.V").ids(0, 1));
    assertThat(e).hasMessageThat().contains("the record has 3 columns, got 2 ids");
    assertThrows(IllegalArgumentException.class, () -> Plots.line(mon, "E.V").unit(" "));
  }

  @Test
  void svgIsVectorGraphicsWithText() throws IOException {
    Path svg = keep(Plots.eiFigure(mon, 5.0, "E.spike", "I.spike").saveSvg(dir.resolve("einet.svg")));
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(text).contains("<svg");
    assertThat(text).contains("viewBox=\"0 0 900 700\"");
    assertThat(text).doesNotContain("<image"); // vectors, not an embedded bitmap
    int ellipses = text.split("<ellipse", -1).length - 1;
    int spikes = mon.events("E.spike").count() + mon.events("I.spike").count();
    assertThat(ellipses).isAtLeast(spikes); // every spike is a vector marker
    assertThat(text).contains(">Time (ms)</text>"); // text stays text, editable in a figure
    assertThat(text).contains(">E neuron</text>");
    assertThat(text).contains(">Rate (Hz)</text>");
    assertThat(text).contains(">200</text>");
    assertThat(text).contains("font-size:11px"); // never left to the reader's default
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
      Path stacked = Plots.raster(mon, "E.spike", "I.spike").title("E and I").show();
      assertThat(stacked).isEqualTo(dir.resolve("E_and_I.png"));
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
  }
}
