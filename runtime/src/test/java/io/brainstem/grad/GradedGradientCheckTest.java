package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.GapJunctionBackward;
import io.brainstem.models.GapJunctionProjection;
import io.brainstem.models.LeakyTanhBackward;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.RateProjectionBackward;
import io.brainstem.models.RateProjectionProjection;
import io.brainstem.models.TanhProjectionBackward;
import io.brainstem.models.TanhProjectionProjection;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graded coupling's backward steps (generated {@code <Synapse>Backward}, a {@link
 * GradedBackwardStep}) against five-point central differences, in double: a recurrent network of 6
 * rate units ({@code LeakyTanh} with {@code RateProjection}, the FORCE unit with {@code
 * TanhProjection}) or non-spiking {@code Lif} cells with {@code GapJunction}s, driven by a fixed
 * input for 60 steps; the gradients of a loss on every step's state, with respect to every
 * per-synapse weight, an initial state and the units' {@code tau}, agree to a relative 1e-6 for
 * each integrator, and the passes over ranges on three threads equal one range bit for bit. The
 * presynaptic state's adjoint is what carries the gradient back through the recurrence.
 */
class GradedGradientCheckTest {
  private static final int N = 6;
  private static final int T = 60;
  private static final double DT = 0.1;
  private static final GradChecks.Tally TALLY = new GradChecks.Tally(1e-6);
  private static final FixedProb CONNECT = new FixedProb(0.7, 17);

  /** A network: its group, the graded projection onto itself, their backward steps. */
  record Net(String name, Function<Integrator, NeuronGroup> group,
      Function<NeuronGroup, Projection> projection, Function<NeuronGroup, BackwardStep> groupStep,
      Function<Projection, GradedBackwardStep> step, String state, List<String> reads) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Net> nets() {
    return List.of(
        new Net("LeakyTanh+RateProjection", m -> new LeakyTanhGroup("g", N).tau(1.5).method(m),
            g -> weighted(new RateProjectionProjection("syn", g, g, CONNECT), 1.2),
            g -> new LeakyTanhBackward((LeakyTanhGroup) g),
            p -> new RateProjectionBackward((RateProjectionProjection) p), "r", List.of("r")),
        new Net("ForceUnit+TanhProjection", m -> new ForceUnitGroup("g", N).method(m),
            g -> weighted(new TanhProjectionProjection("syn", g, g, CONNECT), 1.5),
            g -> new ForceUnitBackward((ForceUnitGroup) g),
            p -> new TanhProjectionBackward((TanhProjectionProjection) p), "x", List.of("x")),
        new Net("Lif+GapJunction", m -> {
          LifGroup g = new LifGroup("g", N).method(m);
          g.params().set(g.params().indexOf("V_th"), 1e6);
          return g;
        }, g -> weighted(new GapJunctionProjection("syn", g, g, CONNECT), 0.3),
            g -> new LifBackward((LifGroup) g),
            p -> new GapJunctionBackward((GapJunctionProjection) p), "V", List.of("V", "V")));
  }

