package io.brainstem.runners;

import io.brainstem.checkpoint.Checkpoint;
import io.brainstem.checkpoint.CheckpointStore;
import io.brainstem.checkpoint.StateIn;
import io.brainstem.checkpoint.StateOut;
import io.brainstem.inputs.Input;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.RecordFile;
import io.brainstem.monitors.Recorder;
import io.brainstem.monitors.Streams;
import io.brainstem.network.Network;
import io.brainstem.network.NetworkStepper;
import io.brainstem.network.StepPhase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a network in steps of {@code dt}. Step {@code k} (counted from the runner's creation or last
 * {@link #reset}, across runs) at {@code t = t0 + k·dt} runs the phases of {@link StepPhase} in
 * their order:
 *
 * <ol>
 *   <li>{@link StepPhase#INPUTS}: inputs are applied, in the order given;
 *   <li>{@link StepPhase#PROJECTIONS}, {@link StepPhase#GROUPS}, {@link StepPhase#SPIKES}: the
 *       network steps, on one thread or {@link RunnerBuilder#threads threads(n)};
 *   <li>{@link StepPhase#RECORD}: monitors record ({@code ts[k] = t}, values after the step);
 *   <li>{@link StepPhase#CLEAR}: every group's input accumulators are cleared.
 * </ol>
 *
 * Every runner runs this one loop. A second {@link #run} continues in time from where the first
 * ended; {@link #mon()} holds the records of the latest run ({@link MonitorMode#REPLACE}, the
 * default, as BrainPy) or of every run since build or reset ({@link MonitorMode#APPEND}).
 * {@link #lastRun()} times each run, set-up apart from the loop.
 *
 * <h2>Writing a runner</h2>
 *
 * A runner in any package extends this class and a {@link RunnerBuilder}, and overrides the hooks
 * it needs, all empty here and called on the thread that calls {@link #run}:
 * {@link #runStarted}, {@link #beforeStep}, {@link #beforePhase}, {@link #afterPhase},
 * {@link #afterStep}, {@link #runFinished} and {@link #onClose}. In a hook, {@link #network()}
 * gives the groups and projections (read or change their variables), {@link #dt()}, {@link #t0()}
 * and the step and time passed in give the clock. A hook that throws stops the run as any failure
 * does ({@link StepFailure#where()} then names the hook). See docs/runners.md, "Writing a runner".
 */
public abstract class Runner implements AutoCloseable {
  /** How close {@code duration/dt} must be to an integer, relatively, to count as that integer. */
  public static final double STEP_TOLERANCE = 1e-9;

  private static final System.Logger LOG = System.getLogger(Runner.class.getName());

  private static final StepPhase[] PHASES = StepPhase.order();
  // Where a step failed, within a phase: its hook before, the phase itself, its hook after.
  private static final int BEFORE = 0;
  private static final int BODY = 1;
  private static final int AFTER = 2;

  final Network network;
  final double dt;
  final double t0;
  final boolean jit;
  private final boolean fuse; // RunnerBuilder.fuseSynapses
  private final boolean warmUp; // RunnerBuilder.vectorWarmUp
  /**
   * The neuron-steps up to which a run warms its vector kernels up on a slice (VectorWarmUp):
   * beyond it, the JIT's compilation of whole-group kernels costs less than the scalar kernels on
   * the rest (measured: docs/benchmarks-history.md, "Vector kernels warm up on a slice").
   */
  static final long WARM_UP_WORK = 20_000_000L;
  private boolean fusing; // this run may fold synapses into groups (Network.planStep)
  private boolean steppedWhole; // this step's PROJECTIONS ran its GROUPS too (NetworkStepper.step)
  private List<String> fusedInputs = List.of(); // what the last run folded into the groups' loops
  final Input.Bound[] inputs;
  final String[] inputNames; // inputNames[i] names inputs[i] in messages
  final List<Recorder> recorders;
  private final Recorder[] recorderArray;
  final List<StepListener> listeners = new ArrayList<>(); // called in RECORD, after the monitors
  final Boolean progress; // null: the runner's default (see RunnerBuilder.progressBar)
  private final PrintStream progressOut; // null: the runner's default stream
  private final PrintStream barOut; // where the default progress goes
  private final boolean terminal; // whether barOut is an interactive terminal
  final Streams streams; // null: nothing streams
  final RecordFile tsFile; // streams' ts file, written by the loop; null without streams
  final NanGuard nanGuard; // null without RunnerBuilder.nanGuard
  private final NetworkStepper stepper;
  private final MonitorMode monitorMode;
  private final double buildSeconds;
  private InitialState initial;
  private final RunConfig.Checkpoints checkpointing;
  private long nextCheckpoint = -1; // the step count at which the next periodic checkpoint is due
  // The run in progress (saved by checkpoints taken during it), or runFirst == -1 between runs.
  private long runFirst = -1;
  private int runSteps;
  private long runTsFrom;
  private double runDuration;
  private boolean running;
  private long nextStep;
  private long memoryTsFrom; // in memory: the first step mon().ts() shows
  private boolean closed;
  private MonitorResults mon;
  private RunStats lastRun;
  private int at; // within the phase running: which input, monitor or listener (for failures)
  // What writes the inputs before the projections, or null: every projection output adds.
  private final java.util.Set<io.brainstem.network.Variable> inputWrites;
  private boolean outputsPlanned; // Network.assignOutputs done for this run
  private boolean assignedStale; // a planned CLEAR left the assigned inputs for PROJECTIONS to overwrite

  /**
   * Validates {@code builder}'s configuration, binds its inputs and monitors to the network, and
   * attaches the network to this runner (frozen until {@link #close()}). A subclass whose
   * constructor can fail after this call should {@link #close()} before it throws, or check its
   * own arguments in its builder first, so as not to leave the network frozen.
   *
   * @throws IllegalArgumentException if the configuration is invalid (the message says what was
   *     expected)
   * @throws IllegalStateException if another open runner drives the network
   */
  protected Runner(RunnerBuilder<?> builder) {
    this(builder.config());
  }

  private Runner(RunConfig config) {
    this.network = config.network();
    this.dt = config.dt();
    this.t0 = config.t0();
    this.jit = config.jit();
    this.fuse = config.fuse();
    this.warmUp = config.warmUp();
    this.inputs = config.inputs();
    this.inputNames = config.inputNames();
    this.inputWrites = hooksMayWriteInputs() ? null : config.inputWrites();
    this.recorders = config.recorders();
    this.recorderArray = recorders.toArray(new Recorder[0]);
    this.monitorMode = config.monitorMode();
    this.progress = config.progress();
    this.progressOut = config.progressOut();
    this.barOut = progressOut(System.err);
    this.terminal = (barOut == System.err || barOut == System.out) && RunnerBuilder.interactiveTerminal();
    this.streams = config.streams();
    this.tsFile = streams == null ? null : streams.ts();
    this.nanGuard = config.nanGuard();
    this.initial = new InitialState(network);
    network.attach(this, getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(this)));
    this.stepper = NetworkStepper.of(network, config.threads());
    this.checkpointing = config.checkpoints();
    if (checkpointing.resume() != null) {
      try {
        restore(checkpointing.resume());
      } catch (RuntimeException | Error e) {
        try {
          initial.restore(); // a component that refused its arrays: the network as it was built
          close(); // releases the network and the stream directory
        } catch (RuntimeException f) {
          e.addSuppressed(f);
        }
        throw e;
      }
    }
    this.buildSeconds = (System.nanoTime() - config.buildStartNanos()) * 1e-9;
  }

  /**
   * Runs for {@code duration} ms. The number of steps is {@code round(duration/dt)} when
   * {@code duration/dt} is within {@value #STEP_TOLERANCE} (relative) of an integer — so 100 ms at
   * dt 0.1 is 1000 steps despite rounding error — and {@code floor(duration/dt)} otherwise, with a
   * warning logged (the {@code System.Logger} of this class): 1.05 ms at dt 0.1 runs 10 steps, 1.0
   * ms, and {@link RunStats#simulatedMs()} says so.
   *
   * <p>A run that stops early keeps the runner consistent: {@link #step()}, {@link #t()},
   * {@link #mon()} and {@link #lastRun()} reflect the steps the network actually took, and the next
   * run continues from there. It stops early when
   *
   * <ul>
   *   <li>the thread is interrupted: the run stops before its next step (the interrupt is checked
   *       between steps) and throws {@link RunInterruptedException}, which consumes the interrupt;
   *   <li>an input, the network, a monitor, a listener or a hook throws: the exception propagates unchanged
   *       (same type and message) with a {@link StepFailure} added as suppressed, naming the step, its
   *       time and what failed ({@link StepFailure#of} finds it).
   * </ul>
   *
   * @return the wall-clock time of the step loop in seconds (set-up is in {@link #lastRun()})
   * @throws IllegalArgumentException if {@code duration} is not positive and finite, is shorter than
   *     one step or longer than {@link Integer#MAX_VALUE} steps, an {@code iter} input does not
   *     cover the steps of this run, or the in-memory records of this run would exceed the heap
   *     (nothing has run then)
   * @throws IllegalStateException if the runner was closed
   * @throws RunInterruptedException if the thread was interrupted during the run
   * @throws NonFiniteStateException with {@link RunnerBuilder#nanGuard}, when a state became NaN
   *     or infinite
   */
  public final double run(double duration) {
    checkOpen();
    long setupStart = System.nanoTime();
    int steps = stepCount(duration, dt);
    if (steps * dt < duration * (1 - STEP_TOLERANCE)) {
      LOG.log(System.Logger.Level.WARNING,
          "duration {0} ms is not a multiple of dt = {1} ms; running {2} steps ({3} ms)",
          duration, dt, steps, steps * dt);
    }
    runFirst = -1; // a run left pending by a checkpoint is abandoned: time goes on from here
    return runSteps(nextStep, steps, duration, false, setupStart);
  }

  /**
   * Runs the rest of the run a checkpoint was taken in, after {@link RunnerBuilder#resumeFrom}:
   * from the checkpoint's step to the end of that run, with its monitors going on recording, so
   * that {@link #mon()} then holds what the uninterrupted run's would (bit for bit). A checkpoint
   * taken at the end of its run leaves nothing to run: the records are made available as they
   * were. Failures and interrupts behave as in {@link #run}.
   *
   * @return the wall-clock time of the step loop in seconds
   * @throws IllegalStateException if the runner was not resumed from a checkpoint taken during a
   *     run, or that run was already finished
   */
  public final double finishRun() {
    checkOpen();
    long setupStart = System.nanoTime();
    if (runFirst < 0) {
      throw new IllegalStateException("no run to finish: finishRun() continues the run a checkpoint was "
          + "taken in, on a runner built with resumeFrom(dir) (this runner has none pending); use run(duration)");
    }
    return runSteps(runFirst, runSteps, runDuration, true, setupStart);
  }

  /**
   * Runs steps {@code first .. first + steps - 1} as one run of {@code duration} ms; with
   * {@code resumed}, the run was started before a checkpoint and goes on from {@link #nextStep}.
   */
  private double runSteps(long first, int steps, double duration, boolean resumed, long setupStart) {
    long from = resumed ? nextStep : first;
    int todo = (int) (first + steps - from);
    for (Input.Bound b : inputs) {
      if (todo > 0) {
        b.checkSteps(from, todo);
      }
    }
    boolean append = monitorMode == MonitorMode.APPEND;
    long tsFrom;
    if (resumed) {
      tsFrom = runTsFrom;
    } else {
      RecordBudget.check(recorders, first, steps, t0, dt, append, 0, duration);
      tsFrom = streams == null || append ? 0 : tsFile.rows();
      for (Recorder r : recorders) {
        r.start(first, steps, t0, dt, append);
      }
    }
    runFirst = first;
    runSteps = steps;
    runTsFrom = tsFrom;
    runDuration = duration;
    long every = checkpointing.everySteps();
    nextCheckpoint = every > 0 ? (from / every + 1) * every : -1;
    long loopStart = System.nanoTime();
    Stop stop;
    running = true;
    try {
      stop = todo > 0 ? loopAndFlush(from, todo) : null;
    } finally {
      running = false;
    }
    long loopEnd = System.nanoTime();
    int taken = stop == null ? todo : stop.taken;
    nextStep = from + taken;
    runFirst = -1;
    if (streams == null) {
      // ts is t0 + k·dt over the steps shown: computed on request, never stored per step
      memoryTsFrom = append ? memoryTsFrom : first;
      mon = new MonitorResults(memoryTsFrom, nextStep - memoryTsFrom, t0, dt, recorders);
    } else {
      mon = new MonitorResults(tsFile, tsFrom, dt, recorders);
    }
    double loopSeconds = (loopEnd - loopStart) * 1e-9;
    lastRun = new RunStats(from, taken, resumed ? todo * dt : duration, taken * dt, (loopStart - setupStart) * 1e-9,
        loopSeconds, buildSeconds);
    if (stop != null) {
      throw stopped(stop, from, todo);
    }
    return loopSeconds;
  }

  /**
   * Saves the whole state of the simulation into the checkpoint directory {@code dir}, atomically
   * (see {@link RunnerBuilder#checkpointEvery}): every variable of every group and projection,
   * spikes in flight, spike counters, stateful inputs, monitor records (streamed ones: their files'
   * lengths, after committing them) and the clock. A runner built with
   * {@link RunnerBuilder#resumeFrom resumeFrom(dir)} goes on from here, bit for bit. Between runs
   * only; during a run use {@link RunnerBuilder#checkpointEvery}.
   *
   * @return the directory of the checkpoint written (a subdirectory of {@code dir})
   * @throws IllegalStateException if the runner was closed, or it is called during a run (from a hook)
   * @throws java.io.UncheckedIOException if it cannot be written (the previous one stays the latest)
   */
  public final Path checkpoint(Path dir) {
    checkOpen();
    java.util.Objects.requireNonNull(dir, "checkpoint: dir is null; pass a directory Path");
    if (running) {
      throw new IllegalStateException("checkpoint(dir) is called between runs; during a run, use "
          + "checkpointEvery(ms, dir) on the builder, which saves between steps");
    }
    return writeCheckpoint(dir);
  }

  /** Writes a checkpoint of the state after {@code nextStep} steps. */
  private Path writeCheckpoint(Path dir) {
    if (streams != null) {
      streams.files().flush(); // every file complete up to this step, the lengths the checkpoint records
    }
    StateOut state = new StateOut();
    RunnerCheckpoints.saveNetwork(network, state);
    RunnerCheckpoints.saveRunner(inputs, recorders, state);
    state.put("runner/clock", new long[] {nextStep, memoryTsFrom, runFirst, runSteps, runTsFrom,
        Double.doubleToRawLongBits(runDuration)});
    java.util.Map<String, Object> header = new java.util.LinkedHashMap<>();
    header.put("step", nextStep);
    header.put("t_ms", t0 + nextStep * dt);
    header.put("created", java.time.Instant.now().toString());
    header.put("runner", getClass().getName());
    header.put("threads", (long) threads());
    header.put("fingerprint", checkpointing.store().fingerprint(network, dt, t0, inputNames,
        checkpointing.monitorNames()));
    if (streams != null) {
      java.util.Map<String, Object> files = new java.util.LinkedHashMap<>();
      streams.files().fileRows().forEach((name, rc) -> files.put(name, java.util.List.of(rc[0], rc[1])));
      header.put("streamFiles", files);
    }
    header.put("metadata", new java.util.LinkedHashMap<String, Object>(checkpointing.metadata()));
    java.util.Map<String, Object> lists = new java.util.LinkedHashMap<>();
    checkpointing.lists().forEach((k, v) -> lists.put(k, new ArrayList<Object>(v)));
    header.put("metadataLists", lists);
    return CheckpointStore.write(dir, header, state, checkpointing.keep());
  }

  /** Puts back the state of {@code c}, whose fingerprint {@code build()} checked. */
  private void restore(Checkpoint c) {
    StateIn in = c.state();
    long[] clock = in.longs("runner/clock", 6);
    if (clock[0] != c.step() || clock[0] < 0 || (clock[2] >= 0 && (clock[0] < clock[2] || clock[0] > clock[2] + clock[3]))) {
      throw new io.brainstem.checkpoint.CheckpointException("checkpoint " + c.directory()
          + " is corrupted: its clock " + java.util.Arrays.toString(clock) + " does not match its step " + c.step());
    }
    RunnerCheckpoints.restoreNetwork(network, in);
    RunnerCheckpoints.restoreRunner(inputs, recorders, in);
    nextStep = clock[0];
    memoryTsFrom = clock[1];
    runFirst = clock[2];
    runSteps = (int) clock[3];
    runTsFrom = clock[4];
    runDuration = Double.longBitsToDouble(clock[5]);
  }

  /** The exception a run that stopped early throws, the runner already consistent. */
  private RuntimeException stopped(Stop stop, long first, int steps) {
    long at = first + stop.taken; // the first step not taken
    String done = stop.taken + " of the " + steps + " steps of this run";
    if (stop.getCause() == null) {
      return new RunInterruptedException(at, t0 + at * dt, stop.taken, "run interrupted before step "
          + at + " (t = " + (t0 + at * dt) + " ms): " + done + " were taken and recorded; run(...) "
          + "continues from there");
    }
    Throwable cause = stop.getCause();
    try {
      network.clearInputs(); // the failed step may have left input in the accumulators
    } catch (RuntimeException | Error e) {
      cause.addSuppressed(e);
    }
    long failed = stop.networkStepped ? at - 1 : at;
    String state = stop.networkStepped
        ? "the network took the step, so the clock is after it (t = " + t() + " ms); monitors that "
            + "had not recorded it when it failed lack its row"
        : stop.partial
            ? "the step is not counted (the clock is at its start), but the groups and projections "
                + "that updated before the failure keep their new state; reset() to start over"
            : "the step is not counted and the network did not take it (the clock is at its start)";
    StepFailure failure = new StepFailure(failed, t0 + failed * dt, stop.where,
        "step " + failed + " (t = " + (t0 + failed * dt) + " ms) failed while " + stop.where + ": "
            + state + "; " + done + " were taken and are in mon()");
    try {
      cause.addSuppressed(failure);
    } catch (RuntimeException | Error ignored) {
      // suppression disabled by the exception's class: it propagates as is
    }
    return sneaky(cause);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t; // a checked exception thrown by user code (e.g. via a lambda) propagates unchanged
  }

  /** Throws if the runner was closed. */
  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this runner was closed"
          + (streams == null ? "" : " and its monitor files in " + streams.files().directory() + " are final")
          + "; build a new runner to run again (its records stay readable in mon())");
    }
  }

  /**
   * Runs the loop, then writes out every streamed file, also when the loop stops early: the files
   * then hold every step recorded before (a failure to write is added to the exception as
   * suppressed).
   *
   * @return null when every step ran, else why and where the loop stopped
   */
  private Stop loopAndFlush(long first, int steps) {
    Stop stop = null;
    try {
      loop(first, steps);
      if (nanGuard != null) {
        long last = first + steps - 1;
        nanGuard.runEnded(last, t0 + last * dt);
      }
    } catch (Stop s) {
      stop = s;
    } catch (NonFiniteStateException e) { // the guard's check after the last step: all taken
      stop = new Stop(steps, true, "checking the states (nanGuard)", e);
    } catch (Throwable e) {
      // a failure outside the step loop proper (progress, listeners' runStarted): nothing taken
      stop = new Stop(0, false, "starting the run", e);
    }
    if (streams != null) {
      try {
        streams.files().flush();
      } catch (RuntimeException f) {
        if (stop == null || stop.getCause() == null) {
          throw f;
        }
        stop.getCause().addSuppressed(f);
      }
    }
    return stop;
  }

  /**
   * Thrown by {@link #loop} when it stops before its last step: {@code taken} steps of the run
   * were taken by the network ({@code networkStepped}: the last of them failed after the network
   * step, while recording or in a hook after it; {@code partial}: the failed step had begun to
   * update the network); the cause is the failure, or null for an interrupt.
   */
  static final class Stop extends RuntimeException {
    final int taken;
    final boolean networkStepped;
    final boolean partial;
    final String where;

    Stop(int taken, boolean networkStepped, String where, Throwable cause) {
      this(taken, networkStepped, false, where, cause);
    }

    Stop(int taken, boolean networkStepped, boolean partial, String where, Throwable cause) {
      super(where, cause, false, false);
      this.taken = taken;
      this.networkStepped = networkStepped;
      this.partial = partial;
      this.where = where;
    }

    /** The loop saw an interrupt before step {@code taken} of the run; the flag is consumed. */
    static Stop interrupted(int taken) {
      return new Stop(taken, false, "interrupted", null);
    }
  }

  /** Whether the current thread was interrupted; consumes the flag when it was. */
  static boolean interrupted() {
    return Thread.currentThread().isInterrupted() && Thread.interrupted();
  }

  /**
   * Runs steps {@code first .. first + steps - 1}; monitors record absolute steps. Checks for an
   * interrupt before every step, and throws a {@link Stop} when it stops early. Reports progress
   * between chunks of steps; the steps are the same either way.
   */
  private void loop(long first, int steps) {
    StepListener[] calls = listeners.toArray(new StepListener[0]);
    for (int i = 0; i < calls.length; i++) {
      try {
        calls[i].runStarted(first, steps);
      } catch (Throwable e) {
        throw new Stop(0, false, "starting the run (" + listenerName(calls, i) + ".runStarted)", e);
      }
    }
    try {
      runStarted(first, steps);
    } catch (Throwable e) {
      throw new Stop(0, false, "starting the run (" + hook("runStarted") + ")", e);
    }
    int done = 0;
    // Inputs all +0.0 now (as after a CLEAR): assign from the first step, else from the second.
    outputsPlanned = inputWrites != null && network.inputsCleared();
    fusing = fuse && jit && inputWrites != null; // inputWrites null: hooks within the step
    boolean warming = warmUp && jit && io.brainstem.network.Kernels.warmUpAllowed();
    boolean scalar = jit && network.scalarFirst(steps, warming);
    network.warmUpKernels(warming && !scalar && (long) steps * network.size() <= WARM_UP_WORK);
    network.planStep(outputsPlanned ? inputWrites : null, fusing, readAfterSteps(calls));
    fusedInputs = network.fusedInputs();
    try {
      Progress shown = progress(steps);
      try {
        if (shown == null) {
          steps(first, first, steps, calls);
          done = steps;
        } else {
          while (done < steps) {
            int n = Math.min(steps - done, shown.chunk(done));
            steps(first, first + done, n, calls);
            done += n;
            shown.update(done);
          }
        }
      } finally {
        if (shown != null) {
          shown.close();
        }
      }
    } catch (Stop s) {
      if (assignedStale) { // stopped before the projections overwrote them: 0 as unplanned
        network.clearInputs();
        assignedStale = false;
      }
      network.assignOutputs(null);
      if (s.getCause() != null) {
        throw s; // a failure: the run did not finish
      }
      finish(first, s.taken, calls); // an interrupt: the run ended early
      throw s;
    }
    network.clearInputs(); // the assigned ones kept their last values (clearUnassignedInputs)
    assignedStale = false;
    network.assignOutputs(null); // between runs the inputs may be written by anyone
    finish(first, steps, calls);
  }

  /**
   * Which arrays something reads after each step ({@code Network.planStep}: the groups' loops may
   * hold the others' values, {@code FusedInputs.inLoop}): the monitored ones; any, with a listener
   * or a NaN check, which may read everything; null, nothing in the loop at all.
   */
  private java.util.function.Predicate<double[]> readAfterSteps(StepListener[] calls) {
    if (calls.length > 0 || nanGuard != null) {
      return null;
    }
    Recorder[] rec = recorderArray;
    return array -> {
      for (Recorder r : rec) {
        if (r.mayRead(array)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * Whether this runner's class overrides a hook that runs between one step's CLEAR and the next
   * step's projections ({@code beforeStep}, {@code beforePhase}, {@code afterPhase}, {@code
   * afterStep}), which may write inputs: then every projection output adds (see
   * {@link Network#assignOutputs}).
   */
  private boolean hooksMayWriteInputs() {
    for (Class<?> c = getClass(); c != Runner.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
        String n = m.getName();
        if (!m.isSynthetic() && (n.equals("beforeStep") || n.equals("afterStep")
            || n.equals("beforePhase") || n.equals("afterPhase"))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the last run folded into its groups' vector loops, one line per group, e.g. {@code E:
   * input <- EE, IE} (docs/architecture.md, "Fused inputs"); empty when nothing was: a hook within
   * the step, {@code jit(false)}, {@code fuseSynapses(false)}, or no exponential synapse a fused
   * kernel can take.
   */
  public final List<String> fusedInputs() {
    return fusedInputs;
  }

  /** Calls runFinished: the listeners', then the hook. */
  private void finish(long first, int taken, StepListener[] calls) {
    for (int i = 0; i < calls.length; i++) {
      try {
        calls[i].runFinished();
      } catch (Throwable e) {
        throw new Stop(taken, taken > 0, "finishing the run (" + listenerName(calls, i) + ".runFinished)", e);
      }
    }
    try {
      runFinished(first, taken);
    } catch (Throwable e) {
      throw new Stop(taken, taken > 0, "finishing the run (" + hook("runFinished") + ")", e);
    }
  }

  /**
   * Steps {@code from .. from + count - 1} of the run that began at {@code runFirst}: every phase
   * of {@link StepPhase}, in order, between its hooks.
   */
  private void steps(long runFirst, long from, int count, StepListener[] calls) {
    long end = from + count;
    long step = from;
    StepPhase phase = null; // null: outside the phases (beforeStep, afterStep)
    int part = BEFORE;
    try {
      for (; step < end; step++) {
        if (interrupted()) {
          throw Stop.interrupted((int) (step - runFirst));
        }
        double t = t0 + step * dt;
        phase = null;
        part = BEFORE;
        beforeStep(step, t);
        for (StepPhase p : PHASES) {
          phase = p;
          part = BEFORE;
          beforePhase(p, step, t);
          part = BODY;
          runPhase(p, step, t, calls);
          part = AFTER;
          afterPhase(p, step, t);
        }
        phase = null;
        afterStep(step, t);
        nextStep = step + 1; // step() and t() move with the run, as hooks see them
        if (!outputsPlanned && inputWrites != null) {
          // The inputs are 0 at the start of every later step of this run: CLEAR ran.
          network.planStep(inputWrites, fusing, readAfterSteps(calls));
          fusedInputs = network.fusedInputs();
          outputsPlanned = true;
        }
        if (nextStep == nextCheckpoint) {
          network.syncFused(); // synapse states the groups' loops hold
          network.clearInputs(); // saved as after an unplanned step's CLEAR
          periodicCheckpoint((int) (step - runFirst + 1));
        }
      }
    } catch (Stop s) {
      throw s;
    } catch (Throwable e) { // checked ones too: user code may throw them sneakily
      throw failure(e, (int) (step - runFirst), phase, part, calls);
    }
  }

  /** Writes the periodic checkpoint due now, after {@code taken} steps of the run's loop. */
  private void periodicCheckpoint(int taken) {
    nextCheckpoint += checkpointing.everySteps();
    try {
      writeCheckpoint(checkpointing.dir());
    } catch (RuntimeException | Error e) {
      throw new Stop(taken, true, "writing the checkpoint into " + checkpointing.dir(), e);
    }
  }

  /** What each phase does; the order is {@link StepPhase}'s. */
  private void runPhase(StepPhase phase, long step, double t, StepListener[] calls) {
    switch (phase) {
      case INPUTS -> {
        Input.Bound[] in = inputs;
        for (at = 0; at < in.length; at++) {
          in[at].apply(step, t);
        }
      }
      case PROJECTIONS, GROUPS, SPIKES -> {
        assignedStale = false;
        if (phase == StepPhase.PROJECTIONS) {
          // Nothing runs between the two (no hook within the step): one phase on a pool.
          steppedWhole = inputWrites != null && stepper.threads() > 1
              && (!fusing || network.fusionPrimed());
          if (steppedWhole) {
            if (fusing) {
              network.prepareFusedStep(dt);
            }
            stepper.step(t, dt, jit);
            if (fusing) {
              network.finishFusedStep();
            }
            return;
          }
        } else if (phase == StepPhase.GROUPS && steppedWhole) {
          return; // ran with the projections
        }
        if (phase == StepPhase.GROUPS && fusing) {
          network.prepareFusedStep(dt);
        }
        stepper.run(phase, t, dt, jit);
        if (phase == StepPhase.GROUPS && fusing) {
          network.finishFusedStep();
        }
      }
      case RECORD -> {
        at = -1;
        if (streams != null) {
          streams.step(t); // commits at this boundary when due, then records t in ts
        }
        Recorder[] rec = recorderArray;
        for (at = 0; at < rec.length; at++) {
          rec[at].record(step);
        }
        for (int i = 0; i < calls.length; i++, at++) {
          calls[i].afterStep(step, t);
        }
        if (nanGuard != null) {
          nanGuard.after(step, t); // at == monitors + listeners
        }
      }
      // planned: the inputs a projection assigns are overwritten whole by the next step's
      case CLEAR -> {
        if (outputsPlanned) {
          network.clearUnassignedInputs();
          assignedStale = true;
        } else {
          stepper.clearInputs(); // on the pool: a serial clear cost 2 threads ~5 %
        }
      }
    }
  }

  /** The Stop for a failure in step {@code done} of the run, in {@code part} of {@code phase}. */
  private Stop failure(Throwable e, int done, StepPhase phase, int part, StepListener[] calls) {
    boolean stepped = phase == null ? part == AFTER
        : phase.afterNetwork() || (phase == StepPhase.SPIKES && part == AFTER);
    boolean partial = !stepped && phase != null && phase.ofNetwork()
        && !(phase == StepPhase.PROJECTIONS && part == BEFORE); // the network began the step
    String what;
    if (phase == null) {
      what = "calling " + hook(part == BEFORE ? "beforeStep" : "afterStep");
    } else if (part != BODY) {
      what = "calling " + hook((part == BEFORE ? "beforePhase(" : "afterPhase(") + phase + ")");
    } else {
      what = switch (phase) {
        case INPUTS -> "applying " + inputNames[at];
        case PROJECTIONS, GROUPS, SPIKES -> "stepping the network";
        case RECORD -> at < 0 ? "writing ts"
            : at < recorderArray.length ? "recording monitor " + recorderArray[at].name()
            : at < recorderArray.length + calls.length ? "calling " + listenerName(calls, at - recorderArray.length)
            : "checking the states (nanGuard)";
        case CLEAR -> "clearing the inputs";
      };
    }
    return new Stop(done + (stepped ? 1 : 0), stepped, partial, what, e);
  }

  /** Names listener {@code i} in messages, numbered after the monitors (as they are called). */
  private String listenerName(StepListener[] calls, int i) {
    return "listener " + (recorderArray.length + i) + " (" + calls[i].getClass().getName() + ")";
  }

  /** Names one of this runner's hooks in messages: {@code MyRunner.afterPhase(SPIKES)}. */
  private String hook(String name) {
    return getClass().getSimpleName() + "." + name;
  }

  /**
   * Called once before a run of {@code steps} steps starting at absolute step {@code firstStep},
   * after the run's checks and before its first step (and after the listeners' {@code runStarted}).
   */
  protected void runStarted(long firstStep, int steps) {}

  /** Called before step {@code step}, which starts at {@code t}, before its first phase. */
  protected void beforeStep(long step, double t) {}

  /** Called before {@code phase} of step {@code step} (which starts at {@code t}). */
  protected void beforePhase(StepPhase phase, long step, double t) {}

  /**
   * Called after {@code phase} of step {@code step} (which starts at {@code t}): after
   * {@link StepPhase#SPIKES} the step's spikes are complete and may be replaced
   * ({@code group.setSpikes}) before projections deliver them in the next step; after
   * {@link StepPhase#RECORD} the monitors have recorded the step.
   */
  protected void afterPhase(StepPhase phase, long step, double t) {}

  /**
   * Called after step {@code step} (which started at {@code t}), after its last phase: the network
   * holds the state after the step and its input accumulators are cleared. Changes made here (to
   * states, parameters, weights) act from step {@code step + 1}.
   */
  protected void afterStep(long step, double t) {}

  /**
   * Called once after the last step of a run, also of a run stopped by an interrupt
   * ({@code stepsTaken} then counts the steps taken); not after a run that failed.
   */
  protected void runFinished(long firstStep, int stepsTaken) {}

  /** Called by {@link #close()}, once, before it stops the threads and releases the network. */
  protected void onClose() {}

  /**
   * How a run of {@code steps} steps reports progress, or null for not at all: by default a bar on
   * an interactive terminal, else lines ({@link RunnerBuilder#progressBar}).
   */
  Progress progress(int steps) {
    return Progress.of(progress, terminal, steps, barOut, System::nanoTime);
  }

  /**
   * The number of steps {@link #run} takes for {@code duration} at {@code dt}.
   *
   * @throws IllegalArgumentException if {@code dt} or {@code duration} is not positive and finite,
   *     or the run is shorter than one step or longer than {@link Integer#MAX_VALUE} steps
   */
  public static int stepCount(double duration, double dt) {
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw new IllegalArgumentException("dt must be positive and finite (in ms, e.g. 0.1), got " + dt);
    }
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("duration must be positive and finite (in ms), got " + duration);
    }
    double q = duration / dt;
    if (!(q <= Integer.MAX_VALUE)) { // also an infinite quotient, e.g. at dt = Double.MIN_VALUE
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "duration %s ms at dt = %s ms is %.4g steps, more than one run takes (%d); split it into "
              + "runs of at most %s ms, or check the units (both are in ms)",
          duration, dt, q, Integer.MAX_VALUE, Integer.MAX_VALUE * dt));
    }
    double nearest = Math.rint(q);
    double steps = Math.abs(q - nearest) <= STEP_TOLERANCE * q ? nearest : Math.floor(q);
    if (steps < 1) {
      throw new IllegalArgumentException(
          "duration " + duration + " ms is shorter than one step (dt = " + dt + " ms)");
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
    resetKeeping();
  }

  /**
   * {@link #reset()}, except that the variables named by {@code paths} keep their current values,
   * e.g. {@code resetKeeping("S.w")} to run again from the initial state with the weights a
   * plastic projection {@code S} has learned (all other state, its traces included, is restored).
   *
   * @param paths dotted variable paths ({@code "projection.variable"} or {@code "group.variable"})
   * @throws IllegalArgumentException naming a path that is no variable of the network
   */
  public final void resetKeeping(String... paths) {
    checkOpen();
    java.util.Set<String> keep = new java.util.HashSet<>();
    for (String path : paths) {
      keep.add(network.variable(path).path()); // throws, naming the path, for an unknown one
    }
    initial.restore(keep);
    nextStep = 0;
    runFirst = -1;
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
    memoryTsFrom = 0;
    mon = null;
    lastRun = null;
  }

  /**
   * Stops the threads of {@link RunnerBuilder#threads threads(n)}, writes out and closes the files
   * of streamed monitors (their headers then hold the final shapes), and releases the network
   * (which can then be changed, or driven by a new runner); later runs and resets throw,
   * {@link #mon()} stays readable. Calls {@link #onClose()} first. Idempotent.
   */
  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      onClose();
    } finally {
      try {
        stepper.close();
      } finally {
        network.detach(this);
        if (streams != null) {
          streams.files().close();
        }
      }
    }
  }

  /** Whether {@code close()} was called. */
  public final boolean closed() {
    return closed;
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

  /**
   * The time the next step starts at, {@code t0 + step()·dt}; during a run, in a hook, the time the
   * step being taken started at.
   */
  public final double t() {
    return t0 + nextStep * dt;
  }

  /**
   * The number of steps run so far (the absolute index of the next step); during a run, in a hook,
   * the index of the step being taken.
   */
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

  /**
   * Whether the runner reports progress when {@link RunnerBuilder#progressBar} was not set: by
   * default, whether its progress goes to an interactive terminal.
   */
  boolean reportsByDefault() {
    return terminal;
  }

  /** The number of threads each step runs on ({@link RunnerBuilder#threads}). */
  public final int threads() {
    return stepper.threads();
  }

  /** Where progress goes: the stream given to {@link RunnerBuilder#progressTo}, or {@code fallback}. */
  final PrintStream progressOut(PrintStream fallback) {
    return progressOut != null ? progressOut : fallback;
  }

  /** The network this runner steps. */
  public final Network network() {
    return network;
  }
}
