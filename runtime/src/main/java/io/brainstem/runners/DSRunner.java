package io.brainstem.runners;

import io.brainstem.network.Network;

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
 * See {@link Runner} for the per-step order and the time convention. With {@link
 * RunnerBuilder#threads threads(n)} each step runs on {@code n} threads; the results are identical
 * for every {@code n}. {@link #close()} stops those threads and closes the files of monitors
 * streamed with {@link RunnerBuilder#streamTo streamTo(dir)}.
 */
public final class DSRunner extends Runner {

  private DSRunner(Builder builder) {
    super(builder);
  }

  /** Starts configuring a runner for {@code network}. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /** Configures a {@link DSRunner}; see {@link RunnerBuilder}. */
  public static final class Builder extends RunnerBuilder<Builder> {
    Builder(Network network) {
      super(network);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Validates the configuration and creates the runner. */
    @Override
    public DSRunner build() {
      return new DSRunner(this);
    }
  }
}
