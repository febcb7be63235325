package io.brainstem.grad;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.models.AdExBackward;
import io.brainstem.models.AdExGroup;
import io.brainstem.models.ExpIfBackward;
import io.brainstem.models.ExpIfGroup;
import io.brainstem.models.FitzHughNagumoBackward;
import io.brainstem.models.FitzHughNagumoGroup;
import io.brainstem.models.HodgkinHuxleyBackward;
import io.brainstem.models.HodgkinHuxleyGroup;
import io.brainstem.models.IzhikevichBackward;
import io.brainstem.models.IzhikevichGroup;
import io.brainstem.models.LeakyTanhBackward;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.QifBackward;
import io.brainstem.models.QifGroup;
import io.brainstem.models.TraubHHBackward;
import io.brainstem.models.TraubHHGroup;
import io.brainstem.models.WilsonCowanBackward;
import io.brainstem.models.WilsonCowanGroup;
import io.brainstem.network.NeuronGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated backward steps against central finite differences of the generated forward steps,
 * in double, for every library neuron model with a backward step and every integrator it has, on
 * trajectories that do not spike: the gradients of a loss summed over the whole trajectory with
 * respect to the initial states, every parameter and one input at one step agree to a relative
 * 1e-6 (the worst is printed).
 */
class GradientCheckTest {
  private static final int N = 3;
  private static final int STEPS = 60;
  private static final double TOLERANCE = 1e-6;
  private static double worst;
  private static String worstCase = "";

