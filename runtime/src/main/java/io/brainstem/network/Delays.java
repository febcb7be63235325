package io.brainstem.network;

import java.util.Arrays;

/**
 * The spike delays of one projection: either one delay for all synapses (a ring of past spike
 * arrays) or one per synapse (a ring of buckets of due synapse positions). A delay of {@code d}
 * steps delivers the spikes of step {@code k} in step {@code k + 1 + d}. Delays set in ms are turned
 * into steps at the first step that knows dt (and again if dt changes, which drops spikes in flight).
 */
final class Delays {
  /** The longest delay in steps: the ring of past spikes has one slot per step, indexed by int. */
  static final int MAX_STEPS = Integer.MAX_VALUE / 2;

  private final String projection;
  private final boolean[] preSpike;
  private final int[] indptr;
  private final int[] indices;

  // What the user set: exactly one of the four is in force.
  private int steps;
  private double ms = Double.NaN;
  private int[] synapseSteps;
  private double[] synapseMs;

  /** The dt the buffers were built for; NaN until the first step after a change. */
  private double builtFor = Double.NaN;
  private int resolvedSteps;
  private int[] resolvedSynapseSteps;

  // Homogeneous ring of spike lists: history[(cursor + 1) % length] is the oldest slot, valid up
  // to historyCounts of the same slot (slots grow to the most spikes they have held).
  private int[][] history;
  private int[] historyCounts;
  // Per-synapse ring of buckets.
  private int[][] buckets;
  private int[] bucketSizes;
  private int cursor;

  Delays(String projection, boolean[] preSpike, int[] indptr, int[] indices) {
    this.projection = projection;
    this.preSpike = preSpike;
    this.indptr = indptr;
    this.indices = indices;
  }

