package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.TsodyksMarkramCobaBackward;
import io.brainstem.models.TsodyksMarkramCobaProjection;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Short-term plasticity in a spiking network, differentiated twice: 4 input trains drive 6 {@code
 * Lif} neurons (Euler, spikes reset) through {@code TsodyksMarkramCoba} synapses, and the neurons
 * drive each other through a second, recurrent one (all to all, with self-connections); every
 * synapse has its own {@code w}, {@code U}, {@code tau_f}, {@code tau_d} and start. Once through the
 * generated kernels ({@link TsodyksMarkramCobaBackward}'s three passes, {@link LifBackward}, {@link
 * ProjectionBackward}'s row sums of the synapses' spike adjoints); once through a reference written
 * here from the equations, with the spike's adjoint by the convention of a reset: the jump the spike
 * makes, {@code Σ adjoint after × (after − before)} over {@code g}, {@code u} and {@code x}. The
 * gradients of a loss on spike counts, final voltages and final {@code u}, {@code x} agree to 1e-12
 * (of each gradient's largest entry, as entries are sums that cancel):
 * every per-synapse parameter, the synapses' {@code tau}, the neurons' {@code tau} and the adjoints
 * of the synapses' starting {@code u}, {@code x}. This checks the recurrent spike adjoint that
 * finite differences cannot (a spike is not fractional). Ranges on 2 and 3 threads give the same
 * bits as one.
 */
class StpReferenceTest {
  private static final int IN = 4;
  private static final int H = 6;
  private static final int T = 100;
  private static final double DT = 0.5;
  private static final double V_RESET = -5;
  private static final double V_TH = 20;
  private static final double TAU = 10;
  private static final double TAU_SYN = 3;
  private static final double E_SYN = 60;

  /** One projection's per-synapse values (CSR order: row = presynaptic, {@code k·H + h}). */
  private static final class Synapses {
    final double[] w;
    final double[] big;
    final double[] tauF;
    final double[] tauD;
    final double[] u0;
    final double[] x0;
    final double[] uWeight;
    final double[] xWeight;

    Synapses(int n, Random random, double wScale) {
      w = new double[n];
      big = new double[n];
      tauF = new double[n];
      tauD = new double[n];
      u0 = new double[n];
      x0 = new double[n];
      uWeight = new double[n];
      xWeight = new double[n];
      for (int s = 0; s < n; s++) {
        w[s] = wScale * (0.5 + random.nextDouble());
        big[s] = 0.2 + 0.5 * random.nextDouble();
        tauF[s] = 5 + 20 * random.nextDouble();
        tauD[s] = 3 + 10 * random.nextDouble();
        u0[s] = 0.1 + 0.4 * random.nextDouble();
        x0[s] = 0.6 + 0.4 * random.nextDouble();
        uWeight[s] = random.nextDouble() - 0.5;
        xWeight[s] = random.nextDouble() - 0.5;
      }
    }

    TsodyksMarkramCobaProjection build(LifGroup pre, LifGroup post, boolean self) {
      All2All connect = self ? new All2All().includeSelf(true) : new All2All();
      return new TsodyksMarkramCobaProjection(pre, post, connect).tau(TAU_SYN).E(E_SYN)
          .method(Integrator.EULER).w(w.clone()).U(big.clone()).tau_f(tauF.clone())
          .tau_d(tauD.clone()).u(u0.clone()).x(x0.clone());
    }
  }

  /** Per projection: w, U, tau_f, tau_d gradients, then the adjoints of the starting u, x. */
  record Gradients(double[][] in, double[][] rec, double tauSyn, double tau, int spikes) {}

  private final boolean[][] x = new boolean[T][IN];
  private final Synapses inSyn;
  private final Synapses recSyn;
  private final double[] countWeight = new double[H];
  private final double[] voltWeight = new double[H];

  StpReferenceTest() {
    Random random = new Random(21);
    for (boolean[] row : x) {
      for (int j = 0; j < IN; j++) {
        row[j] = random.nextDouble() < 0.3;
      }
    }
    inSyn = new Synapses(IN * H, random, 0.6);
    recSyn = new Synapses(H * H, random, 0.15);
    for (int h = 0; h < H; h++) {
      countWeight[h] = random.nextDouble() - 0.5;
      voltWeight[h] = random.nextDouble() - 0.5;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "sigmoid", "arctan"})
  void generatedBackwardEqualsHandWrittenReference(String kind) {
    Surrogate surrogate = switch (kind) {
      case "fast" -> Surrogate.fastSigmoid(3);
      case "sigmoid" -> Surrogate.sigmoid(0.3);
      default -> Surrogate.arctan(0.2);
    };
    for (boolean detach : new boolean[] {false, true}) {
      Gradients generated = generated(surrogate, detach, 1);
      Gradients reference = reference(surrogate, detach);
      assertThat(generated.spikes()).isEqualTo(reference.spikes());
      assertThat(generated.spikes()).isGreaterThan(40);
      assertClose("tau_syn", generated.tauSyn(), reference.tauSyn(), 0);
      assertClose("tau", generated.tau(), reference.tau(), 0);
      String[] names = {"w", "U", "tau_f", "tau_d", "u(0)", "x(0)"};
      for (int p = 0; p < names.length; p++) {
        assertAllClose("in " + names[p], generated.in()[p], reference.in()[p]);
        assertAllClose("rec " + names[p], generated.rec()[p], reference.rec()[p]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void threadsGiveTheSameBits(int threads) {
    Gradients one = generated(Surrogate.fastSigmoid(0.5), false, 1);
    Gradients many = generated(Surrogate.fastSigmoid(0.5), false, threads);
    for (int p = 0; p < one.in().length; p++) {
      assertThat(many.in()[p]).isEqualTo(one.in()[p]);
      assertThat(many.rec()[p]).isEqualTo(one.rec()[p]);
    }
    assertThat(Double.doubleToRawLongBits(many.tauSyn()))
        .isEqualTo(Double.doubleToRawLongBits(one.tauSyn()));
    assertThat(Double.doubleToRawLongBits(many.tau()))
        .isEqualTo(Double.doubleToRawLongBits(one.tau()));
  }

  /** Each entry to 1e-12 of the larger of itself and the array's largest (sums that cancel). */
  private static void assertAllClose(String what, double[] a, double[] b) {
    double largest = 0;
    for (double v : b) {
      largest = Math.max(largest, Math.abs(v));
    }
    assertThat(largest).isGreaterThan(0);
    for (int s = 0; s < b.length; s++) {
      assertClose(what + " " + s, a[s], b[s], largest);
    }
  }

  private static void assertClose(String what, double a, double b, double floor) {
    double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(floor, 1e-9));
    assertWithMessage("%s: generated %s, reference %s", what, a, b)
        .that(Math.abs(a - b) / scale).isAtMost(1e-12);
  }

  /** A projection's backward objects and its forward tapes. */
  private static final class Side {
    final TsodyksMarkramCobaProjection projection;
    final TsodyksMarkramCobaBackward step;
    final AdjointFrame frame;
    final double[][] gTape = new double[T][];
    final double[][] uTape = new double[T][];
    final double[][] xTape = new double[T][];

    Side(TsodyksMarkramCobaProjection projection, Synapses values) {
      this.projection = projection;
      step = new TsodyksMarkramCobaBackward(projection);
      frame = new AdjointFrame(step);
      frame.dt = DT;
      frame.adjOutput = new double[H];
      System.arraycopy(values.uWeight, 0, frame.adjSynapseState[0], 0, values.uWeight.length);
      System.arraycopy(values.xWeight, 0, frame.adjSynapseState[1], 0, values.xWeight.length);
    }

    void record(int t) {
      gTape[t] = projection.g.clone();
      uTape[t] = projection.doubles("u").clone();
      xTape[t] = projection.doubles("x").clone();
    }

    /** The step's three passes: delivered, the per-target step, the per-synapse pass. */
    void backward(ExecutorService pool, int threads, boolean[] due, double[] vStart,
        double[] adjOutput, int t) {
      frame.state[0] = gTape[t];
      frame.preSpiked = due;
      frame.synapseState[0] = uTape[t];
      frame.synapseState[1] = xTape[t];
      frame.t = t * DT;
      GradChecks.ranges(pool, threads, H, (from, to) -> step.delivered(frame, from, to));
      frame.input[step.inputs().indexOf("V")] = vStart;
      System.arraycopy(adjOutput, 0, frame.adjOutput, 0, H);
      GradChecks.ranges(pool, threads, H, (from, to) -> step.backward(frame, from, to));
      GradChecks.ranges(pool, threads, H, (from, to) -> step.backwardSynapses(frame, from, to));
    }

    double[][] gradients() {
      double[][] out = new double[6][];
      String[] params = {"w", "U", "tau_f", "tau_d"};
      for (int p = 0; p < params.length; p++) {
        out[p] = frame.gradSynapse[step.synapseParams().indexOf(params[p])];
      }
      out[4] = frame.adjSynapseState[step.synapseStates().indexOf("u")];
      out[5] = frame.adjSynapseState[step.synapseStates().indexOf("x")];
      return out;
    }
  }

  private Gradients generated(Surrogate surrogate, boolean detach, int threads) {
    LifGroup input = new LifGroup("in", IN);
    LifGroup hidden = new LifGroup("hidden", H).method(Integrator.EULER);
    hidden.params().set(hidden.params().indexOf("V_reset"), V_RESET);
    hidden.params().set(hidden.params().indexOf("V_th"), V_TH);
    hidden.params().set(hidden.params().indexOf("tau"), TAU);
    Side in = new Side(inSyn.build(input, hidden, false), inSyn);
    Side rec = new Side(recSyn.build(hidden, hidden, true), recSyn);
    double[][] vTape = new double[T][];
    double[][] inTape = new double[T][];
    boolean[][] spikes = new boolean[T][];
    int count = 0;
    for (int t = 0; t < T; t++) {
      input.setSpikes(GradChecks.indices(x[t]));
      vTape[t] = hidden.V.clone();
      in.record(t);
      rec.record(t);
      Arrays.fill(hidden.input, 0);
      in.projection.update(t * DT, DT, true);
      rec.projection.update(t * DT, DT, true);
      inTape[t] = hidden.input.clone();
      hidden.update(t * DT, DT, true);
      spikes[t] = hidden.spike.clone();
      for (boolean s : spikes[t]) {
        count += s ? 1 : 0;
      }
    }
    LifBackward neurons = new LifBackward(hidden);
    AdjointFrame frame = new AdjointFrame(neurons);
    frame.surrogate = surrogate;
    frame.detachReset = detach;
    frame.dt = DT;
    frame.adjSpike = new double[H];
    ProjectionBackward recGather = new ProjectionBackward(rec.projection);
    double[] aSpikeNext = new double[H];
    boolean[] none = new boolean[H];
    System.arraycopy(voltWeight, 0, frame.adjState[0], 0, H);
    int v = in.step.inputs().indexOf("V");
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      for (int t = T - 1; t >= 0; t--) {
        frame.state[0] = vTape[t];
        frame.input[0] = inTape[t];
        for (int h = 0; h < H; h++) {
          frame.adjSpike[h] = countWeight[h] + aSpikeNext[h];
        }
        frame.t = t * DT;
        GradChecks.ranges(pool, threads, H, (from, to) -> neurons.backward(frame, from, to));
        in.backward(pool, threads, x[t], vTape[t], frame.adjInput[0], t);
        rec.backward(pool, threads, t > 0 ? spikes[t - 1] : none, vTape[t], frame.adjInput[0],
            t);
        GradChecks.ranges(pool, threads, H,
            (from, to) -> recGather.spikeAdjoint(rec.frame.synapseSpike, aSpikeNext, from, to));
        for (int h = 0; h < H; h++) {
          frame.adjState[0][h] += in.frame.adjInput[v][h] + rec.frame.adjInput[v][h];
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    int tauSyn = in.step.params().indexOf("tau");
    return new Gradients(in.gradients(), rec.gradients(),
        in.frame.parameterGradient(tauSyn) + rec.frame.parameterGradient(tauSyn),
        frame.parameterGradient(neurons.params().indexOf("tau")), count);
  }

  /** One projection's reference state: g per target, u and x per synapse at every step. */
  private static final class Ref {
    final Synapses p;
    final int rows;
    final double[][] g = new double[T + 1][H];
    final double[][] u = new double[T + 1][];
    final double[][] xs = new double[T + 1][];
    final double[] dw;
    final double[] dU;
    final double[] dTauF;
    final double[] dTauD;
    final double[] aU;
    final double[] aX;
    final double[] aG = new double[H];
    double dTauSyn;

    Ref(Synapses p, int rows) {
      this.p = p;
      this.rows = rows;
      u[0] = p.u0.clone();
      xs[0] = p.x0.clone();
      int n = p.w.length;
      dw = new double[n];
      dU = new double[n];
      dTauF = new double[n];
      dTauD = new double[n];
      aU = p.uWeight.clone();
      aX = p.xWeight.clone();
    }

    /** Forward step t: Euler for g, u, x; then the jumps of the rows due. Returns g'. */
    void forward(int t, boolean[] due) {
      u[t + 1] = new double[p.w.length];
      xs[t + 1] = new double[p.w.length];
      for (int h = 0; h < H; h++) {
        g[t + 1][h] = g[t][h] + DT * (-g[t][h] / TAU_SYN);
      }
      for (int k = 0; k < rows; k++) {
        for (int h = 0; h < H; h++) {
          int s = k * H + h;
          double u1 = u[t][s] + DT * ((p.big[s] - u[t][s]) / p.tauF[s]);
          double x1 = xs[t][s] + DT * ((1 - xs[t][s]) / p.tauD[s]);
          if (due[k]) {
            double u2 = u1 + p.big[s] * (1 - u1);
            g[t + 1][h] += p.w[s] * u2 * x1;
            x1 -= u2 * x1;
            u1 = u2;
          }
          u[t + 1][s] = u1;
          xs[t + 1][s] = x1;
        }
      }
    }

    /**
     * Backward step t, given the adjoint of g' (aG holds it on entry, g's before on exit); fills
     * each synapse's spike adjoint.
     */
    void backward(int t, boolean[] due, double[] spikeAdjoint) {
      for (int k = 0; k < rows; k++) {
        for (int h = 0; h < H; h++) {
          int s = k * H + h;
          double u0 = u[t][s];
          double x0 = xs[t][s];
          double u1 = u0 + DT * ((p.big[s] - u0) / p.tauF[s]);
          double x1 = x0 + DT * ((1 - x0) / p.tauD[s]);
          double u2 = u1 + p.big[s] * (1 - u1);
          double inc = p.w[s] * u2 * x1;
          double x2 = x1 - u2 * x1;
          spikeAdjoint[s] = aG[h] * inc + aU[s] * (u2 - u1) + aX[s] * (x2 - x1);
          double aU1 = aU[s];
          double aX1 = aX[s];
          if (due[k]) {
            double aU2 = aU[s] - aX[s] * x1 + aG[h] * p.w[s] * x1;
            aX1 = aX[s] * (1 - u2) + aG[h] * p.w[s] * u2;
            dw[s] += aG[h] * u2 * x1;
            dU[s] += aU2 * (1 - u1);
            aU1 = aU2 * (1 - p.big[s]);
          }
          // u1 = u + dt·(U − u)/τ_f, x1 = x + dt·(1 − x)/τ_d
          dU[s] += aU1 * DT / p.tauF[s];
          dTauF[s] += aU1 * (-DT * (p.big[s] - u0) / (p.tauF[s] * p.tauF[s]));
          dTauD[s] += aX1 * (-DT * (1 - x0) / (p.tauD[s] * p.tauD[s]));
          aU[s] = aU1 * (1 - DT / p.tauF[s]);
          aX[s] = aX1 * (1 - DT / p.tauD[s]);
        }
      }
      for (int h = 0; h < H; h++) {
        dTauSyn += aG[h] * g[t][h] * DT / (TAU_SYN * TAU_SYN);
        aG[h] *= 1 - DT / TAU_SYN;
      }
    }

    double[][] gradients() {
      return new double[][] {dw, dU, dTauF, dTauD, aU, aX};
    }
  }

  /** The same network, forward and backward written out by hand (Euler for every model). */
  private Gradients reference(Surrogate surrogate, boolean detach) {
    Ref in = new Ref(inSyn, IN);
    Ref rec = new Ref(recSyn, H);
    double[][] v = new double[T + 1][H];
    double[][] current = new double[T][H];
    boolean[][] s = new boolean[T][H];
    double[][] preReset = new double[T][H];
    boolean[] none = new boolean[H];
    int count = 0;
    for (int t = 0; t < T; t++) {
      in.forward(t, x[t]);
      rec.forward(t, t > 0 ? s[t - 1] : none);
      for (int h = 0; h < H; h++) {
        current[t][h] = (in.g[t + 1][h] + rec.g[t + 1][h]) * (E_SYN - v[t][h]);
        double v1 = v[t][h] + DT * ((-v[t][h] + current[t][h]) / TAU);
        preReset[t][h] = v1;
        s[t][h] = v1 >= V_TH;
        v[t + 1][h] = s[t][h] ? V_RESET : v1;
        count += s[t][h] ? 1 : 0;
      }
    }
    double dTau = 0;
    double[] aV = voltWeight.clone();
    double[] aSpikeNext = new double[H];
    double[] spikeIn = new double[IN * H];
    double[] spikeRec = new double[H * H];
    for (int t = T - 1; t >= 0; t--) {
      for (int h = 0; h < H; h++) {
        double v1 = preReset[t][h];
        double aSpike = countWeight[h] + aSpikeNext[h];
        double aMargin = aSpike + (detach ? 0 : aV[h] * (V_RESET - v1));
        double aV1 = (s[t][h] ? 0 : aV[h]) + aMargin * surrogate.derivative(v1 - V_TH);
        // v1 = v + dt·(−v + I)/τ, I = (g_in' + g_rec')·(E − v)
        double drive = -v[t][h] + current[t][h];
        double aI = aV1 * DT / TAU;
        dTau += aV1 * (-DT * drive / (TAU * TAU));
        double gSum = in.g[t + 1][h] + rec.g[t + 1][h];
        aV[h] = aV1 * (1 - DT / TAU) - aI * gSum;
        in.aG[h] += aI * (E_SYN - v[t][h]);
        rec.aG[h] += aI * (E_SYN - v[t][h]);
      }
      in.backward(t, x[t], spikeIn);
      rec.backward(t, t > 0 ? s[t - 1] : none, spikeRec);
      for (int k = 0; k < H; k++) {
        double sum = 0;
        for (int h = 0; h < H; h++) {
          sum += spikeRec[k * H + h];
        }
        aSpikeNext[k] = sum;
      }
    }
    return new Gradients(in.gradients(), rec.gradients(), in.dTauSyn + rec.dTauSyn, dTau, count);
  }
}
