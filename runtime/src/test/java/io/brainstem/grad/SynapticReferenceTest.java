package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCobaBackward;
import io.brainstem.models.WeightedExpCobaProjection;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recurrent spiking network with trained per-synapse weights, differentiated twice with a
 * surrogate gradient: 4 input trains drive 6 {@code Lif} neurons (Euler, spikes reset) through
 * {@code WeightedExpCoba} synapses, and the neurons drive each other through a second, recurrent
 * {@code WeightedExpCoba} projection (all to all, with self-connections; Euler). Once through the
 * generated kernels ({@link LifBackward}, {@link WeightedExpCobaBackward}) and {@link
 * ProjectionBackward}; once through a reference written here from the equations. The gradients of a
 * loss on spike counts and final voltages with respect to every input and recurrent weight, the
 * synapses' {@code tau} and the neurons' {@code tau} agree to 1e-12; the backward over ranges on 2
 * and 3 threads equals one range bit for bit.
 */
class SynapticReferenceTest {
  private static final int IN = 4;
  private static final int H = 6;
  private static final int T = 100;
  private static final double DT = 0.5;
  private static final double V_RESET = -5;
  private static final double V_TH = 20;
  private static final double TAU = 10;
  private static final double TAU_SYN = 3;
  private static final double E_SYN = 60;

  record Gradients(double[] wIn, double[] wRec, double tauSyn, double tau, int spikes) {}

  private final boolean[][] x = new boolean[T][IN];
  private final double[] wIn = new double[IN * H];
  private final double[] wRec = new double[H * H];
  private final double[] countWeight = new double[H];
  private final double[] voltWeight = new double[H];

