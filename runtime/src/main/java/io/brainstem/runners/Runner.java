package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.RecordFile;
import io.brainstem.monitors.Recorder;
import io.brainstem.monitors.Streams;
import io.brainstem.network.Network;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a network in steps of {@code dt}. Step {@code k} (counted from the runner's creation or last
 * {@link #reset}, across runs) at {@code t = t0 + k·dt}:
 *
 * <ol>
 *   <li>inputs are applied, in the order given;
 *   <li>{@link Network#step}: projections, then groups;
 *   <li>monitors record ({@code ts[k] = t}, values after the step);
 *   <li>every group's input accumulators are cleared.
 * </ol>
 *
 * A second {@link #run} continues in time from where the first ended; {@link #mon()} holds the
 * records of the latest run ({@link MonitorMode#REPLACE}, the default, as BrainPy) or of every run
 * since build or reset ({@link MonitorMode#APPEND}). {@link #lastRun()} times each run, set-up apart
 * from the loop.
 */
public abstract class Runner {
  /** How close {@code duration/dt} must be to an integer, relatively, to count as that integer. */
  public static final double STEP_TOLERANCE = 1e-9;

  private static final System.Logger LOG = System.getLogger(Runner.class.getName());

  final Network network;
  final double dt;
  final double t0;
  final boolean jit;
  final Input.Bound[] inputs;
  final List<Recorder> recorders;
  final Boolean progress; // null: the runner's default (see RunnerBuilder.progressBar)
  private final PrintStream progressOut; // null: the runner's default stream
  final Streams streams; // null: nothing streams
  final RecordFile tsFile; // streams' ts file, written by the loop; null without streams
  final NanGuard nanGuard; // null without RunnerBuilder.nanGuard
  private final MonitorMode monitorMode;
  private final double buildSeconds;
  private InitialState initial;
  private long nextStep;
  private double[] ts = new double[0];
  private MonitorResults mon;
  private RunStats lastRun;

  Runner(RunConfig config) {
    this.network = config.network();
    this.dt = config.dt();
    this.t0 = config.t0();
    this.jit = config.jit();
    this.inputs = config.inputs();
    this.recorders = config.recorders();
    this.monitorMode = config.monitorMode();
    this.progress = config.progress();
    this.progressOut = config.progressOut();
    this.streams = config.streams();
    this.tsFile = streams == null ? null : streams.ts();
    this.nanGuard = config.nanGuard();
    this.initial = new InitialState(network);
    this.buildSeconds = (System.nanoTime() - config.buildStartNanos()) * 1e-9;
  }

  /**
   * Runs for {@code duration} ms. The number of steps is {@code round(duration/dt)} when
   * {@code duration/dt} is within {@value #STEP_TOLERANCE} (relative) of an integer — so 100 ms at
   * dt 0.1 is 1000 steps despite rounding error — and {@code floor(duration/dt)} otherwise, with a
   * warning logged (the {@code System.Logger} of this class): 1.05 ms at dt 0.1 runs 10 steps, 1.0
   * ms, and {@link RunStats#simulatedMs()} says so.
   *
   * @return the wall-clock time of the step loop in seconds (set-up is in {@link #lastRun()})
   * @throws IllegalArgumentException if {@code duration} is not positive and finite, is shorter than
   *     one step, an {@code iter} input does not cover the steps of this run, or the in-memory
   *     records of this run would exceed the heap (nothing has run then)
   * @throws NonFiniteStateException with {@link RunnerBuilder#nanGuard}, when a state became NaN
   *     or infinite
   */
  public final double run(double duration) {
    long setupStart = System.nanoTime();
    int steps = stepCount(duration, dt);
    if (steps * dt < duration * (1 - STEP_TOLERANCE)) {
      LOG.log(System.Logger.Level.WARNING,
          "duration {0} ms is not a multiple of dt = {1} ms; running {2} steps ({3} ms)",
          duration, dt, steps, steps * dt);
    }
    long first = nextStep;
    for (Input.Bound b : inputs) {
      b.checkSteps(first, steps);
    }
    if (streams != null && streams.files().closed()) {
      throw new IllegalStateException("this runner was closed and its monitor files in "
          + streams.files().directory() + " are final; build a new runner to run again");
    }
    boolean append = monitorMode == MonitorMode.APPEND;
    RecordBudget.check(recorders, first, steps, t0, dt, append, ts.length, duration);
    double[] runTs = null;
    if (streams == null) {
      runTs = new double[steps];
      for (int k = 0; k < steps; k++) {
        runTs[k] = t0 + (first + k) * dt;
      }
    }
    long tsFrom = streams == null || append ? 0 : tsFile.rows();
    for (Recorder r : recorders) {
      r.start(first, steps, t0, dt, append);
    }
    long loopStart = System.nanoTime();
    loopAndFlush(first, steps);
    long loopEnd = System.nanoTime();
    nextStep = first + steps;
    if (streams == null) {
      ts = append ? concat(ts, runTs) : runTs;
      mon = new MonitorResults(ts, dt, recorders);
    } else {
      mon = new MonitorResults(tsFile, tsFrom, dt, recorders);
    }
    double loopSeconds = (loopEnd - loopStart) * 1e-9;
    lastRun = new RunStats(first, steps, duration, steps * dt, (loopStart - setupStart) * 1e-9,
        loopSeconds, buildSeconds);
    return loopSeconds;
  }

  /**
   * Runs the loop, then writes out every streamed file, also when the loop throws: the files then
   * hold every step recorded before the exception (a failure to write is added to it as suppressed).
   */
  private void loopAndFlush(long first, int steps) {
    try {
      loop(first, steps);
      if (nanGuard != null) {
        long last = first + steps - 1;
        nanGuard.runEnded(last, t0 + last * dt);
      }
    } catch (RuntimeException | Error e) {
      if (streams != null) {
        try {
          streams.files().flush();
        } catch (RuntimeException f) {
          e.addSuppressed(f);
        }
      }
      throw e;
    }
    if (streams != null) {
      streams.files().flush();
    }
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** Runs steps {@code first .. first + steps - 1}; monitors record absolute steps. */
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

  /**
   * Restores the initial state and the clock. Precisely:
   *
   * <ul>
   *   <li>every variable of every group and projection (states, input accumulators, spikes, e.g.
   *       {@code V}, {@code t_last_spike}, {@code g}) gets back the values it had when the runner
   *       was built (or at the last {@link #captureInitialState()});
   *   <li>the step counter returns to 0, so the next run starts at {@code t0};
   *   <li>stateful inputs (Ornstein–Uhlenbeck noise) return to their start, seed included;
   *   <li>monitor records are dropped ({@link #mon()} throws until the next run); results already
   *       handed out stay valid, except that streamed records not read before the reset can no
   *       longer be read (their files are emptied for the next recording; reading them throws).
   * </ul>
   *
   * Not restored: parameters (they are configuration, not state), connectivity, and any field a
   * hand-written group keeps outside its registered variables. Generated groups and projections
   * keep all their state in variables, and the spike sources in {@code io.brainstem.sources} have
   * no other state, so for them a reset followed by the same runs gives bit-identical results.
   */
  public final void reset() {
    if (streams != null && streams.files().closed()) {
      throw new IllegalStateException("this runner was closed and its monitor files in "
          + streams.files().directory() + " are final; build a new runner to run again");
    }
    initial.restore();
    nextStep = 0;
    if (nanGuard != null) {
      nanGuard.reset();
    }
    if (streams != null) {
      streams.files().clear(); // before the recorders, which note where their files start
    }
    for (Input.Bound b : inputs) {
      b.reset();
    }
    for (Recorder r : recorders) {
      r.clear();
    }
    ts = new double[0];
    mon = null;
    lastRun = null;
  }

  /** Writes out and closes the streamed monitor files (their headers then hold the final shapes). */
  final void closeStreams() {
    if (streams != null) {
      streams.files().close();
    }
  }

  /** The directory streamed monitors write to, or null when none streams. */
  public final Path streamDirectory() {
    return streams == null ? null : streams.files().directory();
  }

  /**
   * Makes the network's current variables the state {@link #reset()} restores, e.g. after setting
   * random initial potentials once the runner is built.
   */
  public final void captureInitialState() {
    initial = new InitialState(network);
  }

  /** The records of the latest run (or of all runs since build or reset, in {@link MonitorMode#APPEND}). */
  public final MonitorResults mon() {
    if (mon == null) {
      throw new IllegalStateException("nothing recorded yet: call run(duration) first");
    }
    return mon;
  }

  /** Timing of the latest run, or null before the first run (and after {@link #reset()}). */
  public final RunStats lastRun() {
    return lastRun;
  }

  /** Wall-clock seconds the runner took to build (validation, binding, the initial-state copy). */
  public final double buildSeconds() {
    return buildSeconds;
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

  /** How monitors behave across runs. */
  public final MonitorMode monitorMode() {
    return monitorMode;
  }

  /**
   * Whether runs report progress ({@link RunnerBuilder#progressBar}): as set, or by default, for a
   * {@link DSRunner}, whether its progress goes to an interactive terminal (where the bar appears for
   * runs expected to last more than about a second), and for a {@link ReportRunner}, true.
   */
  public final boolean progressBar() {
    return progress != null ? progress : reportsByDefault();
  }

  /** Whether the runner reports progress when {@link RunnerBuilder#progressBar} was not set. */
  abstract boolean reportsByDefault();

  /** Where progress goes: the stream given to {@link RunnerBuilder#progressTo}, or {@code fallback}. */
  final PrintStream progressOut(PrintStream fallback) {
    return progressOut != null ? progressOut : fallback;
  }

  /** The network this runner steps. */
  public final Network network() {
    return network;
  }
}
