package io.brainstem.extension;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.StepPhase;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A runner written outside {@code io.brainstem.runners}: it logs every hook call (up to a limit of
 * steps), checks at each phase boundary what the phase promises, and can add a value to every
 * group's {@code input} after {@link StepPhase#INPUTS} (an input injected between phases).
 */
public final class PhaseLogRunner extends Runner {
  final List<String> log = new ArrayList<>();
  final List<String> broken = new ArrayList<>(); // promises of a phase found not kept
  private final int logSteps;
  private final double inject;
  private final long[] phaseCounts = new long[StepPhase.values().length];

  private PhaseLogRunner(Builder b) {
    super(b);
    this.logSteps = b.logSteps;
    this.inject = b.inject;
  }

  public static Builder builder(Network network) {
    return new Builder(network);
  }

  @Override
  protected void runStarted(long firstStep, int steps) {
    log.add("runStarted " + firstStep + " " + steps);
  }

  @Override
  protected void beforeStep(long step, double t) {
    if (t != t0() + step * dt() || step != step()) {
      broken.add("clock at step " + step);
    }
    logged(step, "beforeStep " + step);
  }

  @Override
  protected void beforePhase(StepPhase phase, long step, double t) {
    logged(step, "before " + phase + " " + step);
  }

  @Override
  protected void afterPhase(StepPhase phase, long step, double t) {
    phaseCounts[phase.ordinal()]++;
    logged(step, "after " + phase + " " + step);
    for (NeuronGroup g : network().groups()) {
      switch (phase) {
        case INPUTS -> {
          if (inject != 0) {
            double[] input = g.doubles("input");
            for (int i = 0; i < input.length; i++) {
              input[i] += inject;
            }
          }
        }
        case SPIKES -> {
          int flagged = 0;
          for (boolean s : g.spike) {
            flagged += s ? 1 : 0;
          }
          if (flagged != g.spikeCount()) {
            broken.add(g.name() + " spike list incomplete after SPIKES at step " + step);
          }
        }
        case CLEAR -> {
          for (double x : g.doubles("input")) {
            if (x != 0) {
              broken.add(g.name() + " input not cleared at step " + step);
              break;
            }
          }
        }
        default -> { }
      }
    }
  }

  @Override
  protected void afterStep(long step, double t) {
    logged(step, "afterStep " + step);
  }

  @Override
  protected void runFinished(long firstStep, int stepsTaken) {
    log.add("runFinished " + firstStep + " " + stepsTaken);
  }

  private void logged(long step, String line) {
    if (step < logSteps) {
      log.add(line);
    }
  }

  /** How many times each phase ran, indexed by ordinal. */
  long[] phaseCounts() {
    return phaseCounts.clone();
  }

  public static final class Builder extends RunnerBuilder<Builder> {
    private int logSteps = 2;
    private double inject;

    Builder(Network network) {
      super(network);
    }

    /** Logs the hooks of the first {@code steps} steps. */
    Builder logSteps(int steps) {
      this.logSteps = steps;
      return this;
    }

    /** Adds {@code value} to every group's input after the INPUTS phase of every step. */
    Builder inject(double value) {
      this.inject = value;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public PhaseLogRunner build() {
      return new PhaseLogRunner(this);
    }
  }
}
