package io.brainstem.network;

/**
 * A group's fused inputs for the coming steps: per {@code @Input} (the model's order), the
 * synapses folded into its loop ({@link FusedInput}, in the order their projections were added,
 * which is the order their outputs are summed), and whether the loop starts from the input's array
 * (something else writes it first: a runner's input, an unfused projection) or from 0.
 */
public final class FusedInputs {
  private static final FusedInput[] NONE = new FusedInput[0];

  private final java.util.List<String> names;
  private final FusedInput[][] sources;
  private final boolean[] base;
  private final double[][] arrays;
  private final double[] zeros; // the start of a sum nothing writes first
  private final boolean inLoop;

  FusedInputs(java.util.List<String> names, FusedInput[][] sources, boolean[] base,
      double[][] arrays, boolean inLoop) {
    this.names = java.util.List.copyOf(names);
    this.sources = sources;
    this.base = base;
    this.arrays = arrays;
    this.inLoop = inLoop;
    this.zeros = new double[arrays.length == 0 ? 0 : arrays[0].length];
  }

  /**
   * Whether the kernel integrates each input's one synapse, a current, inside its own loop and
   * takes its {@code g} as the input's value ({@link FusedInput}): no fold loop, no input array.
   */
  public boolean inLoop() {
    return inLoop;
  }

  /** The synapses summed into input {@code name}, in order (empty: it is read from its array). */
  public FusedInput[] sources(String name) {
    int n = names.indexOf(name);
    return n < 0 ? NONE : sources[n];
  }

  /**
   * Where input {@code name}'s sum starts: its array (a runner's input or an unfused projection
   * wrote it first), else an array of zeros.
   */
  public double[] baseArray(String name) {
    int n = names.indexOf(name);
    if (n < 0) {
      throw new IllegalArgumentException("no input '" + name + "' in this plan; inputs: " + names);
    }
    return base[n] ? arrays[n] : zeros;
  }

  /** What is folded in, for logs: {@code input <- EE, IE}, or {@code in the loop: ge <- EE; ...}. */
  String describe() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (int n = 0; n < sources.length; n++) {
      if (sources[n].length == 0) {
        continue;
      }
      StringBuilder part = new StringBuilder(names.get(n)).append(" <- ");
      for (int k = 0; k < sources[n].length; k++) {
        part.append(k == 0 ? "" : ", ").append(sources[n][k].projection().name());
      }
      parts.add(part.toString());
    }
    return (inLoop ? "in the loop: " : "") + String.join("; ", parts);
  }

  /**
   * The group's scalar tail {@code [from, to)} (fewer than a vector): each fused input's array
   * gets its sum as the unfused step leaves it, so that the scalar kernel reads it there.
   */
  public void settleTail(int from, int to) {
    for (int n = 0; n < sources.length; n++) {
      if (sources[n].length == 0) {
        continue;
      }
      double[] input = arrays[n];
      if (inLoop) { // the one current's g is the value, as an assigning projection writes it
        for (int j = from; j < to; j++) {
          input[j] = sources[n][0].settleInLoop(j);
        }
        continue;
      }
      for (int j = from; j < to; j++) {
        double sum = base[n] ? input[j] : 0.0;
        for (FusedInput s : sources[n]) {
          sum = sum + s.settle(j);
        }
        input[j] = sum;
      }
    }
  }

  /** Whether any input of the group has a synapse folded in. */
  boolean any() {
    for (FusedInput[] s : sources) {
      if (s.length > 0) {
        return true;
      }
    }
    return false;
  }
}
