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
    for (int i = 0; i < listeners.size(); i++) {
      try {
        listeners.get(i).runStarted(first, steps);
      } catch (Throwable e) {
        throw new Stop(0, false, "starting the run (" + listenerName(i) + ".runStarted)", e);
      }
    }
    ProgressLines lines = progressBar() ? new ProgressLines(out, steps, System::nanoTime) : null;
    int k = 0;
    int at = 0; // what runs: inputs[at] (at >= 0), the network (-1), ts (-2), listeners[-3 - at]
    boolean interrupted = false;
    try {
      for (; k < steps; k++) {
        if (interrupted()) {
          interrupted = true;
          break;
        }
        long step = first + k;
        double t = t0 + step * dt;
        for (at = 0; at < inputs.length; at++) {
          inputs[at].apply(step, t);
        }
        at = -1;
        network.step(t, dt, jit);
        at = -2;
        if (streams != null) {
          streams.step(t); // commits at this boundary when due, then records t in ts
        }
        at = -3;
        for (int i = 0; i < listeners.size(); i++, at--) {
          listeners.get(i).afterStep(step, t);
        }
        if (nanGuard != null) {
          nanGuard.after(step, t); // at == -3 - listeners.size()
        }
        at--;
        network.clearInputs();
        if (lines != null) {
          lines.after(k + 1);
        }
      }
    } catch (Throwable e) { // checked ones too: user code may throw them sneakily
      throw failure(e, k, at);
    }
    for (int i = 0; i < listeners.size(); i++) {
      try {
        listeners.get(i).runFinished();
      } catch (Throwable e) {
        throw new Stop(k, k > 0, "finishing the run (" + listenerName(i) + ".runFinished)", e);
      }
    }
    if (interrupted) {
      throw Stop.interrupted(k);
    }
  }

  private String listenerName(int i) {
    return listeners.get(i) instanceof RecordingListener r ? "monitor " + r.recorder.name()
        : "listener " + i + " (" + listeners.get(i).getClass().getName() + ")";
  }

  private Stop failure(Throwable e, int done, int at) {
    if (at >= 0) {
      return new Stop(done, false, "applying " + inputNames[at], e);
    }
    if (at == -1) {
      return new Stop(done, false, "stepping the network", e);
    }
    int i = -3 - at;
    String what = at == -2 ? "writing ts"
        : i == listeners.size() ? "checking the states (nanGuard)"
        : i > listeners.size() ? "clearing the inputs"
        : listeners.get(i) instanceof RecordingListener r ? "recording monitor " + r.recorder.name()
        : "calling " + listenerName(i);
    return new Stop(done + 1, true, what, e);
  }

  /**
   * Writes out and closes the files of streamed monitors and releases the network (which a new
   * runner may then drive); later runs and resets throw, {@link #mon()} stays readable. Idempotent.
   */
  @Override
  public void close() {
    closeRunner();
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