  /** A model: its group, its backward step, input levels, parameter overrides, the step size. */
  record Model(String name, Supplier<NeuronGroup> group, Function<NeuronGroup, BackwardStep> backward,
      double[] inputs, Map<String, Double> params, double dt) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Model> models() {
    return List.of(
        new Model("Lif", () -> new LifGroup("g", N), g -> new LifBackward((LifGroup) g),
            new double[] {12}, Map.of("V_th", 1e6, "tau_ref", 2.0), 0.1),
        new Model("LeakyTanh", () -> new LeakyTanhGroup("g", N),
            g -> new LeakyTanhBackward((LeakyTanhGroup) g), new double[] {0.7},
            Map.of("tau", 5.0, "bias", 0.1), 0.1),
        new Model("AdEx", () -> new AdExGroup("g", N), g -> new AdExBackward((AdExGroup) g),
            new double[] {3}, Map.of(), 0.05),
        new Model("ExpIf", () -> new ExpIfGroup("g", N), g -> new ExpIfBackward((ExpIfGroup) g),
            new double[] {3}, Map.of(), 0.05),
        new Model("Qif", () -> new QifGroup("g", N), g -> new QifBackward((QifGroup) g),
            new double[] {2}, Map.of(), 0.05),
        new Model("Izhikevich", () -> new IzhikevichGroup("g", N),
            g -> new IzhikevichBackward((IzhikevichGroup) g), new double[] {2}, Map.of(), 0.05),
        new Model("FitzHughNagumo", () -> new FitzHughNagumoGroup("g", N),
            g -> new FitzHughNagumoBackward((FitzHughNagumoGroup) g), new double[] {0.2},
            Map.of(), 0.05),
        new Model("HodgkinHuxley", () -> new HodgkinHuxleyGroup("g", N),
            g -> new HodgkinHuxleyBackward((HodgkinHuxleyGroup) g), new double[] {1.5}, Map.of(),
            0.01),
        new Model("TraubHH", () -> new TraubHHGroup("g", N),
            g -> new TraubHHBackward((TraubHHGroup) g), new double[] {20}, Map.of(), 0.01),
        new Model("WilsonCowan", () -> new WilsonCowanGroup("g", N),
            g -> new WilsonCowanBackward((WilsonCowanGroup) g), new double[] {0.5, 0.2},
            Map.of(), 0.01));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Model m : models()) {
      for (Integrator integrator : Integrator.values()) {
        NeuronGroup g = m.group().get();
        if (setMethod(g, integrator)) {
          out.add(Arguments.of(m, integrator));
        }
      }
    }
    return out.stream();
  }

  /** Sets {@code integrator}; false when the model has no such step (EXP_EULER, nonlinear). */
  static boolean setMethod(NeuronGroup g, Integrator integrator) {
    try {
      g.getClass().getMethod("method", Integrator.class).invoke(g, integrator);
      return true;
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        return false;
      }
      throw new AssertionError(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** One simulation: the group at given perturbations, and the loss. */
  static final class Run {
    final Model model;
    final Integrator integrator;
    final NeuronGroup group;
    final List<String> states;
    final List<String> inputs;
    final double[][] weights;
    /** states at the start of each step [step][state][element], inputs [step][input][element]. */
    final double[][][] stateTape = new double[STEPS][][];
    final double[][][] inputTape = new double[STEPS][][];
    final boolean[][] heldTape = new boolean[STEPS][];
    /** The states after each step of the unperturbed run, subtracted in the loss so that finite
     * differences lose no digits to the states' magnitude: [step][state][element]. */
    double[][][] baseline;

    Run(Model model, Integrator integrator) {
      this.model = model;
      this.integrator = integrator;
      this.group = model.group().get();
      setMethod(group, integrator);
      model.params().forEach((p, v) -> group.params().set(group.params().indexOf(p), v));
      BackwardStep names = model.backward().apply(group);
      this.states = names.states();
      this.inputs = names.inputs();
      this.weights = new double[states.size()][N];
      java.util.Random random = new java.util.Random(7);
      for (int s = 0; s < states.size(); s++) {
        double[] x = group.doubles(states.get(s));
        for (int i = 0; i < N; i++) {
          weights[s][i] = random.nextDouble() * 2 - 1;
          // Elements start apart: each state moved by a few percent of its scale.
          x[i] += (0.02 * i) * (Math.abs(x[i]) + 0.1);
        }
      }
    }

    double input(int k, int input, int element) {
      return model.inputs()[input] * (1 + 0.1 * element) * (1 + 0.3 * Math.sin(k / 7.0));
    }

    /** Runs forward; {@code inputShift} is added to input 0 of element 1 at step 5. */
    final double[][][] trajectory = new double[STEPS][][];

    double loss(double inputShift) {
      double loss = 0;
      double dt = model.dt();
      for (int k = 0; k < STEPS; k++) {
        double[][] st = new double[states.size()][];
        trajectory[k] = new double[states.size()][];
        for (int s = 0; s < states.size(); s++) {
          st[s] = group.doubles(states.get(s)).clone();
        }
        stateTape[k] = st;
        double[][] in = new double[inputs.size()][N];
        for (int q = 0; q < inputs.size(); q++) {
          double[] target = group.doubles(inputs.get(q));
          for (int i = 0; i < N; i++) {
            in[q][i] = input(k, q, i) + (q == 0 && i == 1 && k == 5 ? inputShift : 0);
            target[i] = in[q][i];
          }
        }
        inputTape[k] = in;
        heldTape[k] = held(k * dt, dt);
        group.update(k * dt, dt, true);
        for (int s = 0; s < states.size(); s++) {
          double[] x = group.doubles(states.get(s));
          for (int i = 0; i < N; i++) {
            loss += weights[s][i] * (x[i] - (baseline == null ? 0 : baseline[k][s][i]));
          }
          if (baseline == null) {
            trajectory[k][s] = x.clone();
          }
        }
      }
      return loss;
    }

    /** Whether each element is refractory in the step starting at {@code t}. */
    private boolean[] held(double t, double dt) {
      try {
        double[] last = (double[]) group.getClass().getField("t_last_spike").get(group);
        int p = group.params().indexOf(refractoryParam());
        boolean[] out = new boolean[N];
        for (int i = 0; i < N; i++) {
          double period = group.params().value(p, i);
          out[i] = t - last[i] < io.brainstem.annotations.RefractoryRule.BRAINPY.holdTime(period, dt);
        }
        return out;
      } catch (NoSuchFieldException none) {
        return null;
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    private String refractoryParam() {
      return "tau_ref";
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void backwardEqualsFiniteDifferences(Model model, Integrator integrator) {
    Run run = new Run(model, integrator);
    double[][] initial = new double[run.states.size()][];
    for (int s = 0; s < run.states.size(); s++) {
      initial[s] = run.group.doubles(run.states.get(s)).clone();
    }
    run.loss(0);
    double[][][] baseline = run.trajectory;
    BackwardStep backward = model.backward().apply(run.group);
    AdjointFrame frame = new AdjointFrame(backward);
    frame.detachReset = true;
    frame.dt = model.dt();
    double inputGradient = 0;
    for (int k = STEPS - 1; k >= 0; k--) {
      for (int s = 0; s < run.states.size(); s++) {
        for (int i = 0; i < N; i++) {
          frame.adjState[s][i] += run.weights[s][i];
          frame.state[s][i] = run.stateTape[k][s][i];
        }
      }
      for (int q = 0; q < run.inputs.size(); q++) {
        System.arraycopy(run.inputTape[k][q], 0, frame.input[q], 0, N);
      }
      frame.refractory = run.heldTape[k];
      frame.t = k * model.dt();
      backward.backward(frame, 0, N);
      if (k == 5) {
        inputGradient = frame.adjInput[0][1];
      }
    }
    List<String> failures = new ArrayList<>();
    // Initial states, element 0.
    for (int s = 0; s < run.states.size(); s++) {
      final int state = s;
      double fd = centralDifference(model, integrator, initial[s][0], h -> {
        Run r = new Run(model, integrator);
        r.baseline = baseline;
        r.group.doubles(r.states.get(state))[0] = initial[state][0] + h;
        return r.loss(0);
      });
      check(failures, model + " " + integrator + " d/d" + run.states.get(s) + "(0)",
          frame.adjState[s][0], fd);
    }
    // Every parameter, group-wide: the sum over elements.
    for (int p = 0; p < backward.params().size(); p++) {
      final int param = p;
      double value = run.group.params().value(p, 0);
      if (backward.params().get(p).equals("tau_ref")) {
        // A refractory period must stay >= 0, and without spikes it changes nothing.
        check(failures, model + " " + integrator + " d/dtau_ref", frame.parameterGradient(p), 0);
        continue;
      }
      double fd = centralDifference(model, integrator, value, h -> {
        Run r = new Run(model, integrator);
        r.baseline = baseline;
        r.group.params().set(param, value + h);
        return r.loss(0);
      });
      check(failures, model + " " + integrator + " d/d" + backward.params().get(p),
          frame.parameterGradient(p), fd);
    }
    double fd = centralDifference(model, integrator, run.input(5, 0, 1),
        h -> {
          Run r = new Run(model, integrator);
          r.baseline = baseline;
          return r.loss(h);
        });
    check(failures, model + " " + integrator + " d/d" + run.inputs.get(0) + "[5]", inputGradient,
        fd);
    assertWithMessage("gradients off by more than %s", TOLERANCE).that(failures).isEmpty();
  }

  /**
   * Per-element parameters take the loop that reads them per element, group-wide ones the loop
   * that computes what reads only them once: both give the same bits.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void perElementParametersGiveTheGroupWideBits(Model model, Integrator integrator) {
    Run run = new Run(model, integrator);
    run.loss(0);
    BackwardStep backward = model.backward().apply(run.group);
    double[][][] results = new double[2][][];
    for (int variant = 0; variant < 2; variant++) {
      if (variant == 1) {
        double value = run.group.params().value(0, 0);
        run.group.params().set(0, new double[] {value, value, value});
        assertWithMessage("heterogeneous").that(run.group.params().heterogeneous()).isTrue();
      }
      AdjointFrame frame = new AdjointFrame(backward);
      frame.dt = model.dt();
      for (int k = STEPS - 1; k >= 0; k--) {
        for (int s = 0; s < run.states.size(); s++) {
          for (int i = 0; i < N; i++) {
            frame.adjState[s][i] += run.weights[s][i];
            frame.state[s][i] = run.stateTape[k][s][i];
          }
        }
        for (int q = 0; q < run.inputs.size(); q++) {
          System.arraycopy(run.inputTape[k][q], 0, frame.input[q], 0, N);
        }
        frame.t = k * model.dt();
        backward.backward(frame, 0, N);
      }
      List<double[]> all = new ArrayList<>(List.of(frame.adjState));
      all.addAll(List.of(frame.gradParam));
      results[variant] = all.toArray(double[][]::new);
    }
    assertWithMessage("%s %s", model, integrator).that(results[1]).isEqualTo(results[0]);
  }

  private static double centralDifference(Model model, Integrator integrator, double at,
      java.util.function.DoubleUnaryOperator loss) {
    // The five-point stencil (error O(h⁴)), so h can be large enough for roundoff not to matter.
    double h = 1e-4 * Math.max(1, Math.abs(at));
    return (8 * (loss.applyAsDouble(h) - loss.applyAsDouble(-h))
        - (loss.applyAsDouble(2 * h) - loss.applyAsDouble(-2 * h))) / (12 * h);
  }

  private static void check(List<String> failures, String what, double analytic, double fd) {
    double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(fd)), 1e-6);
    double rel = Math.abs(analytic - fd) / scale;
    synchronized (GradientCheckTest.class) {
      if (rel > worst) {
        worst = rel;
        worstCase = what + ": " + analytic + " vs " + fd;
      }
    }
    if (rel > TOLERANCE) {
      failures.add(what + ": backward " + analytic + ", finite differences " + fd + " (rel " + rel
          + ")");
    }
  }

  @AfterAll
  static void report() {
    System.out.println("GradientCheckTest worst relative error " + worst + " (" + worstCase + ")");
  }
}