  private static Projection weighted(Projection p, double scale) {
    double[] w = p.doubles("w");
    for (int k = 0; k < w.length; k++) {
      w[k] = scale * (((k * 7) % 11) / 11.0 - 0.4);
    }
    return p;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Net n : nets()) {
      for (Integrator m : List.of(Integrator.EXP_AUTO, Integrator.EULER, Integrator.RK4)) {
        out.add(Arguments.of(n, m));
      }
    }
    return out.stream();
  }

  private static double drive(int t, int j) {
    return 0.8 * Math.sin(0.3 * t + j) + 0.2 * j;
  }

  private static double lossWeight(int j) {
    return 0.5 - 0.17 * j;
  }

  /** One run: the state and input tapes and the loss. */
  private static final class Run {
    final NeuronGroup group;
    final Projection projection;
    final List<String> states;
    final double[][][] tape = new double[T][][];
    final double[][] inputs = new double[T][];
    double loss;

    Run(Net net, Integrator method, Consumer<Run> perturb) {
      group = net.group().apply(method);
      projection = net.projection().apply(group);
      states = net.groupStep().apply(group).states();
      perturb.accept(this);
      double[] x = group.doubles(net.state());
      double[] input = group.doubles("input");
      for (int t = 0; t < T; t++) {
        tape[t] = new double[states.size()][];
        for (int s = 0; s < states.size(); s++) {
          tape[t][s] = group.doubles(states.get(s)).clone();
        }
        Arrays.fill(input, 0);
        for (int j = 0; j < N; j++) {
          input[j] += drive(t, j);
        }
        projection.update(t * DT, DT, true);
        inputs[t] = input.clone();
        group.update(t * DT, DT, true);
        for (int j = 0; j < N; j++) {
          loss += lossWeight(j) * x[j];
        }
      }
    }
  }

  record Gradients(double[] weights, double[] initial, double tau) {}

  private static Gradients backward(Net net, Run run, int threads) {
    BackwardStep groupStep = net.groupStep().apply(run.group);
    GradedBackwardStep step = net.step().apply(run.projection);
    AdjointFrame frame = new AdjointFrame(groupStep);
    frame.dt = DT;
    AdjointFrame graded = new AdjointFrame(step);
    int x = groupStep.states().indexOf(net.state());
    int input = groupStep.inputs().indexOf("input");
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      for (int t = T - 1; t >= 0; t--) {
        for (int j = 0; j < N; j++) {
          frame.adjState[x][j] += lossWeight(j);
        }
        for (int s = 0; s < run.states.size(); s++) {
          frame.state[groupStep.states().indexOf(run.states.get(s))] = run.tape[t][s];
        }
        frame.input[input] = run.inputs[t];
        frame.t = t * DT;
        GradChecks.ranges(pool, threads, N, (from, to) -> groupStep.backward(frame, from, to));
        graded.adjOutput = frame.adjInput[input];
        for (int k = 0; k < net.reads().size(); k++) {
          graded.input[k] = run.tape[t][run.states.indexOf(net.reads().get(k))];
        }
        GradChecks.ranges(pool, threads, N, (from, to) -> step.backward(graded, from, to));
        GradChecks.ranges(pool, threads, N, (from, to) -> step.backwardPre(graded, from, to));
        for (int k = 0; k < net.reads().size(); k++) {
          double[] into = frame.adjState[groupStep.states().indexOf(net.reads().get(k))];
          for (int j = 0; j < N; j++) {
            into[j] += graded.adjInput[k][j];
          }
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    int tau = groupStep.params().indexOf("tau");
    return new Gradients(graded.gradSynapse[0].clone(), frame.adjState[x].clone(),
        frame.parameterGradient(tau));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void backwardEqualsFiniteDifferences(Net net, Integrator method) {
    Run run = new Run(net, method, r -> {});
    Gradients g = backward(net, run, 1);
    List<String> failures = new ArrayList<>();
    String tag = net + " " + method + " ";
    assertThat(g.weights().length).isGreaterThan(N); // a real recurrence
    for (int k = 0; k < g.weights().length; k++) {
      int kk = k;
      double at = run.projection.doubles("w")[k];
      TALLY.check(failures, tag + "w[" + k + "]", g.weights()[k], GradChecks.fivePoint(at,
          h -> new Run(net, method, r -> r.projection.doubles("w")[kk] += h).loss));
    }
    TALLY.check(failures, tag + net.state() + "(0)[1]", g.initial()[1], GradChecks.fivePoint(0,
        h -> new Run(net, method, r -> r.group.doubles(net.state())[1] += h).loss));
    int tau = run.group.params().indexOf("tau");
    double at = run.group.params().value(tau, 0);
    TALLY.check(failures, tag + "tau", g.tau(), GradChecks.fivePoint(at,
        h -> new Run(net, method, r -> r.group.params().set(tau, at + h)).loss));
    assertWithMessage("%s", failures).that(failures).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nets")
  void threadsGiveTheSameBits(Net net) {
    Run run = new Run(net, Integrator.RK4, r -> {});
    Gradients one = backward(net, run, 1);
    Gradients three = backward(net, run, 3);
    assertThat(three.weights()).isEqualTo(one.weights());
    assertThat(three.initial()).isEqualTo(one.initial());
    assertThat(Double.doubleToRawLongBits(three.tau()))
        .isEqualTo(Double.doubleToRawLongBits(one.tau()));
  }

  @AfterAll
  static void report() {
    System.out.println("GradedGradientCheckTest worst relative error " + TALLY.summary());
  }
}
