package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.AlphaCobaBackward;
import io.brainstem.models.AlphaCobaProjection;
import io.brainstem.models.AlphaCubaBackward;
import io.brainstem.models.AlphaCubaProjection;
import io.brainstem.models.AmpaCobaBackward;
import io.brainstem.models.AmpaCobaProjection;
import io.brainstem.models.AmpaCubaBackward;
import io.brainstem.models.AmpaCubaProjection;
import io.brainstem.models.DeltaCobaBackward;
import io.brainstem.models.DeltaCobaProjection;
import io.brainstem.models.DeltaCubaBackward;
import io.brainstem.models.DeltaCubaProjection;
import io.brainstem.models.DualExpCobaBackward;
import io.brainstem.models.DualExpCobaProjection;
import io.brainstem.models.DualExpCubaBackward;
import io.brainstem.models.DualExpCubaProjection;
import io.brainstem.models.ExpCobaBackward;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpCubaBackward;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.GabaACobaBackward;
import io.brainstem.models.GabaACobaProjection;
import io.brainstem.models.GabaACubaBackward;
import io.brainstem.models.GabaACubaProjection;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.NmdaCobaBackward;
import io.brainstem.models.NmdaCobaProjection;
import io.brainstem.models.NmdaCubaBackward;
import io.brainstem.models.NmdaCubaProjection;
import io.brainstem.models.TsodyksMarkramCobaBackward;
import io.brainstem.models.TsodyksMarkramCobaProjection;
import io.brainstem.models.WeightedExpCobaBackward;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.models.WeightedExpCubaBackward;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Synapse backward steps (generated {@code <Synapse>Backward}) and the projection's gather ({@link
 * ProjectionBackward}) against five-point central differences of the generated forward kernels,
 * in double: fixed presynaptic spike trains drive a library synapse model onto 4 non-spiking
 * {@code Lif} neurons for 80 steps; the gradients of a loss on the voltages of every step and the
 * synapse states at the end, with respect to the weights (per synapse, or the lumped {@code
 * g_max}), every synapse parameter, the initial synapse state and one presynaptic spike, agree to a
 * relative 1e-6, for each integrator; the backward over ranges on three threads equals one range
 * bit for bit.
 */
class ProjectionGradientCheckTest {
  private static final int PRE = 5;
  private static final int POST = 4;
  private static final int T = 80;
  private static final double DT = 0.1;
  private static final GradChecks.Tally TALLY = new GradChecks.Tally(1e-6);

