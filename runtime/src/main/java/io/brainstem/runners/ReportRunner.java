package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.Recorder;
import io.brainstem.network.Network;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The observable runner: the same steps and results as {@link DSRunner}, but after every step it
 * calls its {@link StepListener}s (its monitors are listeners too) and it reports progress every
 * 10 % of a run, e.g. {@code Run 10.0% used 0.012 s}, on standard output unless
 * {@link RunnerBuilder#progressTo progressTo} or {@link RunnerBuilder#progressBar progressBar(false)}
 * says otherwise. Use it to watch or debug a run.
 */
public final class ReportRunner extends Runner implements AutoCloseable {
  private final List<StepListener> listeners = new ArrayList<>();
  private final PrintStream out; // where progress lines go

  private ReportRunner(RunConfig config, List<StepListener> extra) {
    super(config);
    for (Recorder r : config.recorders()) {
      listeners.add(new RecordingListener(r));
    }
    listeners.addAll(extra);
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
  void loop(long first, int steps) {
    for (StepListener l : listeners) {
      l.runStarted(first, steps);
    }
    ProgressLines lines = progressBar() ? new ProgressLines(out, steps, System::nanoTime) : null;
    for (int k = 0; k < steps; k++) {
      long step = first + k;
      double t = t0 + step * dt;
      for (Input.Bound b : inputs) {
        b.apply(step, t);
      }
      network.step(t, dt, jit);
      if (tsFile != null) {
        tsFile.put(t);
      }
      for (StepListener l : listeners) {
        l.afterStep(step, t);
      }
      if (nanGuard != null) {
        nanGuard.after(step, t);
      }
      network.clearInputs();
      if (lines != null) {
        lines.after(k + 1);
      }
    }
    for (StepListener l : listeners) {
      l.runFinished();
    }
  }

  /** Writes out and closes the files of streamed monitors; later runs throw. Nothing else to release. */
  @Override
  public void close() {
    closeStreams();
  }

  /** A monitor as a listener. */
  private static final class RecordingListener implements StepListener {
    private final Recorder recorder;

    RecordingListener(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void afterStep(long step, double t) {
      recorder.record(step);
    }
  }

  /** Configures a {@link ReportRunner}; see {@link RunnerBuilder}. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final List<StepListener> listeners = new ArrayList<>();

    Builder(Network network) {
      super(network);
    }

    @Override
    Builder self() {
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
    public ReportRunner build() {
      return new ReportRunner(config(), listeners);
    }
  }
}
