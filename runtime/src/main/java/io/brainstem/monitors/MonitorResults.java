package io.brainstem.monitors;

import io.brainstem.network.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one run, BrainPy's {@code runner.mon}: {@link #ts()} and one array per monitor,
 * with the step as the first index. {@code ts[k]} is the time at the <em>start</em> of step k,
 * {@code t0 + (first + k)·dt}, while the recorded values are those <em>after</em> the step.
 *
 * <p>Arrays are returned as stored, not copied (they can be large).
 */
public final class MonitorResults {
  private final double[] ts;
  private final Map<String, Object> records = new LinkedHashMap<>();

  /** Collects the current records of {@code recorders}, which must have been started with {@code ts.length} steps. */
  public MonitorResults(double[] ts, List<Recorder> recorders) {
    this.ts = ts;
    for (Recorder r : recorders) {
      if (records.put(r.name(), r.records()) != null) {
        throw new IllegalArgumentException("two monitors are named '" + r.name() + "'");
      }
    }
  }

  /** The time at the start of each recorded step, in ms. */
  public double[] ts() {
    return ts;
  }

  /** Number of recorded steps. */
  public int steps() {
    return ts.length;
  }

  /** Monitor names in the order given to the runner. */
  public List<String> names() {
    return List.copyOf(records.keySet());
  }

  /** Whether a monitor of this name was recorded. */
  public boolean contains(String name) {
    return records.containsKey(name);
  }

  /**
   * The records of monitor {@code name}: {@code boolean[T][N]} for spikes, {@code double[T][n]}
   * otherwise, typed by the assignment ({@code boolean[][] s = mon.get("E.spike")}).
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String name) {
    return (T) lookup(name);
  }

  /** The spike records of monitor {@code name}, {@code boolean[T][N]}. */
  public boolean[][] spikes(String name) {
    Object r = lookup(name);
    if (r instanceof boolean[][] s) {
      return s;
    }
    throw new IllegalArgumentException(
        "monitor " + name + " records double values, not spikes; use values(\"" + name + "\")");
  }

  /** The value records of monitor {@code name}, {@code double[T][n]}. */
  public double[][] values(String name) {
    Object r = lookup(name);
    if (r instanceof double[][] v) {
      return v;
    }
    throw new IllegalArgumentException(
        "monitor " + name + " records spikes, not double values; use spikes(\"" + name + "\")");
  }

  private Object lookup(String name) {
    Object r = records.get(name);
    if (r == null) {
      throw new IllegalArgumentException(
          "no monitor '" + name + "'" + Names.didYouMean(name, records.keySet())
              + "; monitors are " + records.keySet());
    }
    return r;
  }

  /** Unmodifiable view of all records by name. */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(records);
  }
}
