package io.brainstem.grad;

import io.brainstem.network.Projection;
import java.util.List;

/**
 * One projection in a {@link NetworkGradient}: its generated backward step, the gather over its
 * connectivity, what each delivered input's spikes add (a per-synapse weight, a lumped one, or a
 * number), its states at each step's start, and the weight gradients.
 */
final class ProjectionTape {
  final Projection projection;
  final BackwardStep step;
  final AdjointFrame frame;
  final ProjectionBackward gather;
  final GroupTape pre;
  final GroupTape post;
  final double[][] states;
  /** Per delivered input: the per-synapse weights, or null. */
  final double[][] synapseWeights;
  /** Per delivered input: the lumped weight's parameter index, or -1. */
  final int[] lumpedIndex;
  /** Per delivered input: the number each spike adds (NaN when a weight). */
  final double[] constant;
  /** Per delivered input: the per-synapse weight gradient (CSR order), or null. */
  final double[][] synapseGradient;
  /** Per delivered input: the lumped weight's gradient per postsynaptic neuron, or null. */
  final double[][] lumpedGradient;
  /** For each {@code @Post} input: the index of the postsynaptic state it reads. */
  final int[] postState;
  final int output;
  final double[] spikeAdjoint;
  double[][][] stateTape;
  /** Null unless the synapse keeps state per synapse (short-term plasticity). */
  final SynapseStateBackward stp;
  final double[][] synapseStates;
  double[][][] synapseTape;

  ProjectionTape(Projection p, GroupTape pre, GroupTape post) {
    this.projection = p;
    this.pre = pre;
    this.post = post;
    if (p.delaySteps() != 0) {
      throw new IllegalArgumentException("projection " + p.name() + " has a delay ("
          + (p.delaySteps() < 0 ? "per synapse, or set in ms and not yet resolved"
          : p.delaySteps() + " steps") + "); back-propagation through time over a network"
          + " differentiates undelayed projections only: remove the delay");
    }
    if (post.step == null) {
      throw new IllegalArgumentException("projection " + p.name() + " targets " + post.group.name()
          + ", an input group (fed, not stepped); drive a stepped group instead");
    }
    BackwardStep s = Backwards.of(p);
    if (s instanceof GradedBackwardStep || s.states().isEmpty() || p.outputName() == null) {
      throw new IllegalArgumentException("projection " + p.name() + " (" + p.model() + ") has a"
          + " backward step, but the network engine does not run it yet: it handles event-driven"
          + " synapses with state per postsynaptic neuron and an @Output (ExpCuba, ExpCoba,"
          + " WeightedExp*, Alpha*, DualExp*, Nmda*, Ampa*, GabaA*, TsodyksMarkramCoba); graded"
          + " coupling and delta synapses are not built yet");
    }
    this.step = s;
    this.stp = s instanceof SynapseStateBackward b ? b : null;
    this.synapseStates = new double[stp == null ? 0 : stp.synapseStates().size()][];
    for (int k = 0; k < synapseStates.length; k++) {
      synapseStates[k] = p.doubles(stp.synapseStates().get(k));
    }
    this.frame = new AdjointFrame(s);
    this.gather = new ProjectionBackward(p);
    this.states = new double[s.states().size()][];
    for (int k = 0; k < states.length; k++) {
      states[k] = p.doubles(s.states().get(k));
    }
    List<String> weights = weights(s);
    int d = weights.size();
    this.synapseWeights = new double[d][];
    this.lumpedIndex = new int[d];
    this.constant = new double[d];
    this.synapseGradient = new double[d][];
    this.lumpedGradient = new double[d][];
    for (int k = 0; k < d; k++) {
      String w = weights.get(k);
      lumpedIndex[k] = -1;
      constant[k] = Double.NaN;
      if (stp != null) {
        continue; // its delivered() replays the per-synapse jumps
      } else if (p.isPerSynapse(w)) {
        synapseWeights[k] = p.doubles(w);
        synapseGradient[k] = new double[gather.synapseCount()];
      } else if (p.params().names().contains(w)) {
        lumpedIndex[k] = p.params().indexOf(w);
        lumpedGradient[k] = new double[post.n];
      } else {
        constant[k] = Double.parseDouble(w);
      }
    }
    List<String> inputs = s.inputs();
    this.postState = new int[inputs.size() - d];
    for (int k = d; k < inputs.size(); k++) {
      int index = post.step.states().indexOf(inputs.get(k));
      if (index < 0) {
        throw new IllegalArgumentException("projection " + p.name() + " reads " + inputs.get(k)
            + " of " + post.group.name() + ", which is not a state of its backward step "
            + post.step.states() + "; only states can be read by a differentiated synapse");
      }
      postState[k - d] = index;
    }
    this.output = post.step.inputs().indexOf(p.outputName());
    if (output < 0) {
      throw new IllegalArgumentException("projection " + p.name() + " writes "
          + p.outputName() + " of " + post.group.name() + ", not an input of its backward step "
          + post.step.inputs());
    }
    frame.adjOutput = post.frame.adjInput[output];
    this.spikeAdjoint = new double[pre.n];
  }

