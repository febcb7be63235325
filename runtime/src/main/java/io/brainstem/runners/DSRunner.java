package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.Recorder;
import io.brainstem.monitors.Streams;
import io.brainstem.network.Network;
import io.brainstem.network.ParallelStep;
import java.io.PrintStream;

/**
 * The fast runner: one tight loop over the steps, no per-step allocation, no callbacks.
 *
 * <pre>{@code
 * DSRunner runner = DSRunner.builder(net)
 *     .monitors("E.spike")
 *     .input("E.input", 20.).input("I.input", 20.)
 *     .jit(true)
 *     .build();
 * runner.run(100.);
 * boolean[][] spikes = runner.mon().spikes("E.spike");
 * }</pre>
 *
 * When it reports progress ({@link RunnerBuilder#progressBar}: a bar in an interactive terminal,
 * else a line per tenth of the run) the loop runs in chunks of steps and reports between chunks;
 * the loop body is the same either way.
 * See {@link Runner} for the per-step order and the time convention. With {@link Builder#threads
 * threads(n)} each step runs on {@code n} threads ({@link ParallelStep}); the results are identical
 * for every {@code n}. {@link #close()} stops those threads and closes the files of monitors streamed
 * with {@link RunnerBuilder#streamTo streamTo(dir)}.
 */
public final class DSRunner extends Runner implements AutoCloseable {
  private final Recorder[] recorderArray;
  private final ParallelStep parallel; // null: the caller's thread only
  private final PrintStream out; // where progress goes
  private final boolean terminal; // whether out is an interactive terminal

  private DSRunner(RunConfig config, int threads) {
    super(config);
    this.recorderArray = config.recorders().toArray(new Recorder[0]);
    this.parallel = threads > 1 ? new ParallelStep(config.network(), threads) : null;
    this.out = progressOut(System.err);
    this.terminal = (out == System.err || out == System.out) && RunnerBuilder.interactiveTerminal();
  }

  /** Starts configuring a runner for {@code network}. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  @Override
  boolean reportsByDefault() {
    return terminal;
  }

  @Override
  void loop(long first, int steps) {
    Progress progress = Progress.of(this.progress, terminal, steps, out, System::nanoTime);
    if (progress == null) {
      steps(first, first, steps);
      return;
    }
    try {
      int done = 0;
      while (done < steps) {
        int n = Math.min(steps - done, progress.chunk(done));
        steps(first, first + done, n);
        done += n;
        progress.update(done);
      }
    } finally {
      progress.close();
    }
  }

  /** Steps {@code from .. from + count - 1} of the run that began at {@code runFirst}. */
  private void steps(long runFirst, long from, int count) {
    Network net = network;
    Input.Bound[] in = inputs;
    Recorder[] rec = recorderArray;
    double t0 = this.t0;
    double dt = this.dt;
    boolean jit = this.jit;
    ParallelStep par = parallel;
    Streams files = streams;
    NanGuard guard = nanGuard;
    long end = from + count;
    long step = from;
    int at = 0; // what runs: inputs[at] (at >= 0), the network (-1), ts (-2), recorders[-3 - at]
    try {
      for (; step < end; step++) {
        if (interrupted()) {
          throw Stop.interrupted((int) (step - runFirst));
        }
        double t = t0 + step * dt;
        for (at = 0; at < in.length; at++) {
          in[at].apply(step, t);
        }
        at = -1;
        if (par == null) {
          net.step(t, dt, jit);
        } else {
          par.step(t, dt, jit);
        }
        at = -2;
        if (files != null) {
          files.step(t); // commits at this boundary when due, then records t in ts
        }
        at = -3;
        for (int r = 0; r < rec.length; r++, at--) {
          rec[r].record(step);
        }
        if (guard != null) {
          guard.after(step, t); // at == -3 - rec.length
        }
        at--;
        net.clearInputs();
      }
    } catch (Stop s) {
      throw s;
    } catch (Throwable e) { // checked ones too: user code may throw them sneakily
      throw failure(e, step - runFirst, at);
    }
  }

  private Stop failure(Throwable e, long done, int at) {
    if (at >= 0) {
      return new Stop((int) done, false, "applying " + inputNames[at], e);
    }
    if (at == -1) {
      return new Stop((int) done, false, "stepping the network", e);
    }
    String what = at == -2 ? "writing ts"
        : -3 - at < recorderArray.length ? "recording monitor " + recorderArray[-3 - at].name()
        : -3 - at == recorderArray.length ? "checking the states (nanGuard)"
        : "clearing the inputs";
    return new Stop((int) done + 1, true, what, e);
  }

  /** The number of threads each step runs on. */
  public int threads() {
    return parallel == null ? 1 : parallel.threads();
  }

  /**
   * Stops the worker threads of {@code threads(n > 1)}, writes out and closes the files of
   * streamed monitors, and releases the network (which a new runner may then drive); later runs and
   * resets throw, {@link #mon()} stays readable. Idempotent.
   */
  @Override
  public void close() {
    try {
      if (parallel != null) {
        parallel.close();
      }
    } finally {
      closeRunner();
    }
  }

  /** Configures a {@link DSRunner}; see {@link RunnerBuilder}. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private static final System.Logger LOG = System.getLogger(DSRunner.class.getName());
    private int threads = 1;

    Builder(Network network) {
      super(network);
    }

    /**
     * Runs each step on {@code n} threads (default 1): every group and projection is split into
     * {@code n} element ranges. Results are identical for every {@code n}. More threads than
     * available processors are allowed (tests use them) but make every step wait for threads that
     * cannot run (hundreds of times slower), so {@code build()} logs a warning then.
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    /** Validates the configuration and creates the runner. */
    public DSRunner build() {
      int cores = Runtime.getRuntime().availableProcessors();
      if (threads > cores) {
        LOG.log(System.Logger.Level.WARNING, "threads({0}) exceeds the {1} available processors: "
            + "each step waits for threads that cannot run, which can make it hundreds of times "
            + "slower; use threads({1}) or fewer", threads, cores);
      }
      return new DSRunner(config(), threads);
    }
  }
}
