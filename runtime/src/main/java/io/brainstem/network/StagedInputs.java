package io.brainstem.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link Coupling#STAGED} projections add to a group for one step, per Runge–Kutta stage:
 * an offset per input and a slope per (input, state) pair, so that the input a stage sees is
 * {@code input + offset_s + Σ slope_s·state_s}. Allocated when the first staged projection attaches;
 * cleared with the inputs after every step.
 */
final class StagedInputs {
  static final int STAGES = 4;

  private final String group;
  private final int size;
  private final List<String> inputs;
  /** {@code "input:state"} for every pair the generated staged loop reads a slope of. */
  private final List<String> slopes;
  private final List<Projection> attached = new ArrayList<>();
  private double[][][] offsets; // [input][stage][element]
  private double[][][] slopeArrays; // [slope][stage][element]

  StagedInputs(String group, int size, List<String> inputs, List<String> slopes) {
    this.group = group;
    this.size = size;
    this.inputs = List.copyOf(inputs);
    this.slopes = List.copyOf(slopes);
  }

  boolean active() {
    return !attached.isEmpty();
  }

  List<Projection> attached() {
    return attached;
  }

  /**
   * Attaches {@code p}, which adds to {@code input} and (unless null) reads {@code state}; returns
   * {@code {input index, slope index or -1}}.
   */
  int[] attach(Projection p, String input, String state) {
    int in = inputs.indexOf(input);
    if (in < 0) {
      throw new IllegalArgumentException("projection " + p.name() + " cannot use Coupling.STAGED: "
          + "no ODE of group " + group + " reads input '" + input + "' (inputs its ODEs read: "
          + inputs + "); use Coupling.HELD");
    }
    int slope = -1;
    if (state != null) {
      slope = slopes.indexOf(input + ":" + state);
      if (slope < 0) {
        throw new IllegalArgumentException("projection " + p.name() + " cannot use "
            + "Coupling.STAGED: its output reads " + group + "." + state + ", which is not a state "
            + "whose ODE reads '" + input + "' (pairs the staged loop supports: " + slopes
            + "); use Coupling.HELD");
      }
    }
    if (!attached.contains(p)) {
      attached.add(p);
    }
    if (offsets == null) {
      offsets = new double[inputs.size()][STAGES][size];
      slopeArrays = new double[slopes.size()][STAGES][size];
    }
    return new int[] {in, slope};
  }

  void detach(Projection p) {
    attached.remove(p);
  }

  double[] offset(int input, int stage) {
    return offsets[input][stage];
  }

  double[] slope(int slope, int stage) {
    return slopeArrays[slope][stage];
  }

  void clear() {
    clear(0, size);
  }

  /** Sets neurons {@code [from, to)} of every stage array to 0. */
  void clear(int from, int to) {
    if (offsets == null) {
      return;
    }
    for (double[][] perStage : offsets) {
      for (double[] a : perStage) {
        Arrays.fill(a, from, to, 0.0);
      }
    }
    for (double[][] perStage : slopeArrays) {
      for (double[] a : perStage) {
        Arrays.fill(a, from, to, 0.0);
      }
    }
  }
}
