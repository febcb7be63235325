package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.RecordFile;
import io.brainstem.monitors.Recorder;
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
      steps(first, steps);
      return;
    }
    try {
      int done = 0;
      while (done < steps) {
        int n = Math.min(steps - done, progress.chunk(done));
        steps(first + done, n);
        done += n;
        progress.update(done);
      }
    } finally {
      progress.close();
    }
  }

  private void steps(long first, int count) {
    Network net = network;
    Input.Bound[] in = inputs;
    Recorder[] rec = recorderArray;
    double t0 = this.t0;
    double dt = this.dt;
    boolean jit = this.jit;
    ParallelStep par = parallel;
    RecordFile tsOut = tsFile;
    NanGuard guard = nanGuard;
    long end = first + count;
    for (long step = first; step < end; step++) {
      double t = t0 + step * dt;
      for (Input.Bound b : in) {
        b.apply(step, t);
      }
      if (par == null) {
        net.step(t, dt, jit);
      } else {
        par.step(t, dt, jit);
      }
      if (tsOut != null) {
        tsOut.put(t);
      }
      for (Recorder r : rec) {
        r.record(step);
      }
      if (guard != null) {
        guard.after(step, t);
      }
      net.clearInputs();
    }
  }

  /** The number of threads each step runs on. */
  public int threads() {
    return parallel == null ? 1 : parallel.threads();
  }

  /**
   * Stops the worker threads of {@code threads(n > 1)} and writes out and closes the files of
   * streamed monitors; later runs throw.
   */
  @Override
  public void close() {
    try {
      if (parallel != null) {
        parallel.close();
      }
    } finally {
      closeStreams();
    }
  }

  /** Configures a {@link DSRunner}; see {@link RunnerBuilder}. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private int threads = 1;

    Builder(Network network) {
      super(network);
    }

    /**
     * Runs each step on {@code n} threads (default 1): every group and projection is split into
     * {@code n} element ranges. Results are identical for every {@code n}.
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
      return new DSRunner(config(), threads);
    }
  }
}
