package io.brainstem.examples.plasticity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.connectivity.One2One;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpTripletNearestProjection;
import io.brainstem.models.StdpTripletProjection;
import io.brainstem.network.Network;
import io.brainstem.runners.ReportRunner;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Fidelity check 3 of issue 13: triplet STDP (Pfister &amp; Gerstner 2006, Fig. 4) against the
 * pairing-frequency data of Sjöström, Turrigiano &amp; Nelson 2001 (Neuron 32:1149, their Fig. 1D
 * as replotted by Pfister &amp; Gerstner): 60 pre/post pairs at Δt = +10 ms or −10 ms, repeated
 * at 0.1, 10, 20, 40 and 50 Hz, the relative weight change with its standard error. The numbers
 * are those of the public copies in VH-Lab/vhlab-toolbox-matlab
 * ({@code +vlt/+neuro/+stdp/sjostrom_freq_stdp.m}) and SpiNNakerManchester/sPyNNaker
 * ({@code examples/stdp_triplet.py}), which agree.
 *
 * <p>Each condition is a presynaptic spike-time source onto a passive LIF neuron whose spikes a
 * listener sets, through the four visual-cortex parameter sets of Pfister &amp; Gerstner's table
 * as four projections on the same neurons (all-to-all full and minimal: {@code StdpTriplet};
 * nearest-spike full and minimal: {@code StdpTripletNearest}). The weight starts at 1, so the
 * change is the relative change. Every network result equals a spike-by-spike evaluation of the
 * rule; the library's reference, {@code StdpTripletNearest} with its default (nearest-spike full)
 * parameters, lands within every error bar; the points the other sets miss are listed here and in
 * docs/plasticity.md, and any change to them fails the test.
 *
 * <p>The figure docs/img/plasticity-triplet-sjostrom.png is rewritten with
 * {@code mvn -pl examples test -Dtest=SjostromTripletTest -Dfigures.update=true}.
 */
class SjostromTripletTest {
  static final double[] HZ = {0.1, 10, 20, 40, 50};
  /** Sjöström et al. 2001: Δw/w and SEM; row 0 Δt = +10 ms (pre first), row 1 Δt = −10 ms. */
  static final double[][] DATA = {{-0.04, 0.14, 0.29, 0.53, 0.56}, {-0.29, -0.41, -0.34, 0.56, 0.75}};
  static final double[][] SEM = {{0.05, 0.10, 0.14, 0.11, 0.26}, {0.08, 0.11, 0.10, 0.32, 0.19}};
  static final int[] DT_MS = {10, -10};
  static final int PAIRS = 60;
  static final double DT = 0.1;

  /** One row of Pfister &amp; Gerstner 2006's visual-cortex table. */
  record ParamSet(String name, boolean nearest, double a2p, double a3p, double a2m, double a3m,
      double tauX, double tauY) {}

  static final double TAU_PLUS = 16.8;
  static final double TAU_MINUS = 33.7;
  static final ParamSet ALL_FULL = new ParamSet("all-to-all, full", false, 5e-10, 6.2e-3, 7e-3,
      2.3e-4, 101, 125);
  static final ParamSet ALL_MIN = new ParamSet("all-to-all, minimal", false, 0, 6.5e-3, 7.1e-3, 0,
      101, 114);
  static final ParamSet NEAREST_FULL = new ParamSet("nearest-spike, full", true, 8.8e-11, 5.3e-2,
      6.6e-3, 3.1e-3, 714, 40);
  static final ParamSet NEAREST_MIN = new ParamSet("nearest-spike, minimal", true, 0, 5e-2, 8e-3,
      0, 714, 40);
  static final List<ParamSet> SETS = List.of(NEAREST_FULL, NEAREST_MIN, ALL_FULL, ALL_MIN);

  /** Δw[set][row][frequency] from the network. */
  private static double[][][] network;
  /** Δw[row][frequency] of a {@code StdpTripletNearestProjection} left at its defaults. */
  private static double[][] defaults;

  /** Pre and post spike steps of one condition. */
  private static long[][] protocol(double hz, int dtMs) {
    long[] pre = new long[PAIRS];
    long[] post = new long[PAIRS];
    for (int k = 0; k < PAIRS; k++) {
      long start = Math.round((100 + k * 1000.0 / hz) / DT);
      long shift = Math.round(Math.abs(dtMs) / DT);
      pre[k] = dtMs > 0 ? start : start + shift;
      post[k] = dtMs > 0 ? start + shift : start;
    }
    return new long[][] {pre, post};
  }

