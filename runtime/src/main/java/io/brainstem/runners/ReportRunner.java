package io.brainstem.runners;

import io.brainstem.network.Network;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The observable runner: the same steps and results as {@link DSRunner}, but in every step it
 * calls its {@link StepListener}s (after its monitors record) and it reports progress every
 * 10 % of a run, e.g. {@code Run 10.0% used 0.012 s}, on standard output unless
 * {@link RunnerBuilder#progressTo progressTo} or {@link RunnerBuilder#progressBar progressBar(false)}
 * says otherwise. Use it to watch or debug a run. It runs {@link Runner}'s one loop, so
 * {@link RunnerBuilder#threads threads(n)} works as for {@link DSRunner}, with the same results;
 * listeners are called on the thread that calls {@link #run}, between steps' phases, never while
 * worker threads update the network.
 */
public final class ReportRunner extends Runner {
  private final PrintStream out; // where progress lines go

  private ReportRunner(Builder builder) {
    super(builder);
    listeners.addAll(builder.listeners);
    this.out = progressOut(System.out);
  }

  /** Starts configuring a runner for {@code network}. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /** Registers a listener called after every step of later runs. */
  public void addListener(StepListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  boolean reportsByDefault() {
    return true;
  }

  @Override
  Progress progress(int steps) {
    return progressBar() ? new Progress(steps, Progress.Style.LINES, out, System::nanoTime) : null;
  }

  /** Configures a {@link ReportRunner}; see {@link RunnerBuilder}. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final List<StepListener> listeners = new ArrayList<>();

    Builder(Network network) {
      super(network);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Listeners called after every step, after the monitors, in this order. */
    public Builder listeners(StepListener... listeners) {
      for (StepListener l : listeners) {
        this.listeners.add(Objects.requireNonNull(l, "listener"));
      }
      return this;
    }

    /**
     * Where progress lines go (default {@code System.out}), as {@link #progressTo}; {@code null}
     * turns reporting off, as {@code progressBar(false)}.
     */
    public Builder progress(PrintStream out) {
      return out == null ? progressBar(false) : progressTo(out);
    }

    /** Validates the configuration and creates the runner. */
    @Override
    public ReportRunner build() {
      return new ReportRunner(this);
    }
  }
}