  @SuppressWarnings("unchecked")
  private static List<String> weights(BackwardStep s) {
    try {
      return (List<String>) s.getClass().getMethod("weights").invoke(s);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(s.getClass().getName() + " has no weights(): recompile"
          + " the model with the processor of this runtime", e);
    }
  }

  int delivered() {
    return synapseWeights.length;
  }

  void allocate(int segment) {
    if (stateTape == null || stateTape.length != segment) {
      stateTape = new double[segment][states.length][projection.post().size()];
      synapseTape = new double[segment][synapseStates.length][gather.synapseCount()];
    }
  }

  void recordStart(int k) {
    for (int s = 0; s < states.length; s++) {
      System.arraycopy(states[s], 0, stateTape[k][s], 0, states[s].length);
    }
    for (int s = 0; s < synapseStates.length; s++) {
      System.arraycopy(synapseStates[s], 0, synapseTape[k][s], 0, synapseStates[s].length);
    }
  }

  /** Step {@code k} of the segment backwards; the postsynaptic group's step ran first. */
  void backward(int k, double t, Ranges ranges) {
    for (int s = 0; s < states.length; s++) {
      frame.state[s] = stateTape[k][s];
    }
    boolean[] due = pre.spikeTape[k];
    int d = delivered();
    if (stp != null) {
      frame.preSpiked = due;
      for (int s = 0; s < synapseStates.length; s++) {
        frame.synapseState[s] = synapseTape[k][s];
      }
      ranges.run(post.n, (from, to) -> stp.delivered(frame, from, to));
    }
    for (int q = 0; q < d && stp == null; q++) {
      if (synapseWeights[q] != null) {
        gather.delivered(due, synapseWeights[q], frame.input[q]);
      } else if (lumpedIndex[q] >= 0) {
        gather.delivered(due, projection.params(), lumpedIndex[q], frame.input[q]);
      } else {
        gather.delivered(due, constant[q], frame.input[q]);
      }
    }
    for (int q = 0; q < postState.length; q++) {
      frame.input[d + q] = post.stateTape[k][postState[q]];
    }
    frame.t = t;
    ranges.run(post.n, (from, to) -> step.backward(frame, from, to));
    if (stp != null) {
      ranges.run(post.n, (from, to) -> stp.backwardSynapses(frame, from, to));
    }
    for (int q = 0; q < postState.length; q++) {
      double[] a = frame.adjInput[d + q];
      double[] target = post.frame.adjState[postState[q]];
      for (int j = 0; j < post.n; j++) {
        target[j] += a[j];
      }
    }
    boolean spiking = pre.spikeNext != null; // a fed group's spikes need no adjoint
    if (stp != null) {
      if (spiking) {
        ranges.run(pre.n, (from, to) ->
            gather.spikeAdjoint(frame.synapseSpike, spikeAdjoint, from, to));
        for (int i = 0; i < pre.n; i++) {
          pre.spikeNext[i] += spikeAdjoint[i];
        }
      }
      return;
    }
    for (int q = 0; q < d; q++) {
      double[] a = frame.adjInput[q];
      double[] w = synapseWeights[q];
      double[] gw = synapseGradient[q];
      if (w != null) {
        ranges.run(pre.n, (from, to) -> {
          if (spiking) {
            gather.spikeAdjoint(w, a, spikeAdjoint, from, to);
          }
          gather.weightGradient(due, a, gw, from, to);
        });
      } else if (lumpedIndex[q] >= 0) {
        int index = lumpedIndex[q];
        if (spiking) {
          ranges.run(pre.n, (from, to) ->
              gather.spikeAdjoint(projection.params(), index, a, spikeAdjoint, from, to));
        }
        gather.lumpedWeightGradient(due, a, lumpedGradient[q]);
      } else if (spiking) {
        double c = constant[q];
        ranges.run(pre.n, (from, to) -> gather.spikeAdjoint(c, a, spikeAdjoint, from, to));
      }
      if (spiking) {
        for (int i = 0; i < pre.n; i++) {
          pre.spikeNext[i] += spikeAdjoint[i];
        }
      }
    }
  }
}
