package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.inputs.TimeFunction;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.Recorder;
import io.brainstem.network.Network;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration both runners share, BrainPy's {@code DSRunner(net, monitors=..., inputs=...,
 * dt=..., jit=...)}. Everything is checked in {@code build()}, which throws
 * {@link IllegalArgumentException} saying what was expected.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RunnerBuilder<B extends RunnerBuilder<B>> {
  /** BrainPy's default step, in ms. */
  public static final double DEFAULT_DT = 0.1;

  private final Network network;
  private final List<Input> inputs = new ArrayList<>();
  private final List<Monitor> monitors = new ArrayList<>();
  private double dt = DEFAULT_DT;
  private double t0 = 0;
  private boolean jit = true;
  private MonitorMode monitorMode = MonitorMode.REPLACE;
  private boolean progressBar = interactiveTerminal();

  RunnerBuilder(Network network) {
    if (network == null) {
      throw new IllegalArgumentException("a runner needs a network to run, got null");
    }
    this.network = network;
  }

  abstract B self();

  /** Adds inputs applied at the start of every step. */
  public B inputs(Input... inputs) {
    for (Input in : inputs) {
      this.inputs.add(Objects.requireNonNull(in, "input"));
    }
    return self();
  }

  /** Adds {@code value} to every element of {@code path} each step: {@code input("E.input", 20.)}. */
  public B input(String path, double value) {
    return inputs(Input.constant(path, value));
  }

  /** Adds {@code values[i]} to element {@code i} of {@code path} each step. */
  public B input(String path, double[] values) {
    return inputs(Input.constant(path, values));
  }

  /** Applies {@code f(t, step)} to every element of {@code path} each step (BrainPy's {@code 'func'}). */
  public B input(String path, TimeFunction f) {
    return inputs(Input.func(path, f));
  }

  /** Records every element of each path each step: {@code monitors("E.spike", "I.V")}. */
  public B monitors(String... paths) {
    for (String path : paths) {
      monitors.add(Monitor.of(path));
    }
    return self();
  }

  /** Adds monitors, e.g. {@code Monitor.of("E.V", 0, 1, 2)}. */
  public B monitors(Monitor... monitors) {
    for (Monitor m : monitors) {
      this.monitors.add(Objects.requireNonNull(m, "monitor"));
    }
    return self();
  }

  /** Records the given elements of {@code path}. */
  public B monitor(String path, int... indices) {
    return monitors(Monitor.of(path, indices));
  }

  /** The step in ms (default {@value #DEFAULT_DT}); must be positive and finite. */
  public B dt(double dt) {
    this.dt = dt;
    return self();
  }

  /** The time of step 0 in ms (default 0). */
  public B t0(double t0) {
    this.t0 = t0;
    return self();
  }

  /** Whether groups run their fused kernels ({@code true}, default) or the model's own methods. */
  public B jit(boolean jit) {
    this.jit = jit;
    return self();
  }

  /**
   * Whether a second run replaces the records of the first ({@link MonitorMode#REPLACE}, default)
   * or appends to them ({@link MonitorMode#APPEND}).
   */
  public B monitorMode(MonitorMode mode) {
    this.monitorMode = Objects.requireNonNull(mode, "mode");
    return self();
  }

  /**
   * Whether {@link DSRunner} shows a progress bar (on standard error) for runs expected to last more
   * than about a second. Default: on when {@link #interactiveTerminal()} (an interactive
   * terminal), off otherwise (pipes, CI, IDE test runs). {@link ReportRunner} prints its own
   * progress lines instead.
   */
  public B progressBar(boolean show) {
    this.progressBar = show;
    return self();
  }

  /**
   * Whether standard input and output are an interactive terminal: {@code System.console()} exists
   * and, on JDK 22 and later (where a console may exist without a terminal), reports
   * {@code isTerminal()}.
   */
  public static boolean interactiveTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK < 22: a console means a terminal
    }
  }

  /** Validates everything and binds inputs and monitors to the network. */
  RunConfig config() {
    long buildStart = System.nanoTime();
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw new IllegalArgumentException("dt must be positive and finite (in ms, e.g. 0.1), got " + dt);
    }
    if (!Double.isFinite(t0)) {
      throw new IllegalArgumentException("t0 must be finite, got " + t0);
    }
    network.validate();
    Input.Bound[] bound = new Input.Bound[inputs.size()];
    for (int i = 0; i < bound.length; i++) {
      bound[i] = inputs.get(i).bind(network, dt);
    }
    Set<String> names = new HashSet<>();
    List<Recorder> recorders = new ArrayList<>();
    for (Monitor m : monitors) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException(
            "monitor '" + m.name() + "' is given twice; give each monitor once (use "
                + "Monitor.of(path, indices).named(...) to record two subsets of one variable)");
      }
      recorders.add(m.bind(network));
    }
    return new RunConfig(
        network, dt, t0, jit, bound, List.copyOf(recorders), monitorMode, progressBar, buildStart);
  }
}
