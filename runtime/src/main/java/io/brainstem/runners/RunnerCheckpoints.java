package io.brainstem.runners;

import io.brainstem.checkpoint.Checkpoint;
import io.brainstem.checkpoint.CheckpointException;
import io.brainstem.checkpoint.StateIn;
import io.brainstem.checkpoint.StateOut;
import io.brainstem.inputs.Input;
import io.brainstem.monitors.Recorder;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a runner's checkpoint holds and how it is put back: the model fingerprint, every variable of
 * every group and projection, every {@link io.brainstem.checkpoint.Checkpointed} component (groups,
 * projections, inputs, monitors), the clock and the run in progress. Keys:
 * {@code group/<G>/var/<v>}, {@code group/<G>/state/...}, {@code projection/<P>/var/<v>},
 * {@code projection/<P>/state/...}, {@code input/<i>/...}, {@code monitor/<i>/...},
 * {@code runner/clock}.
 */
final class RunnerCheckpoints {
  private final Map<String, Long> connectivity = new LinkedHashMap<>(); // CRCs, computed once

  /**
   * The fingerprint of {@code network} run with this configuration: what must be equal for a
   * checkpoint to resume (structure, sizes, models, variables, precision, dt, inputs, monitors).
   */
  Map<String, Object> fingerprint(Network network, double dt, double t0, String[] inputNames,
      List<String> monitors) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("precision", network.precision().name());
    f.put("dt", dt);
    f.put("t0", t0);
    Map<String, Object> groups = new LinkedHashMap<>();
    for (NeuronGroup g : network.groups()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", g.model() == null ? g.getClass().getName() : g.model());
      m.put("class", g.getClass().getName());
      m.put("size", (long) g.size());
      m.put("precision", g.precision().name());
      m.put("method", String.valueOf(g.method()));
      m.put("variables", describe(g.variables()));
      m.put("hidden", List.copyOf(g.hiddenState().keySet()));
      groups.put(g.name(), m);
    }
    f.put("groups", groups);
    Map<String, Object> projections = new LinkedHashMap<>();
    for (Projection p : network.projections()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", p.model() == null ? p.getClass().getName() : p.model());
      m.put("class", p.getClass().getName());
      m.put("pre", p.pre().name());
      m.put("post", p.post().name());
      m.put("synapses", (long) p.synapseCount());
      m.put("connectivity_crc32", connectivity.computeIfAbsent(p.name(), n -> p.connectivityChecksum()));
      m.put("method", String.valueOf(p.method()));
      m.put("coupling", p.coupling().name());
      m.put("variables", describe(p.variables()));
      m.put("hidden", List.copyOf(p.hiddenState().keySet()));
      projections.put(p.name(), m);
    }
    f.put("projections", projections);
    f.put("inputs", List.of(inputNames));
    f.put("monitors", monitors);
    return f;
  }

  private static List<String> describe(List<Variable> vars) {
    List<String> out = new ArrayList<>();
    for (Variable v : vars) {
      out.add(v.name() + ":" + v.kind() + ":" + (v.isBoolean() ? "bool" : v.isFloat() ? "float" : "double")
          + ":" + v.size());
    }
    return out;
  }

  /** Monitor descriptions for the fingerprint: name and where it records. */
  static List<String> monitors(List<Recorder> recorders) {
    List<String> out = new ArrayList<>();
    for (Recorder r : recorders) {
      out.add(r.name() + (r.isStreamed() ? " (streamed)" : " (memory)"));
    }
    return out;
  }

  /** Puts every variable and every component's state of {@code network} into {@code out}. */
  static void saveNetwork(Network network, StateOut out) {
    for (NeuronGroup g : network.groups()) {
      StateOut o = out.child("group").child(g.name());
      saveVariables(g.variables(), o.child("var"));
      g.saveState(o.child("state"));
    }
    for (Projection p : network.projections()) {
      StateOut o = out.child("projection").child(p.name());
      saveVariables(p.variables(), o.child("var"));
      p.saveState(o.child("state"));
    }
  }

  private static void saveVariables(List<Variable> vars, StateOut out) {
    for (Variable v : vars) {
      if (v.isBoolean()) {
        out.put(v.name(), v.booleans());
      } else if (v.isFloat()) {
        out.put(v.name(), v.floats());
      } else {
        out.put(v.name(), v.doubles());
      }
    }
  }

  /** Saves the runner's inputs and monitors. */
  static void saveRunner(Input.Bound[] inputs, List<Recorder> recorders, StateOut out) {
    for (int i = 0; i < inputs.length; i++) {
      inputs[i].saveState(out.child("input").child(Integer.toString(i)));
    }
    for (int i = 0; i < recorders.size(); i++) {
      recorders.get(i).saveState(out.child("monitor").child(Integer.toString(i)));
    }
  }

  /**
   * Restores the network from {@code in}: every variable is read and checked first, then copied,
   * then each group's and projection's own state.
   */
  static void restoreNetwork(Network network, StateIn in) {
    List<Variable> targets = new ArrayList<>();
    List<Object> sources = new ArrayList<>();
    for (NeuronGroup g : network.groups()) {
      collect(g.variables(), in.child("group").child(g.name()).child("var"), targets, sources);
    }
    for (Projection p : network.projections()) {
      collect(p.variables(), in.child("projection").child(p.name()).child("var"), targets, sources);
    }
    for (int i = 0; i < targets.size(); i++) {
      Variable v = targets.get(i);
      Object target = v.isBoolean() ? v.booleans() : v.isFloat() ? v.floats() : v.doubles();
      System.arraycopy(sources.get(i), 0, target, 0, v.size());
    }
    for (NeuronGroup g : network.groups()) {
      g.restoreState(in.child("group").child(g.name()).child("state"));
    }
    for (Projection p : network.projections()) {
      p.restoreState(in.child("projection").child(p.name()).child("state"));
    }
  }

  private static void collect(List<Variable> vars, StateIn in, List<Variable> targets, List<Object> sources) {
    for (Variable v : vars) {
      targets.add(v);
      sources.add(v.isBoolean() ? in.booleans(v.name(), v.size()) : v.isFloat() ? in.floats(v.name(), v.size())
          : in.doubles(v.name(), v.size()));
    }
  }

  /** Restores the runner's inputs and monitors. */
  static void restoreRunner(Input.Bound[] inputs, List<Recorder> recorders, StateIn in) {
    for (int i = 0; i < inputs.length; i++) {
      inputs[i].restoreState(in.child("input").child(Integer.toString(i)));
    }
    for (int i = 0; i < recorders.size(); i++) {
      recorders.get(i).restoreState(in.child("monitor").child(Integer.toString(i)));
    }
  }

  /**
   * Throws unless {@code checkpoint} was saved from a network and runner with {@code fingerprint}.
   */
  static void check(Checkpoint checkpoint, Map<String, Object> fingerprint) {
    List<String> diff = checkpoint.differences(fingerprint);
    if (!diff.isEmpty()) {
      throw new CheckpointException("checkpoint " + checkpoint.directory() + " was saved from a different "
          + "network or runner configuration, so it cannot resume this one:\n  " + String.join("\n  ", diff)
          + "\nbuild the network and runner exactly as for the run that was saved (same sizes, seed, "
          + "models, precision, dt, inputs and monitors)");
    }
  }
}
