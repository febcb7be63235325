package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.Recorder;
import io.brainstem.network.Network;
import java.util.List;

/**
 * Runs a network in steps of {@code dt}. Step {@code k} (counted from the runner's creation, across
 * runs) at {@code t = t0 + k·dt}:
 *
 * <ol>
 *   <li>inputs are applied;
 *   <li>{@link Network#step}: projections, then groups;
 *   <li>monitors record ({@code ts[k] = t}, values after the step);
 *   <li>every group's input accumulators are cleared.
 * </ol>
 *
 * A second {@link #run} continues in time from where the first ended; {@link #mon()} holds the
 * records of the latest run only (BrainPy semantics).
 */
public abstract class Runner {
  /** How close {@code duration/dt} must be to an integer, relatively, to count as that integer. */
  public static final double STEP_TOLERANCE = 1e-9;

  final Network network;
  final double dt;
  final double t0;
  final boolean jit;
  final Input.Bound[] inputs;
  final List<Recorder> recorders;
  private long nextStep;
  private MonitorResults mon;

  Runner(RunConfig config) {
    this.network = config.network();
    this.dt = config.dt();
    this.t0 = config.t0();
    this.jit = config.jit();
    this.inputs = config.inputs();
    this.recorders = config.recorders();
  }

  /**
   * Runs for {@code duration} ms. The number of steps is {@code round(duration/dt)} when
   * {@code duration/dt} is within {@value #STEP_TOLERANCE} (relative) of an integer — so 100 ms at
   * dt 0.1 is 1000 steps despite rounding error — and {@code floor(duration/dt)} otherwise.
   *
   * @return the elapsed wall-clock time in seconds
   * @throws IllegalArgumentException if {@code duration} is not positive and finite or is shorter
   *     than one step
   */
  public final double run(double duration) {
    int steps = stepCount(duration, dt);
    double[] ts = new double[steps];
    for (int k = 0; k < steps; k++) {
      ts[k] = t0 + (nextStep + k) * dt;
    }
    for (Recorder r : recorders) {
      r.start(steps);
    }
    long first = nextStep;
    long start = System.nanoTime();
    loop(first, steps);
    double elapsed = (System.nanoTime() - start) * 1e-9;
    nextStep = first + steps;
    mon = new MonitorResults(ts, recorders);
    return elapsed;
  }

  /** Runs steps {@code first .. first + steps - 1}, recording step {@code first + k} into row {@code k}. */
  abstract void loop(long first, int steps);

  /** The number of steps {@link #run} takes for {@code duration} at {@code dt}. */
  public static int stepCount(double duration, double dt) {
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("duration must be positive and finite (in ms), got " + duration);
    }
    double q = duration / dt;
    double nearest = Math.rint(q);
    double steps = Math.abs(q - nearest) <= STEP_TOLERANCE * q ? nearest : Math.floor(q);
    if (steps < 1) {
      throw new IllegalArgumentException(
          "duration " + duration + " ms is shorter than one step (dt = " + dt + " ms)");
    }
    if (steps > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "duration " + duration + " ms is " + (long) steps + " steps; split it into shorter runs");
    }
    return (int) steps;
  }

  /** The records of the latest run. */
  public final MonitorResults mon() {
    if (mon == null) {
      throw new IllegalStateException("nothing recorded yet: call run(duration) first");
    }
    return mon;
  }

  /** The time the next step starts at, {@code t0 + step()·dt}. */
  public final double t() {
    return t0 + nextStep * dt;
  }

  /** The number of steps run so far (the absolute index of the next step). */
  public final long step() {
    return nextStep;
  }

  /** The step in ms. */
  public final double dt() {
    return dt;
  }

  /** The time of step 0 in ms. */
  public final double t0() {
    return t0;
  }

  /** Whether groups run their fused kernels. */
  public final boolean jit() {
    return jit;
  }

  /** The network this runner steps. */
  public final Network network() {
    return network;
  }
}