  /**
   * A synapse model: how to build it, its backward step, its weight (null: a number, a constant
   * increment or a spike count, checked through the parameters), initial states.
   */
  record Model(String name, Builder build,
      Function<Projection, BackwardStep> backward, String weight, boolean perSynapse,
      Consumer<Projection> prepare) {
    Model(String name, Builder build, Function<Projection, BackwardStep> backward, String weight,
        boolean perSynapse) {
      this(name, build, backward, weight, perSynapse, p -> {});
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Builds the projection with an integrator. */
  interface Builder {
    Projection build(NeuronGroup pre, NeuronGroup post, Integrator method);
  }

  private static final FixedProb CONNECT = new FixedProb(0.6, 11);

  static List<Model> models() {
    return List.of(
        new Model("DeltaCuba", (a, b, m) -> new DeltaCubaProjection(a, b, CONNECT).g_max(0.7),
            p -> new DeltaCubaBackward((DeltaCubaProjection) p), "g_max", false),
        new Model("DeltaCoba", (a, b, m) -> new DeltaCobaProjection(a, b, CONNECT).g_max(0.15)
            .E(30), p -> new DeltaCobaBackward((DeltaCobaProjection) p), null, false),
        new Model("ExpCuba", (a, b, m) -> new ExpCubaProjection(a, b, CONNECT).g_max(2).tau(3).method(m),
            p -> new ExpCubaBackward((ExpCubaProjection) p), "g_max", false),
        new Model("ExpCoba", (a, b, m) -> new ExpCobaProjection(a, b, CONNECT).g_max(0.2).tau(4).E(50)
            .method(m),
            p -> new ExpCobaBackward((ExpCobaProjection) p), "g_max", false),
        new Model("AlphaCuba", (a, b, m) -> new AlphaCubaProjection(a, b, CONNECT).g_max(3).tau(2).method(m),
            p -> new AlphaCubaBackward((AlphaCubaProjection) p), "g_max", false),
        new Model("WeightedExpCoba", (a, b, m) -> {
          WeightedExpCobaProjection p = new WeightedExpCobaProjection(a, b, CONNECT).tau(4).E(50)
              .method(m);
          double[] w = new double[p.synapseCount()];
          for (int k = 0; k < w.length; k++) {
            w[k] = 0.05 + 0.3 * ((k * 7) % 5) / 5.0;
          }
          return p.w(w);
        }, p -> new WeightedExpCobaBackward((WeightedExpCobaProjection) p), "w", true),
        new Model("WeightedExpCuba", (a, b, m) -> {
          WeightedExpCubaProjection p = new WeightedExpCubaProjection(a, b, CONNECT).tau(3)
              .method(m);
          double[] w = new double[p.synapseCount()];
          for (int k = 0; k < w.length; k++) {
            w[k] = 1.5 - ((k * 5) % 7) / 3.0;
          }
          return p.w(w);
        }, p -> new WeightedExpCubaBackward((WeightedExpCubaProjection) p), "w", true),
        new Model("AlphaCoba", (a, b, m) -> new AlphaCobaProjection(a, b, CONNECT).g_max(0.4)
            .tau(2).E(40).method(m),
            p -> new AlphaCobaBackward((AlphaCobaProjection) p), "g_max", false),
        new Model("DualExpCuba", (a, b, m) -> new DualExpCubaProjection(a, b, CONNECT).g_max(3)
            .tau_decay(3).tau_rise(0.7).method(m),
            p -> new DualExpCubaBackward((DualExpCubaProjection) p), "g_max", false),
        new Model("DualExpCoba", (a, b, m) -> new DualExpCobaProjection(a, b, CONNECT).g_max(0.4)
            .tau_decay(3).tau_rise(0.7).E(40).method(m),
            p -> new DualExpCobaBackward((DualExpCobaProjection) p), "g_max", false),
        new Model("NmdaCuba", (a, b, m) -> new NmdaCubaProjection(a, b, CONNECT).g_max(8)
            .tau_decay(6).method(m),
            p -> new NmdaCubaBackward((NmdaCubaProjection) p), null, false),
        new Model("NmdaCoba", (a, b, m) -> new NmdaCobaProjection(a, b, CONNECT).g_max(0.3)
            .tau_decay(6).E(40).method(m),
            p -> new NmdaCobaBackward((NmdaCobaProjection) p), null, false),
        // The release window: T_duration and the start of neuron 1's away from a multiple of dt
        // (and of the RK stages' dt/2), so that no comparison with 1e-9 flips within ±2h.
        new Model("AmpaCuba", (a, b, m) -> new AmpaCubaProjection(a, b, CONNECT).g_max(5)
            .T_duration(0.43).method(m),
            p -> new AmpaCubaBackward((AmpaCubaProjection) p), null, false, RELEASE),
        new Model("AmpaCoba", (a, b, m) -> new AmpaCobaProjection(a, b, CONNECT).g_max(0.4)
            .T_duration(0.43).E(40).method(m),
            p -> new AmpaCobaBackward((AmpaCobaProjection) p), null, false, RELEASE),
        new Model("GabaACuba", (a, b, m) -> new GabaACubaProjection(a, b, CONNECT).g_max(5)
            .T_duration(0.43).method(m),
            p -> new GabaACubaBackward((GabaACubaProjection) p), null, false, RELEASE),
        new Model("GabaACoba", (a, b, m) -> new GabaACobaProjection(a, b, CONNECT).g_max(0.4)
            .T_duration(0.43).E(-30).method(m),
            p -> new GabaACobaBackward((GabaACobaProjection) p), null, false, RELEASE),
        // Short-term plasticity: u, x per synapse, every synapse its own w, U, tau_f, tau_d and
        // start (time constants of a few ms, so that they act within the 8 ms run).
        new Model("TsodyksMarkramCoba", (a, b, m) -> {
          TsodyksMarkramCobaProjection p = new TsodyksMarkramCobaProjection(a, b, CONNECT)
              .tau(4).E(50).method(m);
          int n = p.synapseCount();
          double[] w = new double[n];
          double[] u0 = new double[n];
          double[] x0 = new double[n];
          double[] big = new double[n];
          double[] tauF = new double[n];
          double[] tauD = new double[n];
          for (int k = 0; k < n; k++) {
            w[k] = 0.1 + 0.3 * ((k * 7) % 5) / 5.0;
            big[k] = 0.2 + 0.1 * (k % 5);
            tauF[k] = 3 + 0.7 * (k % 3);
            tauD[k] = 4 + 1.3 * (k % 4);
            u0[k] = 0.1 + 0.05 * (k % 4);
            x0[k] = 0.95 - 0.1 * (k % 3);
          }
          return p.w(w).U(big).tau_f(tauF).tau_d(tauD).u(u0).x(x0);
        }, p -> new TsodyksMarkramCobaBackward((TsodyksMarkramCobaProjection) p), "w", true),
        // Test models: a lumped parameter in the per-synapse ODE; a per-synapse state with no ODE.
        new Model("DepressingSynapse", (a, b, m) -> {
          DepressingSynapseProjection p = new DepressingSynapseProjection(a, b, CONNECT)
              .method(m);
          double[] w = new double[p.synapseCount()];
          for (int k = 0; k < w.length; k++) {
            w[k] = 0.05 + 0.1 * ((k * 3) % 4);
          }
          return p.w(w);
        }, p -> new DepressingSynapseBackward((DepressingSynapseProjection) p), "w", true),
        new Model("DepletingResource", (a, b, m) -> {
          DepletingResourceProjection p = new DepletingResourceProjection(a, b, CONNECT)
              .method(m);
          double[] w = new double[p.synapseCount()];
          for (int k = 0; k < w.length; k++) {
            w[k] = 2 - 0.5 * ((k * 5) % 7);
          }
          return p.w(w);
        }, p -> new DepletingResourceBackward((DepletingResourceProjection) p), "w", true));
  }

  /** The weight of per-synapse state {@code k} at the end in the loss. */
  private static double synapseWeight(int s, int k) {
    return ((k * 3 + s * 5) % 7) / 7.0 - 0.4;
  }

  private static final Consumer<Projection> RELEASE = p -> {
    p.doubles("release")[1] = 0.27;
    p.doubles("s")[1] = 0.2;
  };

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Model m : models()) {
      // Short-term plasticity: every integrator (each has its own per-synapse loops).
      for (Integrator integrator : m.name().startsWith("Delta")
          ? List.of(Integrator.EULER)
          : m.name().equals("TsodyksMarkramCoba") ? List.of(Integrator.values())
          : List.of(Integrator.EXP_AUTO, Integrator.EULER, Integrator.RK4)) {
        out.add(Arguments.of(m, integrator));
      }
    }
    return out.stream();
  }

