package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small spiking network (4 input trains, 6 recurrent LIF neurons coupled by dense currents,
 * Euler, spikes reset) differentiated twice with a surrogate gradient: through the generated
 * {@link LifBackward}, and through a hand-written reference of the same step written here from the
 * equations. The gradients of a loss on spike counts and final voltages with respect to the input
 * and recurrent weights and {@code tau} agree to 1e-12; the backward over two element ranges on two
 * threads equals one range bit for bit.
 */
class SpikingReferenceTest {
  private static final int IN = 4;
  private static final int H = 6;
  private static final int T = 120;
  private static final double DT = 0.5;
  private static final double V_RESET = -5;
  private static final double V_TH = 20;
  private static final double TAU = 10;
  private static final double R = 1;

  /** What the two differentiations produce. */
  record Gradients(double[] wIn, double[] wRec, double tau, int spikes) {}

  private final double[][] x = new double[T][IN];
  private final double[] wIn = new double[IN * H];
  private final double[] wRec = new double[H * H];
  private final double[] countWeight = new double[H];
  private final double[] voltWeight = new double[H];

  SpikingReferenceTest() {
    Random random = new Random(3);
    for (double[] row : x) {
      for (int j = 0; j < IN; j++) {
        row[j] = random.nextDouble() < 0.2 ? 1 : 0;
      }
    }
    for (int k = 0; k < wIn.length; k++) {
      wIn[k] = 40 + 30 * random.nextDouble();
    }
    for (int k = 0; k < wRec.length; k++) {
      wRec[k] = 8 * random.nextGaussian();
    }
    for (int h = 0; h < H; h++) {
      countWeight[h] = random.nextDouble() - 0.5;
      voltWeight[h] = random.nextDouble() - 0.5;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "sigmoid", "arctan"})
  void generatedBackwardEqualsHandWrittenReference(String kind) {
    Surrogate surrogate = switch (kind) {
      case "fast" -> Surrogate.fastSigmoid(0.5);
      case "sigmoid" -> Surrogate.sigmoid(0.3);
      default -> Surrogate.arctan(0.2);
    };
    for (boolean detach : new boolean[] {false, true}) {
      Gradients generated = generated(surrogate, detach, 1);
      Gradients reference = reference(surrogate, detach);
      assertThat(generated.spikes()).isEqualTo(reference.spikes());
      assertThat(generated.spikes()).isGreaterThan(20);
      assertClose("tau", generated.tau(), reference.tau());
      for (int k = 0; k < wIn.length; k++) {
        assertClose("wIn " + k, generated.wIn()[k], reference.wIn()[k]);
      }
      for (int k = 0; k < wRec.length; k++) {
        assertClose("wRec " + k, generated.wRec()[k], reference.wRec()[k]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void threadsGiveTheSameBits(int threads) {
    Gradients one = generated(Surrogate.fastSigmoid(0.5), false, 1);
    Gradients many = generated(Surrogate.fastSigmoid(0.5), false, threads);
    assertThat(many.wIn()).isEqualTo(one.wIn());
    assertThat(many.wRec()).isEqualTo(one.wRec());
    assertThat(Double.doubleToRawLongBits(many.tau()))
        .isEqualTo(Double.doubleToRawLongBits(one.tau()));
  }

  private static void assertClose(String what, double a, double b) {
    double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-9);
    assertWithMessage("%s: generated %s, reference %s", what, a, b)
        .that(Math.abs(a - b) / scale).isAtMost(1e-12);
  }

  /** The current into each neuron at step {@code t}: inputs, and the spikes of step t − 1. */
  private double[] current(int t, boolean[][] spikes) {
    double[] in = new double[H];
    for (int h = 0; h < H; h++) {
      double sum = 0;
      for (int j = 0; j < IN; j++) {
        sum += x[t][j] * wIn[j * H + h];
      }
      if (t > 0) {
        for (int k = 0; k < H; k++) {
          sum += spikes[t - 1][k] ? wRec[k * H + h] : 0;
        }
      }
      in[h] = sum;
    }
    return in;
  }

  /** The coupling's backward: the spike adjoints of step t − 1 and the weight gradients. */
  private void couplingBackward(int t, double[] aInput, boolean[][] spikes, double[] aSpikePrev,
      double[] gIn, double[] gRec) {
    for (int h = 0; h < H; h++) {
      for (int j = 0; j < IN; j++) {
        gIn[j * H + h] += x[t][j] * aInput[h];
      }
      if (t > 0) {
        for (int k = 0; k < H; k++) {
          if (spikes[t - 1][k]) {
            gRec[k * H + h] += aInput[h];
          }
        }
      }
    }
    for (int k = 0; k < H; k++) {
      double sum = 0;
      for (int h = 0; h < H; h++) {
        sum += wRec[k * H + h] * aInput[h];
      }
      aSpikePrev[k] = sum;
    }
  }

  private Gradients generated(Surrogate surrogate, boolean detach, int threads) {
    LifGroup group = new LifGroup("hidden", H).method(Integrator.EULER);
    group.params().set(group.params().indexOf("V_reset"), V_RESET);
    group.params().set(group.params().indexOf("V_th"), V_TH);
    group.params().set(group.params().indexOf("tau"), TAU);
    group.params().set(group.params().indexOf("R"), R);
    double[][] vTape = new double[T][];
    double[][] inTape = new double[T][];
    boolean[][] spikes = new boolean[T][];
    int count = 0;
    for (int t = 0; t < T; t++) {
      vTape[t] = group.V.clone();
      inTape[t] = current(t, spikes);
      System.arraycopy(inTape[t], 0, group.input, 0, H);
      group.update(t * DT, DT, true);
      spikes[t] = group.spike.clone();
      for (boolean s : spikes[t]) {
        count += s ? 1 : 0;
      }
    }
    LifBackward backward = new LifBackward(group);
    AdjointFrame frame = new AdjointFrame(backward);
    frame.surrogate = surrogate;
    frame.detachReset = detach;
    frame.dt = DT;
    frame.adjSpike = new double[H];
    double[] gIn = new double[wIn.length];
    double[] gRec = new double[wRec.length];
    double[] aSpikeNext = new double[H];
    System.arraycopy(voltWeight, 0, frame.adjState[0], 0, H);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      for (int t = T - 1; t >= 0; t--) {
        System.arraycopy(vTape[t], 0, frame.state[0], 0, H);
        System.arraycopy(inTape[t], 0, frame.input[0], 0, H);
        for (int h = 0; h < H; h++) {
          frame.adjSpike[h] = countWeight[h] + aSpikeNext[h];
        }
        frame.t = t * DT;
        if (pool == null) {
          backward.backward(frame, 0, H);
        } else {
          Future<?>[] parts = new Future<?>[threads];
          for (int p = 0; p < threads; p++) {
            int from = p * H / threads;
            int to = (p + 1) * H / threads;
            parts[p] = pool.submit(() -> backward.backward(frame, from, to));
          }
          for (Future<?> part : parts) {
            part.get();
          }
        }
        couplingBackward(t, frame.adjInput[0], spikes, aSpikeNext, gIn, gRec);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    return new Gradients(gIn, gRec, frame.parameterGradient(backward.params().indexOf("tau")),
        count);
  }

  /** The same network, forward and backward written out by hand for Euler's step of Lif. */
  private Gradients reference(Surrogate surrogate, boolean detach) {
    double[][] v = new double[T + 1][H];
    double[][] in = new double[T][];
    boolean[][] spikes = new boolean[T][H];
    double[][] preReset = new double[T][H];
    int count = 0;
    for (int t = 0; t < T; t++) {
      in[t] = current(t, spikes);
      for (int h = 0; h < H; h++) {
        double v1 = v[t][h] + DT * ((-v[t][h] + 0 + R * in[t][h]) / TAU);
        preReset[t][h] = v1;
        spikes[t][h] = v1 >= V_TH;
        v[t + 1][h] = spikes[t][h] ? V_RESET : v1;
        count += spikes[t][h] ? 1 : 0;
      }
    }
    double[] gIn = new double[wIn.length];
    double[] gRec = new double[wRec.length];
    double gTau = 0;
    double[] aV = voltWeight.clone();
    double[] aSpikeNext = new double[H];
    double[] aInput = new double[H];
    for (int t = T - 1; t >= 0; t--) {
      for (int h = 0; h < H; h++) {
        double v1 = preReset[t][h];
        double aSpike = countWeight[h] + aSpikeNext[h];
        double aMargin = aSpike + (detach ? 0 : aV[h] * (V_RESET - v1));
        double aV1 = (spikes[t][h] ? 0 : aV[h]) + aMargin * surrogate.derivative(v1 - V_TH);
        // v1 = v + dt·(−v + R·I)/τ
        double drive = -v[t][h] + R * in[t][h];
        aInput[h] = aV1 * DT * R / TAU;
        gTau += aV1 * (-DT * drive / (TAU * TAU));
        aV[h] = aV1 * (1 - DT / TAU);
      }
      couplingBackward(t, aInput, spikes, aSpikeNext, gIn, gRec);
    }
    return new Gradients(gIn, gRec, gTau, count);
  }
}