  @BeforeAll
  static void runTheProtocol() {
    int n = HZ.length * DT_MS.length; // condition c = row * 5 + frequency
    List<double[]> preEvents = new ArrayList<>();
    Map<Long, List<Integer>> postAt = new HashMap<>();
    long last = 0;
    for (int row = 0; row < DT_MS.length; row++) {
      for (int f = 0; f < HZ.length; f++) {
        int c = row * HZ.length + f;
        long[][] steps = protocol(HZ[f], DT_MS[row]);
        for (int k = 0; k < PAIRS; k++) {
          preEvents.add(new double[] {steps[0][k] * DT, c});
          postAt.computeIfAbsent(steps[1][k], s -> new ArrayList<>()).add(c);
          last = Math.max(last, Math.max(steps[0][k], steps[1][k]));
        }
      }
    }
    double[] times = new double[preEvents.size()];
    int[] indices = new int[preEvents.size()];
    for (int e = 0; e < times.length; e++) {
      times[e] = preEvents.get(e)[0];
      indices[e] = (int) preEvents.get(e)[1];
    }
    Map<Long, int[]> postSpikes = new HashMap<>();
    postAt.forEach((step, cs) -> postSpikes.put(step, new TreeSet<>(cs).stream()
        .mapToInt(Integer::intValue).toArray()));

    Network net = new Network();
    var pre = net.add(new io.brainstem.sources.SpikeTimeGroup("pre", n, times, indices));
    LifGroup post = net.add(new LifGroup("post", n).V_th(1e9));
    List<double[]> weights = new ArrayList<>();
    for (ParamSet p : SETS) {
      String name = p.name().replaceAll("[^a-z]+", "_");
      if (p.nearest()) {
        StdpTripletNearestProjection s = net.add(new StdpTripletNearestProjection(name, pre, post,
            new One2One()).w(1.0).wmax(100).A2p(p.a2p()).A3p(p.a3p()).A2m(p.a2m()).A3m(p.a3m())
            .tau_x(p.tauX()).tau_y(p.tauY()).tau_plus(TAU_PLUS).tau_minus(TAU_MINUS).tau(5));
        weights.add(s.w);
      } else {
        StdpTripletProjection s = net.add(new StdpTripletProjection(name, pre, post,
            new One2One()).w(1.0).wmax(100).A2p(p.a2p()).A3p(p.a3p()).A2m(p.a2m()).A3m(p.a3m())
            .tau_x(p.tauX()).tau_y(p.tauY()).tau_plus(TAU_PLUS).tau_minus(TAU_MINUS).tau(5));
        weights.add(s.w);
      }
    }
    double[] libraryDefaults = net.add(new StdpTripletNearestProjection("defaults", pre, post,
        new One2One()).w(1.0).wmax(100)).w;
    try (ReportRunner runner = ReportRunner.builder(net).dt(DT).progress(null)
        .listeners((step, t) -> {
          int[] cs = postSpikes.get(step);
          if (cs != null) {
            post.setSpikes(cs); // the projections see them next step, as spikes of this step
          }
        }).build()) {
      runner.run((last + 3) * DT);
    }
    network = new double[SETS.size()][DT_MS.length][HZ.length];
    defaults = new double[DT_MS.length][HZ.length];
    for (int s = 0; s < SETS.size(); s++) {
      for (int row = 0; row < DT_MS.length; row++) {
        for (int f = 0; f < HZ.length; f++) {
          network[s][row][f] = weights.get(s)[row * HZ.length + f] - 1.0;
          defaults[row][f] = libraryDefaults[row * HZ.length + f] - 1.0;
        }
      }
    }
  }

  /** The rule evaluated spike by spike with exact decays: pre before post at equal times. */
  static double reference(ParamSet p, double hz, int dtMs) {
    long[][] steps = protocol(hz, dtMs);
    List<double[]> events = new ArrayList<>(); // {time, 0 pre / 1 post}
    for (int k = 0; k < PAIRS; k++) {
      events.add(new double[] {steps[0][k] * DT, 0});
      events.add(new double[] {steps[1][k] * DT, 1});
    }
    events.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    double r1 = 0;
    double r2 = 0;
    double o1 = 0;
    double o2 = 0;
    double last = 0;
    double w = 1.0;
    for (double[] e : events) {
      double d = e[0] - last;
      last = e[0];
      r1 *= Math.exp(-d / TAU_PLUS);
      r2 *= Math.exp(-d / p.tauX());
      o1 *= Math.exp(-d / TAU_MINUS);
      o2 *= Math.exp(-d / p.tauY());
      if (e[1] == 0) {
        w = Math.max(w - o1 * (p.a2m() + p.a3m() * r2), 0);
        r1 = p.nearest() ? 1 : r1 + 1;
        r2 = p.nearest() ? 1 : r2 + 1;
      } else {
        w = Math.min(w + r1 * (p.a2p() + p.a3p() * o2), 100);
        o1 = p.nearest() ? 1 : o1 + 1;
        o2 = p.nearest() ? 1 : o2 + 1;
      }
    }
    return w - 1.0;
  }

  static boolean withinBar(double dw, int row, int f) {
    return Math.abs(dw - DATA[row][f]) <= SEM[row][f];
  }