  /** The presynaptic spikes due in each step; neuron 0 spikes once, at step 10. */
  private static final boolean[][] SPIKES = new boolean[T][PRE];
  private static final double[] VOLT_WEIGHT = new double[POST];
  private static final double[] STATE_WEIGHT = new double[POST];

  static {
    Random random = new Random(5);
    for (int t = 0; t < T; t++) {
      for (int i = 1; i < PRE; i++) {
        SPIKES[t][i] = random.nextDouble() < 0.15;
      }
    }
    SPIKES[10][0] = true;
    for (int j = 0; j < POST; j++) {
      VOLT_WEIGHT[j] = random.nextDouble() - 0.3;
      STATE_WEIGHT[j] = random.nextDouble() - 0.5;
    }
  }

  /** One simulated run and its loss, with what the backward pass reads. */
  private static final class Run {
    final LifGroup pre = new LifGroup("pre", PRE);
    final LifGroup post = new LifGroup("post", POST).method(Integrator.EULER);
    final Projection projection;
    final List<double[]> states = new ArrayList<>();
    final double[][][] stateTape;
    final List<double[]> synapseStates = new ArrayList<>();
    final double[][][] synapseTape;
    final double[][] vStart = new double[T][];
    final double[][] vJumped = new double[T][];
    final double[][] inputTape = new double[T][];
    double loss;

