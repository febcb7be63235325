package io.brainstem.runners;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The opt-in check of {@link RunnerBuilder#nanGuard}: after every {@code every}-th step, and after
 * the last step of each run, every state of every group and projection must be finite.
 */
final class NanGuard {
  private final Variable[] states;
  private final int every;
  private long lastClean = -1; // the last step checked and found finite, -1 before any

  NanGuard(Network network, int every) {
    List<Variable> found = new ArrayList<>();
    for (NeuronGroup g : network.groups()) {
      addStates(g.variables(), found);
    }
    for (Projection p : network.projections()) {
      addStates(p.variables(), found);
    }
    this.states = found.toArray(new Variable[0]);
    this.every = every;
  }

  private static void addStates(List<Variable> variables, List<Variable> out) {
    for (Variable v : variables) {
      if (v.kind() == Variable.Kind.STATE && !v.isBoolean()) {
        out.add(v);
      }
    }
  }

  /** Called after absolute step {@code step}; checks every {@code every}-th step. */
  void after(long step, double t) {
    if ((step + 1) % every == 0) {
      check(step, t);
    }
  }

  /** Called after the last step of a run, so no run ends with a non-finite state unreported. */
  void runEnded(long lastStep, double t) {
    if (lastClean != lastStep) {
      check(lastStep, t);
    }
  }

  /** Forgets the last clean step (the runner's {@code reset()} restarts the clock). */
  void reset() {
    lastClean = -1;
  }

  private void check(long step, double t) {
    for (Variable v : states) {
      int bad = v.isFloat() ? firstNonFinite(v.floats()) : firstNonFinite(v.doubles());
      if (bad >= 0) {
        throw new NonFiniteStateException(v.path(), bad, v.get(bad), step, t, lastClean);
      }
    }
    lastClean = step;
  }

  private static int firstNonFinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      double x = values[i];
      if (x - x != 0) { // NaN for NaN and for ±infinity, 0 for every finite value
        return i;
      }
    }
    return -1;
  }

  private static int firstNonFinite(float[] values) {
    for (int i = 0; i < values.length; i++) {
      float x = values[i];
      if (x - x != 0) {
        return i;
      }
    }
    return -1;
  }
}