  SynapticReferenceTest() {
    Random random = new Random(8);
    for (boolean[] row : x) {
      for (int j = 0; j < IN; j++) {
        row[j] = random.nextDouble() < 0.25;
      }
    }
    for (int k = 0; k < wIn.length; k++) {
      wIn[k] = 0.3 + 0.4 * random.nextDouble();
    }
    for (int k = 0; k < wRec.length; k++) {
      wRec[k] = 0.15 * random.nextGaussian();
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
      assertThat(generated.spikes()).isGreaterThan(30);
      assertClose("tau_syn", generated.tauSyn(), reference.tauSyn());
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
    assertThat(Double.doubleToRawLongBits(many.tauSyn()))
        .isEqualTo(Double.doubleToRawLongBits(one.tauSyn()));
    assertThat(Double.doubleToRawLongBits(many.tau()))
        .isEqualTo(Double.doubleToRawLongBits(one.tau()));
  }

  /**
   * The same network as a user builds it ({@code Network}, an input group fed by the test) through
   * {@link NetworkGradient}: the gradients equal the hand-written reference to 1e-12, and 2 and 3
   * threads give the bits of one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fast", "sigmoid", "arctan"})
  void networkEngineEqualsHandWrittenReference(String kind) {
    Surrogate surrogate = switch (kind) {
      case "fast" -> Surrogate.fastSigmoid(0.5);
      case "sigmoid" -> Surrogate.sigmoid(0.3);
      default -> Surrogate.arctan(0.2);
    };
    for (boolean detach : new boolean[] {false, true}) {
      Gradients engine = engine(surrogate, detach, 1);
      Gradients reference = reference(surrogate, detach);
      assertThat(engine.spikes()).isEqualTo(reference.spikes());
      assertClose("tau_syn", engine.tauSyn(), reference.tauSyn());
      assertClose("tau", engine.tau(), reference.tau());
      for (int k = 0; k < wIn.length; k++) {
        assertClose("wIn " + k, engine.wIn()[k], reference.wIn()[k]);
      }
      for (int k = 0; k < wRec.length; k++) {
        assertClose("wRec " + k, engine.wRec()[k], reference.wRec()[k]);
      }
    }
    for (int threads : new int[] {2, 3}) {
      Gradients one = engine(surrogate, false, 1);
      Gradients many = engine(surrogate, false, threads);
      assertThat(many.wIn()).isEqualTo(one.wIn());
      assertThat(many.wRec()).isEqualTo(one.wRec());
      assertThat(Double.doubleToRawLongBits(many.tauSyn()))
          .isEqualTo(Double.doubleToRawLongBits(one.tauSyn()));
      assertThat(Double.doubleToRawLongBits(many.tau()))
          .isEqualTo(Double.doubleToRawLongBits(one.tau()));
    }
  }

  /** Segments recomputed from checkpoints give the stored run's gradients bit for bit. */
  @org.junit.jupiter.api.Test
  void networkEngineCheckpointsGiveTheSameBits() {
    Gradients stored = engine(Surrogate.fastSigmoid(0.5), false, 1, 1000);
    for (int segment : new int[] {1, 7, 50}) {
      Gradients recomputed = engine(Surrogate.fastSigmoid(0.5), false, 1, segment);
      assertThat(recomputed.wIn()).isEqualTo(stored.wIn());
      assertThat(recomputed.wRec()).isEqualTo(stored.wRec());
      assertThat(recomputed.tau()).isEqualTo(stored.tau());
      assertThat(recomputed.tauSyn()).isEqualTo(stored.tauSyn());
    }
  }

  private Gradients engine(Surrogate surrogate, boolean detach, int threads) {
    return engine(surrogate, detach, threads, 1000);
  }

  private Gradients engine(Surrogate surrogate, boolean detach, int threads, int stored) {
    io.brainstem.network.Network net = new io.brainstem.network.Network();
    LifGroup input = net.add(new LifGroup("in", IN));
    LifGroup hidden = net.add(new LifGroup("hidden", H).method(Integrator.EULER));
    hidden.params().set(hidden.params().indexOf("V_reset"), V_RESET);
    hidden.params().set(hidden.params().indexOf("V_th"), V_TH);
    hidden.params().set(hidden.params().indexOf("tau"), TAU);
    hidden.params().markTrainable(hidden.params().indexOf("tau"));
    WeightedExpCobaProjection inProj = net.add(new WeightedExpCobaProjection("inProj", input,
        hidden, new All2All()).tau(TAU_SYN).E(E_SYN).method(Integrator.EULER).w(wIn.clone()));
    WeightedExpCobaProjection recProj = net.add(new WeightedExpCobaProjection("recProj", hidden,
        hidden, new All2All().includeSelf(true)).tau(TAU_SYN).E(E_SYN).method(Integrator.EULER)
        .w(wRec.clone()));
    for (WeightedExpCobaProjection p : List.of(inProj, recProj)) {
      p.markTrainable("w");
      p.params().markTrainable(p.params().indexOf("tau"));
    }
    int[] count = {0};
    try (NetworkGradient engine = NetworkGradient.builder(net).input("in").dt(DT)
        .surrogate(surrogate).detachReset(detach).threads(threads).maxStoredSteps(stored)
        .build()) {
      assertThat(engine.parameters()).containsExactly("hidden.tau", "inProj.tau", "inProj.w",
          "recProj.tau", "recProj.w").inOrder();
      engine.forward(T, t -> input.setSpikes(GradChecks.indices(x[t])), t -> count[0] += hidden.spikeCount());
      engine.backward((t, g) -> {
        double[] aSpike = g.spikeAdjoint(hidden);
        for (int h = 0; h < H; h++) {
          aSpike[h] += countWeight[h];
        }
        if (t == T - 1) {
          double[] aV = g.stateAdjoint(hidden, "V");
          for (int h = 0; h < H; h++) {
            aV[h] += voltWeight[h];
          }
        }
      });
      return new Gradients(engine.gradient("inProj.w").clone(),
          engine.gradient("recProj.w").clone(),
          engine.gradient("inProj.tau")[0] + engine.gradient("recProj.tau")[0],
          engine.gradient("hidden.tau")[0], count[0]);
    }
  }

  private static void assertClose(String what, double a, double b) {
    double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-9);
    assertWithMessage("%s: generated %s, reference %s", what, a, b)
        .that(Math.abs(a - b) / scale).isAtMost(1e-12);
  }