    Run(Model model, Integrator integrator, Consumer<Projection> perturb) {
      post.params().set(post.params().indexOf("V_th"), 1e6);
      post.params().set(post.params().indexOf("V_rest"), -2);
      projection = model.build().build(pre, post, integrator);
      model.prepare().accept(projection);
      BackwardStep step = model.backward().apply(projection);
      if (step != null) {
        for (String s : step.states()) {
          states.add(projection.doubles(s));
        }
        if (step instanceof SynapseStateBackward sb) {
          for (String s : sb.synapseStates()) {
            synapseStates.add(projection.doubles(s));
          }
        }
      }
      perturb.accept(projection);
      stateTape = new double[T][states.size()][];
      synapseTape = new double[T][synapseStates.size()][];
      for (int t = 0; t < T; t++) {
        pre.setSpikes(GradChecks.indices(SPIKES[t]));
        for (int s = 0; s < states.size(); s++) {
          stateTape[t][s] = states.get(s).clone();
        }
        for (int s = 0; s < synapseStates.size(); s++) {
          synapseTape[t][s] = synapseStates.get(s).clone();
        }
        vStart[t] = post.V.clone();
        Arrays.fill(post.input, 0);
        projection.update(t * DT, DT, true);
        vJumped[t] = post.V.clone();
        inputTape[t] = post.input.clone();
        post.update(t * DT, DT, true);
        for (int j = 0; j < POST; j++) {
          loss += VOLT_WEIGHT[j] * post.V[j];
        }
      }
      for (double[] x : states) {
        for (int j = 0; j < POST; j++) {
          loss += STATE_WEIGHT[j] * x[j];
        }
      }
      for (int s = 0; s < synapseStates.size(); s++) {
        double[] x = synapseStates.get(s);
        for (int k = 0; k < x.length; k++) {
          loss += synapseWeight(s, k) * x[k];
        }
      }
    }
  }

  /** The gradients of one backward pass. */
  record Gradients(double[] weight, double[][] params, double[][] initialState, double spike0,
      double[] postParams, double[][] synapseParams, double[][] initialSynapseState) {}

