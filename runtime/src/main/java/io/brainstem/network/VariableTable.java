package io.brainstem.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named variables of one group or projection, in registration order. */
public final class VariableTable {
  private final String owner;
  private final Map<String, Variable> byName = new LinkedHashMap<>();
  // The input accumulators as a plain array, so clearing them each step allocates nothing.
  private double[][] inputArrays = new double[0][];
  private float[][] floatInputArrays = new float[0][];

  // State that is not a variable (not monitored, not an input target), by name: checkpoints save
  // it and reset() restores it. Components with such arrays register them here; see Checkpointed.
  private final Map<String, Object> hidden = new LinkedHashMap<>();

  VariableTable(String owner) {
    this.owner = owner;
  }

  double[] addDoubles(String name, Variable.Kind kind, int size, double initial) {
    double[] array = new double[size];
    if (initial != 0) {
      java.util.Arrays.fill(array, initial);
    }
    put(new Variable(owner, name, kind, array, null, null));
    if (kind == Variable.Kind.INPUT) {
      inputArrays = java.util.Arrays.copyOf(inputArrays, inputArrays.length + 1);
      inputArrays[inputArrays.length - 1] = array;
    }
    return array;
  }

  float[] addFloats(String name, Variable.Kind kind, int size, double initial) {
    float[] array = new float[size];
    if (initial != 0) {
      java.util.Arrays.fill(array, (float) initial);
    }
    put(new Variable(owner, name, kind, null, array, null));
    if (kind == Variable.Kind.INPUT) {
      floatInputArrays = java.util.Arrays.copyOf(floatInputArrays, floatInputArrays.length + 1);
      floatInputArrays[floatInputArrays.length - 1] = array;
    }
    return array;
  }

  boolean[] addBooleans(String name, int size) {
    boolean[] array = new boolean[size];
    put(new Variable(owner, name, Variable.Kind.SPIKE, null, null, array));
    return array;
  }

  private void put(Variable v) {
    if (byName.putIfAbsent(v.name(), v) != null) {
      throw new IllegalStateException(owner + " already has a variable named '" + v.name() + "'");
    }
  }

  /** The variable, or an exception naming the closest valid name. */
  public Variable get(String name) {
    java.util.Objects.requireNonNull(name, "variable name is null; pass a name such as \"V\"");
    Variable v = byName.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "'" + owner + "' has no variable '" + name + "'" + Names.didYouMean(name, byName.keySet())
              + "; its variables are " + byName.keySet());
    }
    return v;
  }

  /** Whether a variable is called {@code name}. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Every variable, in the order they were added. */
  public List<Variable> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /**
   * Registers {@code array} (double[], float[], int[], long[] or boolean[]) as hidden state: not a
   * variable, but saved by checkpoints and restored by {@code reset()} like one.
   */
  void addHidden(String name, Object array) {
    io.brainstem.checkpoint.HiddenArrays.check(owner, name, array);
    if (byName.containsKey(name) || hidden.putIfAbsent(name, array) != null) {
      throw new IllegalStateException(owner + " already has state named '" + name + "'");
    }
  }

  /** The hidden state arrays ({@link #addHidden}), by name, in registration order. */
  public Map<String, Object> hidden() {
    return Collections.unmodifiableMap(hidden);
  }

  /** Sets every {@link Variable.Kind#INPUT} variable to 0 (end of step). */
  void clearInputs() {
    for (double[] input : inputArrays) {
      java.util.Arrays.fill(input, 0.0);
    }
    for (float[] input : floatInputArrays) {
      java.util.Arrays.fill(input, 0f);
    }
  }

  /** Sets elements {@code [from, to)} of every input accumulator to 0. */
  void clearInputs(int from, int to) {
    for (double[] input : inputArrays) {
      java.util.Arrays.fill(input, from, to, 0.0);
    }
    for (float[] input : floatInputArrays) {
      java.util.Arrays.fill(input, from, to, 0f);
    }
  }
}
