package io.brainstem.runners;

import io.brainstem.export.NpyDirectory;
import io.brainstem.inputs.Input;
import io.brainstem.inputs.TimeFunction;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorFiles;
import io.brainstem.monitors.Recorder;
import io.brainstem.monitors.Streams;
import io.brainstem.network.Names;
import io.brainstem.network.Network;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration every runner shares, BrainPy's {@code DSRunner(net, monitors=..., inputs=...,
 * dt=..., jit=...)}. Everything is checked in {@code build()}, which throws
 * {@link IllegalArgumentException} saying what was expected.
 *
 * <p>A runner of one's own (docs/runners.md, "Writing a runner") has a builder that extends this
 * class, returns itself from {@link #self()} and creates the runner in {@link #build()}, whose
 * constructor passes the builder to {@link Runner#Runner(RunnerBuilder)}:
 *
 * <pre>{@code
 * public static final class Builder extends RunnerBuilder<Builder> {
 *   public Builder(Network network) { super(network); }
 *   protected Builder self() { return this; }
 *   public MyRunner build() { return new MyRunner(this); }
 * }
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RunnerBuilder<B extends RunnerBuilder<B>> {
  private static final System.Logger LOG = System.getLogger(RunnerBuilder.class.getName());

  /** BrainPy's default step, in ms. */
  public static final double DEFAULT_DT = 0.1;

  /** The default write buffer of each streamed file, in bytes (1 MiB). */
  public static final int DEFAULT_STREAM_BUFFER = 1 << 20;

  /** The default longest stretch of simulated time between commits of streamed files, in ms. */
  public static final double DEFAULT_STREAM_FLUSH_MS = 100;
  /**
   * The largest write buffer of a streamed file, in bytes (256 MiB): each file holds one buffer of
   * direct memory, and larger buffers no longer make writing faster.
   */
  public static final int MAX_STREAM_BUFFER = 1 << 28;

  private final Network network;
  private final List<Input> inputs = new ArrayList<>();
  private final List<Monitor> monitors = new ArrayList<>();
  private double dt = DEFAULT_DT;
  private double t0 = 0;
  private boolean jit = true;
  private boolean fuse = true;
  private boolean warmUp = true;
  private MonitorMode monitorMode = MonitorMode.REPLACE;
  private Boolean progress; // null: the runner's default
  private PrintStream progressOut; // null: the runner's default stream
  private Path streamDir;
  private Set<String> streamed; // null: every monitor
  private int streamBuffer = DEFAULT_STREAM_BUFFER;
  private double streamFlushMs = DEFAULT_STREAM_FLUSH_MS;
  private int nanGuardEvery; // 0: no guard
  private int threads; // 0: automatic (AutoThreads)
  private double checkpointEveryMs; // 0: no periodic checkpoints
  private Path checkpointDir;
  private int keepCheckpoints = 1;
  private Path resumeFrom;
  private final java.util.Map<String, String> checkpointMetadata = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, List<String>> checkpointLists = new java.util.LinkedHashMap<>();

  /**
   * Starts configuring a runner for {@code network}.
   *
   * @throws IllegalArgumentException if {@code network} is null
   */
  protected RunnerBuilder(Network network) {
    if (network == null) {
      throw new IllegalArgumentException("a runner needs a network to run, got null");
    }
    this.network = network;
  }

  /** This builder, as its concrete type (every setter returns it). */
  protected abstract B self();

  /**
   * Validates the configuration and creates the runner (its constructor calls
   * {@link Runner#Runner(RunnerBuilder)}, which validates).
   */
  public abstract Runner build();

  /**
   * Runs each step on {@code n} threads (default: automatic, {@link AutoThreads}: one thread
   * unless the network is large enough to pay for more, never more than the available
   * processors): every group and projection is split into
   * {@code n} element ranges ({@link io.brainstem.network.ParallelStep}); inputs, monitors,
   * listeners and the runner's hooks stay on the thread that calls {@code run}. Results are
   * identical for every {@code n}. More threads than available processors are allowed (tests use
   * them) but make every step wait for threads that cannot run (hundreds of times slower), so
   * {@code build()} logs a warning then. {@code close()} the runner to stop the threads.
   */
  public B threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + n);
    }
    this.threads = n;
    return self();
  }

  /** Adds inputs applied at the start of every step. */
  public B inputs(Input... inputs) {
    Objects.requireNonNull(inputs, "inputs array is null; pass the inputs to add");
    for (Input in : inputs) {
      this.inputs.add(Objects.requireNonNull(in, "an input is null; pass inputs such as "
          + "Input.constant(\"E.input\", 20.)"));
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
    Objects.requireNonNull(paths, "paths array is null; pass variable paths such as \"E.spike\"");
    for (String path : paths) {
      monitors.add(Monitor.of(path));
    }
    return self();
  }

  /** Adds monitors, e.g. {@code Monitor.of("E.V", 0, 1, 2)}. */
  public B monitors(Monitor... monitors) {
    Objects.requireNonNull(monitors, "monitors array is null; pass monitors such as Monitor.of(\"E.V\")");
    for (Monitor m : monitors) {
      this.monitors.add(Objects.requireNonNull(m, "a monitor is null; pass monitors such as "
          + "Monitor.of(\"E.V\")"));
    }
    return self();
  }

  /** Records the given elements of {@code path}. */
  public B monitor(String path, int... indices) {
    return monitors(Monitor.of(path, indices));
  }

  /**
   * The step in ms (default {@value #DEFAULT_DT}); must be finite and at least {@value #MIN_DT}
   * (checked at {@code build()}).
   */
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
   * Whether exponential synapses may be folded into their postsynaptic groups' vector loops
   * ({@code true}, default; docs/architecture.md, "Fused inputs"). The results are the same bit
   * for bit either way; {@code false} runs every projection's own pass, e.g. to measure the
   * difference.
   */
  public B fuseSynapses(boolean fuse) {
    this.fuse = fuse;
    return self();
  }

  /**
   * Whether, in a short run (at most 2·10⁷ neuron-steps), vector kernels the JIT has not compiled
   * yet run on the first two vectors of each group while the scalar kernels run the rest ({@code
   * true}, default; {@link io.brainstem.network.VectorWarmUp}, docs/runners.md, "Warm-up on a
   * slice"). Only kernels that agree with the scalar ones bit for bit do, so the results are the
   * same either way; {@code false} runs the vector kernels on whole groups from the first step,
   * e.g. to test or time them cold.
   */
  public B vectorWarmUp(boolean warmUp) {
    this.warmUp = warmUp;
    return self();
  }

  /**
   * Whether a second run replaces the records of the first ({@link MonitorMode#REPLACE}, default)
   * or appends to them ({@link MonitorMode#APPEND}).
   */
  public B monitorMode(MonitorMode mode) {
    this.monitorMode = Objects.requireNonNull(mode,
        "monitorMode: mode is null; pass MonitorMode.REPLACE or MonitorMode.APPEND");
    return self();
  }

  /**
   * Streams every monitor to {@code .npy} files in {@code dir} as the run goes, instead of keeping
   * its records in memory: memory stays bounded (one write buffer per file, see
   * {@link #streamBuffer}) however long the run. {@code mon()} still works, reading the files on
   * request. The directory is created if needed and locked while the runner is open (a second runner
   * streaming there is refused); files of the same names in it are replaced. Layout
   * ({@link Streams}): {@code ts.npy}; {@code <name>.npy} float64 {@code (rows, n)} per value
   * monitor; {@code <name>_times.npy} and {@code <name>_indices.npy} per spike monitor.
   */
  public B streamTo(Path dir) {
    this.streamDir = Objects.requireNonNull(dir, "streamTo: dir is null; pass a directory Path");
    this.streamed = null;
    return self();
  }

  /** Streams only the monitors named (the others stay in memory); see {@link #streamTo(Path)}. */
  public B streamTo(Path dir, String... monitorNames) {
    Objects.requireNonNull(monitorNames, "streamTo: monitorNames array is null; pass monitor names");
    if (monitorNames.length == 0) {
      throw new IllegalArgumentException(
          "streamTo(dir, names...) needs at least one monitor name; streamTo(dir) streams them all");
    }
    this.streamDir = Objects.requireNonNull(dir, "streamTo: dir is null; pass a directory Path");
    for (String name : monitorNames) {
      Objects.requireNonNull(name, "streamTo: a monitor name is null; pass names such as \"E.V\"");
    }
    this.streamed = new LinkedHashSet<>(List.of(monitorNames));
    return self();
  }

  /**
   * The write buffer of each streamed file in bytes (default {@value #DEFAULT_STREAM_BUFFER}); a
   * file is written when its buffer fills, after every run and on {@code close()}. From 64 bytes
   * to {@value #MAX_STREAM_BUFFER} (256 MiB); each streamed file holds one such buffer of direct
   * memory.
   */
  public B streamBuffer(int bytes) {
    if (bytes < 64 || bytes > MAX_STREAM_BUFFER) {
      throw new IllegalArgumentException("streamBuffer must be from 64 bytes to " + MAX_STREAM_BUFFER
          + " (256 MiB), got " + bytes + "; each streamed file holds one buffer of direct memory, "
          + "and the default " + DEFAULT_STREAM_BUFFER + " (1 MiB) suits most runs");
    }
    this.streamBuffer = bytes;
    return self();
  }

  /**
   * The longest stretch of simulated time, in ms (default {@value #DEFAULT_STREAM_FLUSH_MS}), between
   * commits of the streamed files: a commit, at a step boundary, makes every file's header (and the
   * manifest) count the rows up to that step, so that after a crash every file ends at the same
   * step, at most this much simulated time (or 16 buffers of one file) before the crash. Files also
   * commit at the first boundary after any file wrote out {@code NpyAppender.BUFFERS_PER_COMMIT} (16)
   * buffers since the last commit, at the end of every run and
   * on {@code close()}. At least one step; {@code Double.POSITIVE_INFINITY} commits only then.
   */
  public B streamFlushEvery(double ms) {
    if (!(ms > 0)) {
      throw new IllegalArgumentException("streamFlushEvery needs a positive time in ms (e.g. 100.), got " + ms);
    }
    this.streamFlushMs = ms;
    return self();
  }

  /**
   * Checks every {@code everySteps} steps that no state of any group or projection is NaN or
   * infinite, and stops the run with a {@link NonFiniteStateException} naming the first bad
   * variable, element and value, and the step it was found at (off by default). The check reads
   * every state once, so its cost is about one monitor of all states per check: measured in
   * {@code docs/runners.md}. {@code nanGuard(1)} finds the exact step; a larger interval costs less
   * and bounds the step to the last {@code everySteps}.
   */
  public B nanGuard(int everySteps) {
    if (everySteps < 1) {
      throw new IllegalArgumentException(
          "nanGuard checks every k steps and needs k >= 1, got " + everySteps
              + "; leave it unset for no guard");
    }
    this.nanGuardEvery = everySteps;
    return self();
  }

  /**
   * Saves a checkpoint into {@code dir} every {@code ms} of simulated time (at the steps whose
   * absolute index is a multiple of {@code round(ms/dt)}), between steps, atomically: the previous
   * checkpoint stays the latest until the new one is complete, so a process killed at any moment
   * leaves a complete checkpoint to resume from ({@link #resumeFrom}). Streamed monitors are
   * committed at each checkpoint. See docs/checkpoints.md.
   *
   * @throws IllegalArgumentException if {@code ms} is not positive and finite (it must also be at
   *     least one step, checked at {@code build()})
   */
  public B checkpointEvery(double ms, Path dir) {
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException("checkpointEvery needs a positive, finite time in ms (e.g. 1000.), got " + ms);
    }
    this.checkpointEveryMs = ms;
    this.checkpointDir = Objects.requireNonNull(dir, "checkpointEvery: dir is null; pass a directory Path");
    return self();
  }

  /**
   * How many of the newest checkpoints a checkpoint directory keeps (default 1): each new one
   * deletes the older ones past this count once it is complete. Keep 2 or more where processes
   * must agree on a common checkpoint after a crash (MPI ranks, which resume from the newest step
   * every rank holds: docs/checkpoints.md), or to go back in time; {@link #resumeFrom} reads the
   * newest, or the one named by its {@code step-<n>} directory.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public B keepCheckpoints(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("keepCheckpoints needs at least 1 (the newest), got " + n);
    }
    this.keepCheckpoints = n;
    return self();
  }

  /**
   * Saves {@code value} under {@code key} in every checkpoint's manifest, for the program that
   * resumes it ({@link io.brainstem.checkpoint.Checkpoint#metadata()}): e.g. the command line
   * of the run.
   */
  public B checkpointMetadata(String key, String value) {
    checkpointMetadata.put(Objects.requireNonNull(key, "checkpointMetadata: key is null"),
        Objects.requireNonNull(value, "checkpointMetadata: value is null"));
    return self();
  }

  /** Saves a list of strings under {@code key} in every checkpoint's manifest (see {@link #checkpointMetadata}). */
  public B checkpointMetadata(String key, List<String> values) {
    checkpointLists.put(Objects.requireNonNull(key, "checkpointMetadata: key is null"), List.copyOf(values));
    return self();
  }

  /**
   * Builds the runner in the state saved in the checkpoint directory {@code dir} (its latest
   * checkpoint): every variable, delay buffer, spike counter, input and monitor state, and the clock.
   * The network and this builder must be configured exactly as for the run that was saved (same
   * sizes, seed, models, precision, dt, inputs and monitors, streamed to the same directory); a
   * checkpoint of anything else is refused naming what differs, and a corrupted or truncated one
   * naming the file, before anything is changed. Then {@link Runner#finishRun()} runs the rest of
   * the run the checkpoint was taken in, ending as the uninterrupted run would have, bit for bit;
   * or {@link Runner#run} continues in time.
   */
  public B resumeFrom(Path dir) {
    this.resumeFrom = Objects.requireNonNull(dir, "resumeFrom: dir is null; pass a checkpoint directory");
    return self();
  }

  /**
   * Whether runs report progress. {@code true}: always — {@link DSRunner} shows a progress bar in an
   * interactive terminal ({@link #interactiveTerminal()}) and otherwise prints a line per tenth of
   * the run, {@code Run 10.0% used 0.012 s}; {@link ReportRunner} prints those lines. {@code false}:
   * never, from either runner.
   *
   * <p>Not set, the default: {@link DSRunner} shows the bar only in an interactive terminal and only
   * for runs expected to last more than about a second (estimated from their first steps), and
   * nothing otherwise (pipes, CI, IDE test runs); {@link ReportRunner} prints its lines.
   */
  public B progressBar(boolean show) {
    this.progress = show;
    return self();
  }

  /**
   * Where progress goes (default: standard error for {@link DSRunner}, standard output for
   * {@link ReportRunner}). A stream other than {@code System.err} or {@code System.out} is never
   * taken for a terminal, so it gets plain lines.
   */
  public B progressTo(PrintStream out) {
    this.progressOut = Objects.requireNonNull(out, "progressTo: out is null; pass e.g. System.out");
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

  /** Smallest dt accepted, in ms (a femtosecond): anything smaller is a unit mistake. */
  public static final double MIN_DT = 1e-12;

  static void checkDt(double dt) {
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw new IllegalArgumentException("dt must be positive and finite (in ms, e.g. 0.1), got " + dt);
    }
    if (dt < MIN_DT) {
      throw new IllegalArgumentException("dt = " + dt + " ms is below the smallest accepted step, "
          + MIN_DT + " ms; dt is in ms (e.g. 0.1 for 100 microseconds)");
    }
  }

  /** Validates everything and binds inputs and monitors to the network. */
  RunConfig config() {
    long buildStart = System.nanoTime();
    checkDt(dt);
    if (!Double.isFinite(t0)) {
      throw new IllegalArgumentException("t0 must be finite, got " + t0);
    }
    if (t0 + dt == t0) {
      throw new IllegalArgumentException("dt = " + dt + " ms is too small for t0 = " + t0
          + " ms: t0 + dt rounds to t0, so the clock would not advance; dt is in ms (e.g. 0.1)");
    }
    network.validate();
    network.checkFree(); // before any file is created
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = this.threads > 0 ? this.threads : AutoThreads.of(network, cores);
    if (threads > cores) {
      LOG.log(System.Logger.Level.WARNING, "threads({0}) exceeds the {1} available processors: "
          + "each step waits for threads that cannot run, which can make it hundreds of times "
          + "slower; use threads({1}) or fewer", threads, cores);
    }
    Input.Bound[] bound = new Input.Bound[inputs.size()];
    String[] inputNames = new String[bound.length];
    for (int i = 0; i < bound.length; i++) {
      bound[i] = inputs.get(i).bind(network, dt);
      String path = inputs.get(i).path();
      inputNames[i] = path == null ? "input " + i + " (an action)" : "input " + i + " (" + path + ")";
    }
    // What the inputs write before the projections: an action may write anything (null).
    Set<io.brainstem.network.Variable> inputWrites = new HashSet<>();
    for (Input in : inputs) {
      if (in.path() == null) {
        inputWrites = null;
        break;
      }
      inputWrites.add(network.variable(in.path()));
    }
    Set<String> names = new HashSet<>();
    for (Monitor m : monitors) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException(
            "monitor '" + m.name() + "' is given twice; give each monitor once (use "
                + "Monitor.of(path, indices).named(...) to record two subsets of one variable)");
      }
    }
    if (streamed != null) {
      for (String s : streamed) {
        if (!names.contains(s)) {
          throw new IllegalArgumentException("streamTo: no monitor '" + s + "'"
              + Names.didYouMean(s, names) + "; monitors are " + names);
        }
      }
    }
    List<Recorder> recorders = new ArrayList<>();
    for (Monitor m : monitors) {
      recorders.add(m.bind(network)); // checks every path before any file is created
    }
    MonitorFiles.check(recorders); // every name exports, before the run rather than after it
    long checkpointSteps = 0;
    if (checkpointDir != null) {
      double q = checkpointEveryMs / dt;
      checkpointSteps = Math.round(q);
      if (checkpointSteps < 1 || Math.abs(q - checkpointSteps) > 1e-6 * Math.max(1, q)) {
        throw new IllegalArgumentException("checkpointEvery(" + checkpointEveryMs + " ms) must be a whole "
            + "number of steps of dt = " + dt + " ms, at least one");
      }
    }
    List<String> monitorNames = new ArrayList<>();
    for (Monitor m : monitors) {
      boolean toFile = streamDir != null && (streamed == null || streamed.contains(m.name()));
      monitorNames.add(m.name() + (toFile ? " (streamed)" : " (memory)"));
    }
    RunnerCheckpoints checkpoints = new RunnerCheckpoints();
    io.brainstem.checkpoint.Checkpoint resume = null;
    if (resumeFrom != null) {
      resume = io.brainstem.checkpoint.CheckpointStore.read(resumeFrom); // every file verified
      RunnerCheckpoints.check(resume, checkpoints.fingerprint(network, dt, t0, inputNames, monitorNames));
    }
    Streams streams = null;
    if (streamDir != null) {
      NpyDirectory dir = new NpyDirectory(streamDir, streamBuffer); // locks it
      try {
        if (resume != null) {
          dir.continueFiles(streamRows(resume));
        }
        streams = new Streams(dir, dt, t0, streamFlushMs);
        for (int i = 0; i < recorders.size(); i++) {
          Monitor m = monitors.get(i);
          if (streamed == null || streamed.contains(m.name())) {
            recorders.set(i, m.bind(network, streams));
          }
        }
        dir.flush(); // the manifest, listing every file, before the first step
      } catch (RuntimeException e) {
        try {
          dir.close(); // releases the lock
        } catch (RuntimeException f) {
          e.addSuppressed(f);
        }
        throw e;
      }
    }
    return new RunConfig(network, dt, t0, jit, fuse, warmUp, bound, inputNames,
        inputWrites == null ? null : Set.copyOf(inputWrites), List.copyOf(recorders), monitorMode, progress,
        progressOut, buildStart, streams,
        nanGuardEvery == 0 ? null : new NanGuard(network, nanGuardEvery), threads,
        new RunConfig.Checkpoints(checkpoints, checkpointDir, checkpointSteps, keepCheckpoints,
            java.util.Map.copyOf(checkpointMetadata), java.util.Map.copyOf(checkpointLists), monitorNames, resume));
  }

  /** The rows of each streamed file when the checkpoint was taken, as its manifest records them. */
  private static java.util.Map<String, long[]> streamRows(io.brainstem.checkpoint.Checkpoint c) {
    java.util.Map<String, long[]> rows = new java.util.LinkedHashMap<>();
    if (c.field("streamFiles") instanceof java.util.Map<?, ?> files) {
      files.forEach((name, v) -> {
        if (!(v instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Long r) || !(l.get(1) instanceof Long k)) {
          throw new io.brainstem.checkpoint.CheckpointException("checkpoint " + c.directory()
              + " is corrupted: streamFiles." + name + " is not [rows, columns]");
        }
        rows.put(String.valueOf(name), new long[] {r, k});
      });
    }
    return rows;
  }
}