  private static Gradients backward(Model model, Run run, int threads) {
    BackwardStep step = model.backward().apply(run.projection);
    boolean delta = step.states().isEmpty(); // writes V: the output's adjoint is V's after it
    LifBackward postStep = new LifBackward(run.post);
    AdjointFrame postFrame = new AdjointFrame(postStep);
    postFrame.dt = DT;
    ProjectionBackward gather = new ProjectionBackward(run.projection);
    AdjointFrame frame = step == null ? null : new AdjointFrame(step);
    List<String> weights = new ArrayList<>();
    if (frame != null) {
      frame.dt = DT;
      frame.adjOutput = new double[POST];
      for (int s = 0; s < step.states().size(); s++) {
        System.arraycopy(STATE_WEIGHT, 0, frame.adjState[s], 0, POST);
      }
      weights = weights(step);
      for (int s = 0; s < frame.adjSynapseState.length; s++) {
        for (int k = 0; k < frame.adjSynapseState[s].length; k++) {
          frame.adjSynapseState[s][k] = synapseWeight(s, k);
        }
      }
    }
    SynapseStateBackward stp = step instanceof SynapseStateBackward sb ? sb : null;
    double[] perSynapse = model.perSynapse() ? run.projection.doubles(model.weight()) : null;
    int weightIndex = model.perSynapse() || model.weight() == null ? -1
        : run.projection.params().indexOf(model.weight());
    double constant = model.weight() == null ? Double.parseDouble(weights.get(0)) : Double.NaN;
    int deliveredInput = 0; // each model here delivers to one state, its first input
    double[] gradW = new double[model.perSynapse() ? gather.synapseCount() : POST];
    double[] aV = VOLT_WEIGHT.clone();
    double[] delivered = new double[POST];
    double[] aDelivered = new double[POST];
    double[] aSpike = new double[PRE];
    double spike0 = 0;
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      for (int t = T - 1; t >= 0; t--) {
        System.arraycopy(aV, 0, postFrame.adjState[0], 0, POST);
        postFrame.state[0] = run.vJumped[t];
        postFrame.input[0] = run.inputTape[t];
        postFrame.t = t * DT;
        GradChecks.ranges(pool, threads, POST, (from, to) -> postStep.backward(postFrame, from, to));
        double[] aStart = postFrame.adjState[0].clone();
        if (frame == null) {
          // A delta synapse adds to V before the group's step: the increment's adjoint is V's.
          System.arraycopy(aStart, 0, aDelivered, 0, POST);
        } else {
          for (int s = 0; s < frame.state.length; s++) {
            frame.state[s] = run.stateTape[t][s];
          }
          if (stp != null) {
            // replayed from the per-synapse states at the step's start
            frame.preSpiked = SPIKES[t];
            for (int s = 0; s < frame.synapseState.length; s++) {
              frame.synapseState[s] = run.synapseTape[t][s];
            }
            GradChecks.ranges(pool, threads, POST, (from, to) -> stp.delivered(frame, from, to));
            System.arraycopy(frame.input[deliveredInput], 0, delivered, 0, POST);
          } else if (perSynapse != null) {
            gather.delivered(SPIKES[t], perSynapse, delivered);
          } else if (weightIndex < 0) {
            gather.delivered(SPIKES[t], constant, delivered);
          } else {
            gather.delivered(SPIKES[t], run.projection.params(), weightIndex, delivered);
          }
          System.arraycopy(delivered, 0, frame.input[deliveredInput], 0, POST);
          int v = step.inputs().indexOf("V");
          if (v >= 0) {
            frame.input[v] = run.vStart[t];
          }
          System.arraycopy(delta ? aStart : postFrame.adjInput[0], 0, frame.adjOutput, 0, POST);
          frame.t = t * DT;
          GradChecks.ranges(pool, threads, POST, (from, to) -> step.backward(frame, from, to));
          if (stp != null) {
            GradChecks.ranges(pool, threads, POST,
                (from, to) -> stp.backwardSynapses(frame, from, to));
          }
          System.arraycopy(frame.adjInput[deliveredInput], 0, aDelivered, 0, POST);
          if (v >= 0) {
            for (int j = 0; j < POST; j++) {
              aStart[j] = (delta ? 0 : aStart[j]) + frame.adjInput[v][j];
            }
          }
        }
        boolean[] due = SPIKES[t];
        if (stp != null) {
          GradChecks.ranges(pool, threads, PRE,
              (from, to) -> gather.spikeAdjoint(frame.synapseSpike, aSpike, from, to));
        } else if (perSynapse != null) {
          GradChecks.ranges(pool, threads, PRE, (from, to) -> {
            gather.spikeAdjoint(perSynapse, aDelivered, aSpike, from, to);
            gather.weightGradient(due, aDelivered, gradW, from, to);
          });
        } else if (weightIndex < 0) {
          GradChecks.ranges(pool, threads, PRE, (from, to) -> gather.spikeAdjoint(
              constant, aDelivered, aSpike, from, to));
        } else {
          GradChecks.ranges(pool, threads, PRE, (from, to) -> gather.spikeAdjoint(
              run.projection.params(), weightIndex, aDelivered, aSpike, from, to));
          gather.lumpedWeightGradient(SPIKES[t], aDelivered, gradW);
        }
        if (t == 10) {
          spike0 = aSpike[0];
        }
        for (int j = 0; j < POST; j++) {
          aV[j] = aStart[j] + (t > 0 ? VOLT_WEIGHT[j] : 0);
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    assertThat(model.weight() == null || stp != null || weights.get(0).equals(model.weight()))
        .isTrue();
    double[][] params = frame == null ? new double[0][] : frame.gradParam;
    double[][] initial = frame == null ? new double[0][] : frame.adjState;
    double[] postParams = new double[postStep.params().size()];
    for (int p = 0; p < postParams.length; p++) {
      postParams[p] = postFrame.parameterGradient(p);
    }
    double[] weightGradient = stp == null ? gradW
        : frame.gradSynapse[stp.synapseParams().indexOf(model.weight())];
    return new Gradients(weightGradient, params, initial, spike0, postParams,
        frame == null ? new double[0][] : frame.gradSynapse,
        frame == null ? new double[0][] : frame.adjSynapseState);
  }

  private static BackwardStep step(Model model, Run run) {
    return model.backward().apply(run.projection);
  }

  /**
   * Per-synapse state: every per-synapse parameter but the weight (checked with the others) and
   * every synapse's initial state, each against five-point differences.
   */
  private static void checkSynapses(Model model, Integrator integrator, Run run, Gradients g,
      SynapseStateBackward stp, List<String> failures) {
    String tag = model + " " + integrator + " ";
    for (int p = 0; p < stp.synapseParams().size(); p++) {
      String name = stp.synapseParams().get(p);
      if (name.equals(model.weight())) {
        continue;
      }
      double[] values = run.projection.doubles(name);
      for (int k = 0; k < values.length; k++) {
        int kk = k;
        double fd = GradChecks.fivePoint(values[k], h -> new Run(model, integrator,
            pr -> pr.doubles(name)[kk] += h).loss);
        TALLY.check(failures, tag + name + "[" + k + "]", g.synapseParams()[p][k], fd);
      }
    }
    for (int s = 0; s < stp.synapseStates().size(); s++) {
      String name = stp.synapseStates().get(s);
      for (int k = 0; k < stp.synapseCount(); k++) {
        int kk = k;
        double fd = GradChecks.fivePoint(0, h -> new Run(model, integrator,
            pr -> pr.doubles(name)[kk] += h).loss);
        TALLY.check(failures, tag + name + "(0)[" + k + "]", g.initialSynapseState()[s][k], fd);
      }
    }
  }

  /** The generated {@code weights()} (not part of {@link BackwardStep}). */
  @SuppressWarnings("unchecked")
  private static List<String> weights(BackwardStep step) {
    try {
      return (List<String>) step.getClass().getMethod("weights").invoke(step);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void backwardEqualsFiniteDifferences(Model model, Integrator integrator) {
    Run run = new Run(model, integrator, p -> {});
    Gradients g = backward(model, run, 1);
    List<String> failures = new ArrayList<>();
    String tag = model + " " + integrator + " ";
    if (model.perSynapse()) {
      double[] w = run.projection.doubles(model.weight());
      for (int k = 0; k < w.length; k++) {
        int kk = k;
        double fd = GradChecks.fivePoint(w[k], h -> new Run(model, integrator,
            p -> p.doubles(model.weight())[kk] += h).loss);
        TALLY.check(failures, tag + model.weight() + "[" + k + "]", g.weight()[k], fd);
      }
      if (step(model, run) instanceof SynapseStateBackward stp) {
        checkSynapses(model, integrator, run, g, stp, failures);
      } else {
      // Presynaptic neuron 0 spikes once: scaling its spike scales its row's weights.
      int[] indptr = run.projection.csr().indptr();
      double fd = GradChecks.fivePoint(0, h -> new Run(model, integrator, p -> {
        double[] ww = p.doubles(model.weight());
        for (int k = indptr[0]; k < indptr[1]; k++) {
          ww[k] *= 1 + h;
        }
      }).loss);
      TALLY.check(failures, tag + "dL/dS of pre 0 at step 10", g.spike0(), fd);
      }
    } else if (model.weight() != null) {
      int index = run.projection.params().indexOf(model.weight());
      double at = run.projection.params().value(index, 0);
      double fd = GradChecks.fivePoint(at, h -> new Run(model, integrator,
          p -> p.params().set(index, at + h)).loss);
      TALLY.check(failures, tag + model.weight(), Arrays.stream(g.weight()).sum(), fd);
    }
    BackwardStep step = model.backward().apply(run.projection);
    if (step != null) {
      for (int p = 0; p < step.params().size(); p++) {
        String name = step.params().get(p);
        if (name.equals(model.weight())) {
          continue; // the delivery's share is the gather's, checked above
        }
        int index = run.projection.params().indexOf(name);
        double at = run.projection.params().value(index, 0);
        double fd = GradChecks.fivePoint(at, h -> new Run(model, integrator,
            pr -> pr.params().set(index, at + h)).loss);
        TALLY.check(failures, tag + name, Arrays.stream(g.params()[p]).sum(), fd);
      }
      for (int s = 0; s < step.states().size(); s++) {
        String state = step.states().get(s);
        double fd = GradChecks.fivePoint(0, h -> new Run(model, integrator,
            pr -> pr.doubles(state)[1] += h).loss);
        TALLY.check(failures, tag + state + "(0)[1]", g.initialState()[s][1], fd);
      }
    }
    // The postsynaptic Lif's tau: its gradient comes through the synapse's adjoints too.
    int tau = run.post.params().indexOf("tau");
    double fd = GradChecks.fivePoint(10, h -> new Run(model, integrator,
        pr -> ((LifGroup) pr.post()).params().set(tau, 10 + h)).loss);
    TALLY.check(failures, tag + "post tau", g.postParams()[tau], fd);
    assertWithMessage("%s", failures).that(failures).isEmpty();
  }

  /**
   * Per-element parameters take the loop that reads them per element, group-wide ones the loop
   * that computes what reads only them (exponential Euler's factor) once: the same bits.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void perElementParametersGiveTheGroupWideBits(Model model, Integrator integrator) {
    Run run = new Run(model, integrator, p -> {});
    if (model.backward().apply(run.projection) == null || run.projection.params().names().isEmpty()) {
      return; // nothing generated reads parameters
    }
    Gradients groupWide = backward(model, run, 1);
    double value = run.projection.params().value(0, 0);
    double[] same = new double[POST];
    Arrays.fill(same, value);
    run.projection.params().set(0, same);
    assertWithMessage("heterogeneous").that(run.projection.params().heterogeneous()).isTrue();
    Gradients perElement = backward(model, run, 1);
    assertThat(perElement.weight()).isEqualTo(groupWide.weight());
    assertThat(perElement.params()).isEqualTo(groupWide.params());
    assertThat(perElement.initialState()).isEqualTo(groupWide.initialState());
    assertThat(perElement.postParams()).isEqualTo(groupWide.postParams());
    assertThat(perElement.synapseParams()).isEqualTo(groupWide.synapseParams());
    assertThat(Double.doubleToRawLongBits(perElement.spike0()))
        .isEqualTo(Double.doubleToRawLongBits(groupWide.spike0()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void threadsGiveTheSameBits(Model model) {
    Run run = new Run(model, Integrator.EXP_AUTO, p -> {});
    Gradients one = backward(model, run, 1);
    Gradients three = backward(model, run, 3);
    assertThat(three.weight()).isEqualTo(one.weight());
    assertThat(three.params()).isEqualTo(one.params());
    assertThat(three.initialState()).isEqualTo(one.initialState());
    assertThat(three.postParams()).isEqualTo(one.postParams());
    assertThat(three.synapseParams()).isEqualTo(one.synapseParams());
    assertThat(three.initialSynapseState()).isEqualTo(one.initialSynapseState());
    assertThat(Double.doubleToRawLongBits(three.spike0()))
        .isEqualTo(Double.doubleToRawLongBits(one.spike0()));
  }

  @Test
  void stagedCouplingIsRefused() {
    LifGroup pre = new LifGroup("pre", PRE);
    LifGroup post = new LifGroup("post", POST);
    ExpCubaProjection staged = new ExpCubaProjection(pre, post, CONNECT);
    staged.coupling(io.brainstem.network.Coupling.STAGED);
    ExpCubaBackward step = new ExpCubaBackward(staged);
    AdjointFrame frame = new AdjointFrame(step);
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> step.backward(frame, 0, POST));
    assertThat(e).hasMessageThat().contains("coupling(Coupling.HELD)");
  }

  @Test
  void wrongSizesNameTheConnectivity() {
    ProjectionBackward gather = new ProjectionBackward(new io.brainstem.connectivity.Csr(
        2, 3, new int[] {0, 1, 3}, new int[] {0, 1, 2}));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> gather.delivered(new boolean[2], new double[2], new double[3]));
    assertThat(e).hasMessageThat().contains("weights has 2 entries but the projection has 3");
  }

  @AfterAll
  static void report() {
    System.out.println("ProjectionGradientCheckTest worst relative error " + TALLY.summary());
  }
}
