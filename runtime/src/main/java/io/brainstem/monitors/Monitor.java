package io.brainstem.monitors;

import io.brainstem.network.Network;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What to record: a variable path (optionally some of its elements) or a callable probe, every step
 * or every k-th step, always or inside a time window. Results are read by name from
 * {@link MonitorResults}; the name is the path as given ({@code "E.spike"}) unless set with
 * {@link #named}.
 *
 * <pre>{@code
 * Monitor.of("E.spike")                         // spike events; dense boolean[T][N] on request
 * Monitor.of("E.V", 0, 1, 2)                    // double[T][3]
 * Monitor.of("E.V").every(10).window(100, 200)  // every 10th step with 100 <= t < 200 ms
 * Monitor.probe("meanV", net -> mean(net.group("E").doubles("V")))
 * }</pre>
 *
 * <p>A step k is recorded when {@code k % every == 0} (k the absolute step, counted from the
 * runner's creation) and its time {@code t = t0 + k·dt} lies in {@code [start, end)} (with a
 * tolerance of 10⁻⁹·dt). Spike monitors store events (row, column), so a sparse raster costs memory
 * in proportion to its spikes, not to T × N.
 */
public final class Monitor {
  private final String path; // null for probes
  private final String name;
  private final int[] indices; // null: every element
  private final int[] pairPre; // non-null: synapses selected by (pre, post), resolved at bind
  private final int[] pairPost;
  private final ScalarProbe scalarProbe;
  private final ArrayProbe arrayProbe;
  private final int every;
  private final double start;
  private final double end;

  private Monitor(String path, String name, int[] indices, ScalarProbe scalarProbe,
      ArrayProbe arrayProbe, int every, double start, double end) {
    this(path, name, indices, null, null, scalarProbe, arrayProbe, every, start, end);
  }

  private Monitor(String path, String name, int[] indices, int[] pairPre, int[] pairPost,
      ScalarProbe scalarProbe, ArrayProbe arrayProbe, int every, double start, double end) {
    this.path = path;
    this.name = name;
    this.indices = indices;
    this.pairPre = pairPre;
    this.pairPost = pairPost;
    this.scalarProbe = scalarProbe;
    this.arrayProbe = arrayProbe;
    this.every = every;
    this.start = start;
    this.end = end;
  }

  private Monitor with(String newName, int newEvery, double newStart, double newEnd) {
    return new Monitor(path, newName, indices, pairPre, pairPost, scalarProbe, arrayProbe,
        newEvery, newStart, newEnd);
  }

  /** Records every element of the variable at {@code path}. */
  public static Monitor of(String path) {
    return new Monitor(checkPath(path), path, null, null, null, 1,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** Records the given elements of the variable at {@code path}, in the order given. */
  public static Monitor of(String path, int... indices) {
    checkPath(path);
    Objects.requireNonNull(indices, () -> "monitor " + path + ": the indices array is null; pass "
        + "element indices, or use Monitor.of(path) for all elements");
    if (indices.length == 0) {
      throw new IllegalArgumentException(
          "monitor " + path + ": give at least one index, or use Monitor.of(path) for all elements");
    }
    for (int i : indices) {
      if (i < 0) {
        throw new IllegalArgumentException("monitor " + path + ": index " + i + " is negative");
      }
    }
    return new Monitor(path, path, indices.clone(), null, null, 1,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * Records the synapses from {@code pre[c]} to {@code post[c]} of a projection's
   * {@code @PerSynapse} variable at {@code path} (e.g. {@code "E2I.w"}), column {@code c} for pair
   * {@code c}. The pairs are resolved to synapse indices (CSR positions) when the runner is built,
   * which throws, naming the projection, for a pair that is not connected; with several synapses
   * between one pair, the first in CSR order is recorded. To record synapses by index instead, use
   * {@link #of(String, int...)}; {@code Projection.synapseIndex(pre, post)} gives an index.
   */
  public static Monitor synapses(String path, int[] pre, int[] post) {
    checkPath(path);
    Objects.requireNonNull(pre, () -> "monitor " + path + ": the pre array is null");
    Objects.requireNonNull(post, () -> "monitor " + path + ": the post array is null");
    if (pre.length != post.length || pre.length == 0) {
      throw new IllegalArgumentException("monitor " + path + ": give one post index per pre index"
          + " and at least one pair, got " + pre.length + " pre and " + post.length + " post");
    }
    return new Monitor(path, path, null, pre.clone(), post.clone(), null, null, 1,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** A callable monitor recording one number per recorded step ({@code double[T][1]}). */
  public static Monitor probe(String name, ScalarProbe probe) {
    checkName(name);
    Objects.requireNonNull(probe, "probe");
    return new Monitor(null, name, null, probe, null, 1,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** A callable monitor recording an array per recorded step ({@code double[T][n]}). */
  public static Monitor probeArray(String name, ArrayProbe probe) {
    checkName(name);
    Objects.requireNonNull(probe, "probe");
    return new Monitor(null, name, null, null, probe, 1,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  private static String checkPath(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a monitor needs a variable path such as 'E.spike', got " + path);
    }
    return path;
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("monitor name must be non-blank, got " + name);
    }
  }

  /** The same monitor stored under {@code name}, e.g. to record two subsets of one variable. */
  public Monitor named(String name) {
    checkName(name);
    return with(name, every, start, end);
  }

  /** Records only every {@code k}-th step (absolute steps divisible by k); k ≥ 1. */
  public Monitor every(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("monitor " + name + ": every(k) needs k >= 1, got " + k);
    }
    return with(name, k, start, end);
  }

  /** Records only steps whose time t (ms, the start of the step) lies in {@code [start, end)}. */
  public Monitor window(double start, double end) {
    if (Double.isNaN(start) || Double.isNaN(end) || !(start < end)) {
      throw new IllegalArgumentException(
          "monitor " + name + ": window needs start < end (ms), got [" + start + ", " + end + ")");
    }
    return with(name, every, start, end);
  }

  /** The dotted path of the recorded variable, or null for a probe. */
  public String path() {
    return path;
  }

  /** The key of this monitor's records in {@link MonitorResults}. */
  public String name() {
    return name;
  }

  /** The recorded element indices, or null when every element is recorded. */
  public int[] indices() {
    return indices == null ? null : indices.clone();
  }

  /** The recording stride in steps. */
  public int every() {
    return every;
  }

  /** The window start in ms ({@code -Infinity} when unbounded). */
  public double windowStart() {
    return start;
  }

  /** The window end in ms ({@code Infinity} when unbounded). */
  public double windowEnd() {
    return end;
  }

  /**
   * Resolves the path and checks the indices against {@code network}.
   *
   * @throws IllegalArgumentException on an unknown path (naming the closest valid path) or an index
   *     outside the variable
   */
  public Recorder bind(Network network) {
    return bind(network, null);
  }

  /**
   * As {@link #bind(Network)}, but with {@code streams} non-null the recorder writes its rows to
   * files in their directory as the run goes (see {@link Streams} for the layout) and keeps nothing
   * in memory that grows with the run.
   *
   * @throws IllegalArgumentException also when the monitor's file name is taken or not a valid name
   * @throws java.io.UncheckedIOException when a file cannot be created (the message names it)
   */
  public Recorder bind(Network network, Streams streams) {
    Objects.requireNonNull(network, "network");
    if (scalarProbe != null || arrayProbe != null) {
      return streams == null ? new ProbeRecorder(this, network, scalarProbe, arrayProbe)
          : new ProbeRecorder(this, network, scalarProbe, arrayProbe, streams);
    }
    Variable v = network.variable(path);
    int[] indices = pairPre == null ? this.indices : synapseIndices(network, v);
    if (indices != null) {
      for (int i : indices) {
        if (i >= v.size()) {
          throw new IllegalArgumentException(
              "monitor " + name + ": index " + i + " is out of range for " + v.path() + " of size "
                  + v.size() + " (valid: 0.." + (v.size() - 1) + ")");
        }
      }
    }
    if (v.isBoolean()) {
      return streams == null ? new SpikeRecorder(this, v.booleans(), indices)
          : new SpikeRecorder(this, v.booleans(), indices, streams);
    }
    return streams == null ? new ValueRecorder(this, v, indices)
        : new ValueRecorder(this, v, indices, streams);
  }

  /** The synapse index of each (pre, post) pair of a projection's per-synapse variable. */
  private int[] synapseIndices(Network network, Variable v) {
    Projection projection = network.projections().stream()
        .filter(p -> p.name().equals(v.owner())).findFirst().orElseThrow(() ->
            new IllegalArgumentException("monitor " + name + ": (pre, post) pairs select synapses,"
                + " but " + v.owner() + " is a group, not a projection; use Monitor.of(\"" + path
                + "\", indices)"));
    if (!projection.isPerSynapse(v.name())) {
      throw new IllegalArgumentException("monitor " + name + ": (pre, post) pairs select synapses,"
          + " but " + v.path() + " is not a @PerSynapse variable (it has one value per "
          + (v.size() == projection.pre().size() && projection.isPerPre(v.name())
              ? "presynaptic" : "postsynaptic") + " neuron); use Monitor.of(\"" + path
          + "\", indices)");
    }
    int[] out = new int[pairPre.length];
    for (int c = 0; c < out.length; c++) {
      try {
        out[c] = projection.synapseIndex(pairPre[c], pairPost[c]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("monitor " + name + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    String what = path != null ? path + (indices == null ? "" : Arrays.toString(indices))
        + (pairPre == null ? "" : " pairs pre " + Arrays.toString(pairPre) + " post "
            + Arrays.toString(pairPost)) : "probe";
    return "Monitor(" + what + (name.equals(path) ? "" : " as " + name)
        + (every == 1 ? "" : ", every " + every)
        + (start == Double.NEGATIVE_INFINITY && end == Double.POSITIVE_INFINITY ? ""
            : ", window [" + start + ", " + end + ")")
        + ")";
  }
}