  private Gradients generated(Surrogate surrogate, boolean detach, int threads) {
    LifGroup input = new LifGroup("in", IN);
    LifGroup hidden = new LifGroup("hidden", H).method(Integrator.EULER);
    hidden.params().set(hidden.params().indexOf("V_reset"), V_RESET);
    hidden.params().set(hidden.params().indexOf("V_th"), V_TH);
    hidden.params().set(hidden.params().indexOf("tau"), TAU);
    WeightedExpCobaProjection inProj = new WeightedExpCobaProjection(input, hidden, new All2All())
        .tau(TAU_SYN).E(E_SYN).method(Integrator.EULER).w(wIn.clone());
    WeightedExpCobaProjection recProj = new WeightedExpCobaProjection(hidden, hidden,
        new All2All().includeSelf(true)).tau(TAU_SYN).E(E_SYN).method(Integrator.EULER)
        .w(wRec.clone());
    double[][] vTape = new double[T][];
    double[][] inTape = new double[T][];
    double[][] gInTape = new double[T][];
    double[][] gRecTape = new double[T][];
    boolean[][] spikes = new boolean[T][];
    int count = 0;
    for (int t = 0; t < T; t++) {
      input.setSpikes(GradChecks.indices(x[t]));
      vTape[t] = hidden.V.clone();
      gInTape[t] = inProj.g.clone();
      gRecTape[t] = recProj.g.clone();
      Arrays.fill(hidden.input, 0);
      inProj.update(t * DT, DT, true);
      recProj.update(t * DT, DT, true);
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
    WeightedExpCobaBackward inSyn = new WeightedExpCobaBackward(inProj);
    WeightedExpCobaBackward recSyn = new WeightedExpCobaBackward(recProj);
    AdjointFrame inFrame = synapseFrame(inSyn);
    AdjointFrame recFrame = synapseFrame(recSyn);
    ProjectionBackward inGather = new ProjectionBackward(inProj);
    ProjectionBackward recGather = new ProjectionBackward(recProj);
    double[] gIn = new double[inGather.synapseCount()];
    double[] gRec = new double[recGather.synapseCount()];
    double[] aSpikeNext = new double[H];
    boolean[] none = new boolean[H];
    System.arraycopy(voltWeight, 0, frame.adjState[0], 0, H);
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
        boolean[] preHidden = t > 0 ? spikes[t - 1] : none;
        synapseStep(pool, threads, inSyn, inFrame, inGather, inProj.doubles("w"), x[t],
            gInTape[t], vTape[t], frame.adjInput[0], t);
        synapseStep(pool, threads, recSyn, recFrame, recGather, recProj.doubles("w"), preHidden,
            gRecTape[t], vTape[t], frame.adjInput[0], t);
        double[] aDelivIn = inFrame.adjInput[0];
        double[] aDelivRec = recFrame.adjInput[0];
        boolean[] dueIn = x[t];
        GradChecks.ranges(pool, threads, IN, (from, to) ->
            inGather.weightGradient(dueIn, aDelivIn, gIn, from, to));
        GradChecks.ranges(pool, threads, H, (from, to) -> {
          recGather.weightGradient(preHidden, aDelivRec, gRec, from, to);
          recGather.spikeAdjoint(recProj.doubles("w"), aDelivRec, aSpikeNext, from, to);
        });
        int v = inSyn.inputs().indexOf("V");
        for (int h = 0; h < H; h++) {
          frame.adjState[0][h] += inFrame.adjInput[v][h] + recFrame.adjInput[v][h];
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    int tauSyn = inSyn.params().indexOf("tau");
    return new Gradients(gIn, gRec,
        inFrame.parameterGradient(tauSyn) + recFrame.parameterGradient(tauSyn),
        frame.parameterGradient(neurons.params().indexOf("tau")), count);
  }

  private static AdjointFrame synapseFrame(BackwardStep step) {
    AdjointFrame frame = new AdjointFrame(step);
    frame.dt = DT;
    frame.adjOutput = new double[H];
    return frame;
  }

  /** One synapse's backward for step {@code t}: its state, delivery and output adjoints. */
  private void synapseStep(ExecutorService pool, int threads, BackwardStep step,
      AdjointFrame frame, ProjectionBackward gather, double[] w, boolean[] due, double[] gStart,
      double[] vStart, double[] adjOutput, int t) {
    frame.state[0] = gStart;
    gather.delivered(due, w, frame.input[0]);
    frame.input[step.inputs().indexOf("V")] = vStart;
    System.arraycopy(adjOutput, 0, frame.adjOutput, 0, H);
    frame.t = t * DT;
    GradChecks.ranges(pool, threads, H, (from, to) -> step.backward(frame, from, to));
  }

  /** The same network, forward and backward written out by hand (Euler for both models). */
  private Gradients reference(Surrogate surrogate, boolean detach) {
    double[][] v = new double[T + 1][H];
    double[][] gIn = new double[T + 1][H];
    double[][] gRec = new double[T + 1][H];
    double[][] current = new double[T][H];
    boolean[][] s = new boolean[T][H];
    double[][] preReset = new double[T][H];
    int count = 0;
    for (int t = 0; t < T; t++) {
      for (int h = 0; h < H; h++) {
        // Synapses: g' = g + dt·(−g/τ_s) + Σ w over the spikes due (inputs now, hidden of t − 1).
        double dIn = 0;
        for (int j = 0; j < IN; j++) {
          dIn += x[t][j] ? wIn[j * H + h] : 0;
        }
        double dRec = 0;
        for (int k = 0; k < H && t > 0; k++) {
          dRec += s[t - 1][k] ? wRec[k * H + h] : 0;
        }
        gIn[t + 1][h] = gIn[t][h] + DT * (-gIn[t][h] / TAU_SYN) + dIn;
        gRec[t + 1][h] = gRec[t][h] + DT * (-gRec[t][h] / TAU_SYN) + dRec;
        current[t][h] = (gIn[t + 1][h] + gRec[t + 1][h]) * (E_SYN - v[t][h]);
        double v1 = v[t][h] + DT * ((-v[t][h] + current[t][h]) / TAU);
        preReset[t][h] = v1;
        s[t][h] = v1 >= V_TH;
        v[t + 1][h] = s[t][h] ? V_RESET : v1;
        count += s[t][h] ? 1 : 0;
      }
    }
    double[] dwIn = new double[wIn.length];
    double[] dwRec = new double[wRec.length];
    double dTauSyn = 0;
    double dTau = 0;
    double[] aV = voltWeight.clone();
    double[] aGIn = new double[H];
    double[] aGRec = new double[H];
    double[] aSpikeNext = new double[H];
    for (int t = T - 1; t >= 0; t--) {
      double[] aSpikeHere = new double[H];
      double[] aDRec = new double[H];
      for (int h = 0; h < H; h++) {
        double v1 = preReset[t][h];
        double aSpike = countWeight[h] + aSpikeNext[h];
        double aMargin = aSpike + (detach ? 0 : aV[h] * (V_RESET - v1));
        double aV1 = (s[t][h] ? 0 : aV[h]) + aMargin * surrogate.derivative(v1 - V_TH);
        // v1 = v + dt·(−v + I)/τ, I = (g_in' + g_rec')·(E − v)
        double drive = -v[t][h] + current[t][h];
        double aI = aV1 * DT / TAU;
        dTau += aV1 * (-DT * drive / (TAU * TAU));
        double gSum = gIn[t + 1][h] + gRec[t + 1][h];
        double aVstart = aV1 * (1 - DT / TAU) - aI * gSum;
        double aG1In = aGIn[h] + aI * (E_SYN - v[t][h]);
        double aG1Rec = aGRec[h] + aI * (E_SYN - v[t][h]);
        // g' = g·(1 − dt/τ_s) + d: the increment's adjoint is g''s
        aDRec[h] = aG1Rec;
        for (int j = 0; j < IN; j++) {
          if (x[t][j]) {
            dwIn[j * H + h] += aG1In;
          }
        }
        for (int k = 0; k < H && t > 0; k++) {
          if (s[t - 1][k]) {
            dwRec[k * H + h] += aG1Rec;
          }
        }
        dTauSyn += (aG1In * gIn[t][h] + aG1Rec * gRec[t][h]) * DT / (TAU_SYN * TAU_SYN);
        aGIn[h] = aG1In * (1 - DT / TAU_SYN);
        aGRec[h] = aG1Rec * (1 - DT / TAU_SYN);
        aV[h] = aVstart;
      }
      for (int k = 0; k < H; k++) {
        double sum = 0;
        for (int h = 0; h < H; h++) {
          sum += wRec[k * H + h] * aDRec[h];
        }
        aSpikeHere[k] = sum;
      }
      aSpikeNext = aSpikeHere;
    }
    return new Gradients(dwIn, dwRec, dTauSyn, dTau, count);
  }
}