  void setSteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException(
          "projection " + projection + ": delay must be >= 0 steps, got " + steps);
    }
    clear();
    this.steps = steps;
  }

  void setMs(double ms) {
    if (!(ms >= 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException(
          "projection " + projection + ": delay must be a finite number of ms >= 0, got " + ms);
    }
    clear();
    this.ms = ms;
  }

  void setSynapseSteps(int[] steps) {
    checkNotNull(steps);
    checkLength(steps.length);
    for (int k = 0; k < steps.length; k++) {
      if (steps[k] < 0) {
        throw new IllegalArgumentException("projection " + projection + ": synapse " + k
            + " has a negative delay (" + steps[k] + " steps); delays must be >= 0");
      }
    }
    clear();
    this.synapseSteps = steps.clone();
  }

  void setSynapseMs(double[] ms) {
    checkNotNull(ms);
    checkLength(ms.length);
    for (int k = 0; k < ms.length; k++) {
      if (!(ms[k] >= 0) || Double.isInfinite(ms[k])) {
        throw new IllegalArgumentException("projection " + projection + ": synapse " + k
            + " has delay " + ms[k] + " ms; delays must be finite and >= 0");
      }
    }
    clear();
    this.synapseMs = ms.clone();
  }

  boolean perSynapse() {
    return synapseSteps != null || synapseMs != null;
  }

  int homogeneousSteps() {
    if (perSynapse()) {
      return -1;
    }
    return Double.isNaN(ms) ? steps : Double.isNaN(builtFor) ? -1 : resolvedSteps;
  }

  /**
   * The presynaptic spike list due now under the homogeneous delay, valid up to
   * {@link #spikeCount()}, after recording this step's ({@code spikeIndex[0, count)}); null
   * without a delay (the caller's own list is due).
   */
  int[] spikes(double dt, int[] spikeIndex, int count) {
    build(dt);
    if (resolvedSteps == 0) {
      return null;
    }
    if (history[cursor].length < count) {
      history[cursor] = new int[Math.max(count, Math.min(preSpike.length, 2 * history[cursor].length))];
    }
    System.arraycopy(spikeIndex, 0, history[cursor], 0, count);
    historyCounts[cursor] = count;
    cursor = (cursor + 1) % history.length;
    // After the advance, cursor is the slot written resolvedSteps calls ago: the oldest.
    return history[cursor];
  }

  /** How many entries of the last {@link #spikes} list are due. */
  int spikeCount() {
    return historyCounts[cursor];
  }

  /** The synapse positions due now under per-synapse delays; queues this step's spikes first. */
  int[] due(double dt) {
    build(dt);
    bucketSizes[cursor] = 0; // the bucket delivered in the previous step
    cursor = (cursor + 1) % buckets.length;
    for (int i = 0; i < preSpike.length; i++) {
      if (preSpike[i]) {
        for (int k = indptr[i]; k < indptr[i + 1]; k++) {
          push((cursor + resolvedSynapseSteps[k]) % buckets.length, k);
        }
      }
    }
    return buckets[cursor];
  }

  int dueCount() {
    return bucketSizes[cursor];
  }

  private void push(int bucket, int synapse) {
    int size = bucketSizes[bucket];
    if (size == buckets[bucket].length) {
      buckets[bucket] = Arrays.copyOf(buckets[bucket], Math.max(16, 2 * size));
    }
    buckets[bucket][size] = synapse;
    bucketSizes[bucket] = size + 1;
  }

  /**
   * Saves the spikes in flight: for each slot of the ring (oldest to newest relative to the
   * cursor, stored by slot index) the spike list or the queued synapse positions, in order.
   */
  void save(io.brainstem.checkpoint.StateOut out) {
    out.putDouble("builtFor", builtFor);
    if (Double.isNaN(builtFor)) {
      return; // nothing in flight: the buffers are built at the next step
    }
    int[][] slots = perSynapse() ? buckets : history;
    int[] counts = perSynapse() ? bucketSizes : historyCounts;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    int[] flat = new int[total];
    int at = 0;
    for (int k = 0; k < slots.length; k++) {
      System.arraycopy(slots[k], 0, flat, at, counts[k]);
      at += counts[k];
    }
    out.putLong("cursor", cursor);
    out.put("counts", counts.clone());
    out.put("entries", flat);
  }

  /**
   * Restores what {@link #save} saved, on delays set as they were: the buffers are built for the
   * saved dt and refilled.
   *
   * @throws io.brainstem.checkpoint.CheckpointException if the ring saved has another length
   */
  void restore(io.brainstem.checkpoint.StateIn in) {
    double dt = in.getDouble("builtFor");
    if (Double.isNaN(dt)) {
      builtFor = Double.NaN;
      return;
    }
    long savedCursor = in.getLong("cursor");
    int[] counts = in.ints("counts", -1);
    int[] flat = in.ints("entries", -1);
    builtFor = Double.NaN;
    build(dt);
    int[][] slots = perSynapse() ? buckets : history;
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    if (counts.length != slots.length || total != flat.length || savedCursor < 0 || savedCursor >= slots.length) {
      builtFor = Double.NaN;
      throw new io.brainstem.checkpoint.CheckpointException("projection " + projection + ": the checkpoint's "
          + "delay buffer has " + counts.length + " slots, this projection's delay needs " + slots.length
          + "; the delays differ from those of the network saved");
    }
    int at = 0;
    for (int k = 0; k < slots.length; k++) {
      slots[k] = java.util.Arrays.copyOfRange(flat, at, at + Math.max(counts[k], 16));
      at += counts[k];
    }
    int[] sizes = perSynapse() ? bucketSizes : historyCounts;
    System.arraycopy(counts, 0, sizes, 0, counts.length);
    cursor = (int) savedCursor;
  }

  /** Forgets the spikes in flight: the buffers are rebuilt, empty, on the next step. */
  void dropInFlight() {
    builtFor = Double.NaN;
  }

  private void clear() {
    steps = 0;
    ms = Double.NaN;
    synapseSteps = null;
    synapseMs = null;
    builtFor = Double.NaN;
  }

  private void checkNotNull(Object perSynapse) {
    java.util.Objects.requireNonNull(perSynapse, () -> "projection " + projection
        + ": the per-synapse delay array is null; pass one delay per synapse, in CSR order");
  }

  private void checkLength(int length) {
    if (length != indices.length) {
      throw new IllegalArgumentException("projection " + projection + " has " + indices.length
          + " synapses, but " + length + " per-synapse delays were given (one per synapse, in"
          + " CSR order: see csr())");
    }
  }

  private void build(double dt) {
    if (dt == builtFor) {
      return;
    }
    builtFor = dt;
    if (perSynapse()) {
      resolvedSynapseSteps = synapseSteps != null ? synapseSteps : new int[synapseMs.length];
      int max = 0;
      for (int k = 0; k < resolvedSynapseSteps.length; k++) {
        if (synapseMs != null) {
          resolvedSynapseSteps[k] = toSteps(synapseMs[k], dt, "synapse " + k + "'s delay");
        }
        max = Math.max(max, resolvedSynapseSteps[k]);
      }
      checkMemory((max + 1L) * (16L * Integer.BYTES + 16), max);
      buckets = new int[max + 1][16];
      bucketSizes = new int[max + 1];
      cursor = 0;
    } else {
      resolvedSteps = Double.isNaN(ms) ? steps : toSteps(ms, dt, "the delay");
      checkMemory((resolvedSteps + 1L) * (16L * Integer.BYTES + 20), resolvedSteps);
      history = new int[resolvedSteps + 1][16];
      historyCounts = new int[resolvedSteps + 1];
      cursor = 0;
    }
  }

  /**
   * Refuses a delay whose ring of past spikes (one slot per step of delay) would not fit in the
   * heap, before allocating it: a bare OutOfMemoryError would not say which delay was too long.
   */
  private void checkMemory(long bytes, int delaySteps) {
    long heap = Memory.heap();
    if (bytes > heap) {
      throw new IllegalArgumentException("projection " + projection + ": a delay of " + delaySteps
          + " steps needs a buffer of " + Memory.format(bytes) + " (one slot per step of delay), more "
          + "than this JVM's heap of " + Memory.format(heap) + "; use a shorter delay or a larger dt, "
          + "or raise the heap with -Xmx");
    }
  }

  /** A multiple of dt as the decimal the user would type: 0.3, not 0.30000000000000004. */
  static String decimal(double ms) {
    return new java.math.BigDecimal(ms).round(new java.math.MathContext(12)).stripTrailingZeros()
        .toPlainString();
  }

  private int toSteps(double delayMs, double dt, String what) {
    double exact = delayMs / dt;
    if (exact > MAX_STEPS) {
      throw new IllegalArgumentException("projection " + projection + ": " + what + " of "
          + delayMs + " ms is " + String.format(java.util.Locale.ROOT, "%.3g", exact)
          + " steps of dt = " + dt + " ms; a delay can be at most " + MAX_STEPS + " steps ("
          + String.format(java.util.Locale.ROOT, "%.6g", MAX_STEPS * dt) + " ms at this dt)");
    }
    long rounded = Math.round(exact);
    if (Math.abs(exact - rounded) > 1e-6 * Math.max(1, exact)) {
      long below = (long) Math.floor(exact);
      throw new IllegalArgumentException("projection " + projection + ": " + what + " of "
          + delayMs + " ms is not a whole number of steps of dt = " + dt + " ms; use "
          + decimal(below * dt) + " or " + decimal((below + 1) * dt) + " ms");
    }
    return (int) rounded;
  }
}