  /** "+10 ms at 50 Hz"-style names of the points outside the error bars. */
  static List<String> misses(double[][] dw) {
    List<String> out = new ArrayList<>();
    for (int row = 0; row < DT_MS.length; row++) {
      for (int f = 0; f < HZ.length; f++) {
        if (!withinBar(dw[row][f], row, f)) {
          out.add(String.format(Locale.ROOT, "%+d ms at %s Hz", DT_MS[row],
              HZ[f] < 1 ? "0.1" : String.valueOf((int) HZ[f])));
        }
      }
    }
    return out;
  }

  @Test
  void theNetworkEqualsASpikeBySpikeEvaluationForEverySet() {
    for (int s = 0; s < SETS.size(); s++) {
      for (int row = 0; row < DT_MS.length; row++) {
        for (int f = 0; f < HZ.length; f++) {
          assertWithMessage("%s, %s ms, %s Hz", SETS.get(s).name(), DT_MS[row], HZ[f])
              .that(network[s][row][f]).isWithin(1e-12)
              .of(reference(SETS.get(s), HZ[f], DT_MS[row]));
        }
      }
    }
  }

  @Test
  void theLibraryReferenceLandsWithinEveryErrorBar() {
    printTable();
    assertThat(misses(network[SETS.indexOf(NEAREST_FULL)])).isEmpty();
  }

  @Test
  void theOtherSetsMissOnlyTheDocumentedPoints() {
    assertThat(misses(network[SETS.indexOf(NEAREST_MIN)])).isEmpty();
    assertThat(misses(network[SETS.indexOf(ALL_FULL)])).containsExactly("-10 ms at 40 Hz");
    assertThat(misses(network[SETS.indexOf(ALL_MIN)])).containsExactly("-10 ms at 40 Hz");
  }

  @Test
  void theLibraryDefaultsAreTheNearestSpikeFullSet() {
    for (int row = 0; row < DT_MS.length; row++) {
      assertThat(defaults[row]).isEqualTo(network[SETS.indexOf(NEAREST_FULL)][row]);
    }
  }

  private static void printTable() {
    StringBuilder b = new StringBuilder("Sjöström pairing, Δw/w (data ± SEM | sets "
        + SETS.stream().map(ParamSet::name).toList() + "):\n");
    for (int row = 0; row < DT_MS.length; row++) {
      for (int f = 0; f < HZ.length; f++) {
        b.append(String.format(Locale.ROOT, "%+d ms %5.1f Hz: %5.2f ± %.2f |", DT_MS[row], HZ[f],
            DATA[row][f], SEM[row][f]));
        for (int s = 0; s < SETS.size(); s++) {
          double v = network[s][row][f];
          b.append(String.format(Locale.ROOT, " %7.3f%s", v, withinBar(v, row, f) ? " " : "*"));
        }
        b.append('\n');
      }
    }
    System.out.print(b);
  }

  @Test
  void theFigureIsWritten() throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(520)
        .title("Triplet STDP vs Sjöström et al. 2001 (60 pairs, Δt = ±10 ms)")
        .xAxisTitle("Pairing frequency (Hz)").yAxisTitle("Δw / w").build();
    Styler st = chart.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    ((org.knowm.xchart.style.XYStyler) st).setXAxisMin(-2.0).setXAxisMax(52.0)
        .setErrorBarsColorSeriesColor(true);
    Color[] colors = {new Color(0xD62728), new Color(0x1F77B4)};
    String[] label = {"pre 10 ms before post", "post 10 ms before pre"};
    for (int row = 0; row < DT_MS.length; row++) {
      XYSeries d = chart.addSeries("data, " + label[row], HZ, DATA[row], SEM[row]);
      d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      d.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colors[row]).setLineColor(colors[row]);
      for (int s = 0; s < SETS.size(); s++) {
        if (s == SETS.indexOf(NEAREST_MIN)) {
          continue; // within every bar too, and close to the full set: one nearest curve suffices
        }
        XYSeries m = chart.addSeries(SETS.get(s).name() + ", " + label[row], HZ, network[s][row]);
        m.setMarker(SeriesMarkers.NONE).setLineColor(colors[row]);
        m.setLineStyle(s == 0 ? SeriesLines.SOLID
            : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                s == SETS.indexOf(ALL_FULL) ? new float[] {6f, 4f} : new float[] {2f, 3f}, 0f));
      }
    }
    Path dir = Files.createDirectories(Path.of("target", "figures"));
    String name = "plasticity-triplet-sjostrom";
    BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
    if (Boolean.getBoolean("figures.update")) {
      BitmapEncoder.saveBitmap(chart, Path.of("..", "docs", "img", name).toString(),
          BitmapEncoder.BitmapFormat.PNG);
    }
    assertThat(Files.size(dir.resolve(name + ".png"))).isGreaterThan(10_000L);
  }
}
