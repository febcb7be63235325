package io.brainstem.monitors;

import io.brainstem.network.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a run, BrainPy's {@code runner.mon}: {@link #ts()} and one record per monitor.
 * {@code ts[k]} is the time at the <em>start</em> of step k, {@code t0 + (first + k)·dt}, while the
 * recorded values are those <em>after</em> the step.
 *
 * <ul>
 *   <li>value monitors: {@link #values} gives {@code double[rows][n]}, step first; a monitor with
 *       {@code every(k)} or a window has fewer rows than {@code ts}, at {@link #times(String)};
 *   <li>spike monitors: {@link #events} gives the {@link SpikeEvents} (times, indices, rates), and
 *       {@link #spikes} the dense {@code boolean[rows][N]} view, built on first request;
 *   <li>{@link #indices} gives the element index of each column (the monitor's index list);
 *   <li>{@link #get} returns either kind, typed by (and checked against) the assignment.
 * </ul>
 *
 * Arrays are returned as stored, not copied (they can be large); don't modify them.
 *
 * <p>Streamed monitors ({@code RunnerBuilder.streamTo}) are read from their files on first request
 * and kept from then on; the results of a run show the rows the files held when it ended.
 */
public final class MonitorResults {
  private double[] ts; // null until read, for streamed results
  private final RecordFile tsFile; // streamed: where ts is; null in memory
  private final long tsFrom;
  private final long steps;
  private final long tsGeneration;
  private final long firstStep; // in memory without a ts array: ts[k] = t0 + (firstStep + k)·dt
  private final double t0;
  private final double dt;
  private final Map<String, Snapshot> sources = new LinkedHashMap<>();
  private final Map<String, Object> records = new LinkedHashMap<>();
  private final Map<String, double[]> times = new LinkedHashMap<>();
  private final Map<String, boolean[][]> dense = new LinkedHashMap<>();

  /**
   * Collects the current records of {@code recorders}.
   *
   * @param ts the start time of every step run (of this run, or of all runs when appending)
   * @param dt the step in ms
   */
  public MonitorResults(double[] ts, double dt, List<Recorder> recorders) {
    this.ts = ts;
    this.tsFile = null;
    this.tsFrom = 0;
    this.steps = ts.length;
    this.tsGeneration = 0;
    this.firstStep = 0;
    this.t0 = 0;
    this.dt = dt;
    collect(recorders);
  }

  /**
   * The in-memory records of {@code recorders} for absolute steps {@code firstStep ..
   * firstStep + steps − 1}, whose {@code ts} ({@code t0 + k·dt}) is computed on first request
   * rather than stored, so a run allocates nothing per step for it.
   */
  public MonitorResults(long firstStep, long steps, double t0, double dt, List<Recorder> recorders) {
    this.ts = null;
    this.tsFile = null;
    this.tsFrom = 0;
    this.steps = steps;
    this.tsGeneration = 0;
    this.firstStep = firstStep;
    this.t0 = t0;
    this.dt = dt;
    collect(recorders);
  }

  /**
   * The records of (streamed or in-memory) {@code recorders}, with {@code ts} the rows
   * {@code from ..} (to its current end) of the runner's {@code ts} file. Streamed records are read
   * from their files on first request and then kept; in-memory records are taken now.
   */
  public MonitorResults(RecordFile ts, long from, double dt, List<Recorder> recorders) {
    this.tsFile = ts;
    this.tsFrom = from;
    this.steps = ts.rows() - from;
    this.tsGeneration = ts.generation();
    this.firstStep = 0;
    this.t0 = 0;
    this.dt = dt;
    collect(recorders);
  }

  /**
   * A streamed monitor's files as read back from a stream directory, for {@link #fromFiles}: its
   * row times ({@code ts} or its own), and its rows ({@code data}, 2-D) or spike times
   * ({@code data}) and columns ({@code spikeColumns}); {@code indices} is the element index of each
   * column (null for a probe), {@code width} the number of columns.
   */
  public record StoredMonitor(String name, boolean spike, int[] indices, RecordFile rowTimes, RecordFile data,
      RecordFile spikeColumns, int width) {}

  /**
   * The records of a stream directory read back ({@code NpyDirectory.read}): every row of
   * {@code ts} and of each monitor's files, read on first request.
   */
  public static MonitorResults fromFiles(RecordFile ts, double dt, List<StoredMonitor> monitors) {
    MonitorResults results = new MonitorResults(ts, 0, dt, List.of());
    for (StoredMonitor m : monitors) {
      if (results.sources.put(m.name(), stored(m)) != null) {
        throw new IllegalArgumentException("two monitors are named '" + m.name() + "'");
      }
    }
    return results;
  }

  private static Snapshot stored(StoredMonitor m) {
    return new Snapshot(m.spike(), m.indices()) {
      @Override
      double[] times() {
        return m.rowTimes().readDoubles(0, m.rowTimes().rows());
      }

      @Override
      boolean timesAre(RecordFile file, long from, long to) {
        return file == m.rowTimes() && from == 0 && to == file.rows();
      }

      @Override
      Object data(double[] t, double dt) {
        return m.spike()
            ? SpikeRecorder.read(m.name(), m.data(), m.spikeColumns(), 0, m.data().rows(), t, m.width(), dt)
            : m.data().readRows(0, m.data().rows());
      }
    };
  }

  private void collect(List<Recorder> recorders) {
    for (Recorder r : recorders) {
      if (sources.put(r.name(), r.snapshot(dt)) != null) {
        throw new IllegalArgumentException("two monitors are named '" + r.name() + "'");
      }
    }
  }

  /** The time at the start of each step, in ms. */
  public double[] ts() {
    if (ts == null && tsFile == null) {
      double[] computed = new double[steps()];
      for (int k = 0; k < computed.length; k++) {
        computed[k] = t0 + (firstStep + k) * dt;
      }
      ts = computed;
    }
    if (ts == null) {
      if (tsFile.generation() != tsGeneration) {
        throw new IllegalStateException("the step times were dropped by reset() after these results were made, "
            + "and " + tsFile.path() + " now holds a new recording; read results before calling reset()");
      }
      steps();
      ts = tsFile.readDoubles(tsFrom, tsFrom + steps);
    }
    return ts;
  }

  /** The step in ms. */
  public double dt() {
    return dt;
  }

  /** Number of steps in {@link #ts()}. */
  public int steps() {
    if (steps > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("these results span " + steps + " steps, more than an array holds; "
          + (tsFile == null ? "record fewer steps (e.g. MonitorMode.REPLACE, or reset())"
              : "read " + tsFile.path() + " in parts (e.g. numpy.load(..., mmap_mode='r'))"));
    }
    return (int) steps;
  }

  /** Monitor names in the order given to the runner. */
  public List<String> names() {
    return List.copyOf(sources.keySet());
  }

  /** Whether a monitor of this name was recorded. */
  public boolean contains(String name) {
    return sources.containsKey(name);
  }

  /** Whether monitor {@code name} records spikes. */
  public boolean isSpike(String name) {
    return source(name).isSpike();
  }

  /**
   * The records of monitor {@code name}, typed by the assignment: {@code boolean[][]} (the dense
   * spikes, as {@link #spikes}) for a spike monitor, {@code double[][]} (as {@link #values})
   * otherwise. Prefer those typed accessors; this one is BrainPy's {@code mon['E.spike']}.
   *
   * <pre>{@code
   * boolean[][] s = mon.get("E.spike");
   * double[][] v = mon.get("E.V");
   * }</pre>
   *
   * <p>Leave {@code typeHint} empty: Java fills it with an empty array of the type assigned to, and
   * {@code get} checks the monitor against it, so {@code double[][] v = mon.get("E.spike")} throws
   * an {@link IllegalArgumentException} naming the monitor's type and the accessor to use instead of
   * a {@link ClassCastException}. With no target type ({@code var}, {@code Object}) nothing is
   * checked.
   */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public final <T> T get(String name, T... typeHint) {
    if (typeHint == null || typeHint.length > 0) {
      throw new IllegalArgumentException(
          "get(name) takes only the monitor name; Java fills in the type hint from the assignment");
    }
    boolean spike = source(name).isSpike();
    Class<?> wanted = typeHint.getClass().getComponentType();
    if (!wanted.isAssignableFrom(spike ? boolean[][].class : double[][].class)) {
      throw new IllegalArgumentException("monitor '" + name + "' " + kind(name) + ", which cannot be read as "
          + wanted.getSimpleName() + "; " + accessors(name));
    }
    @SuppressWarnings("unchecked")
    T typed = (T) (spike ? spikes(name) : values(name));
    return typed;
  }

  /**
   * The element index of each column of monitor {@code name}: the index list it was given
   * ({@code Monitor.of("E.V", 3, 42)} gives {@code [3, 42]}), or {@code 0..n−1} when it records the
   * whole variable. Column c of {@link #values}, of {@link #spikes} and of {@link SpikeEvents#indices()}
   * is element {@code indices(name)[c]}. Not copied; don't modify.
   *
   * @throws IllegalArgumentException for a probe (its columns are the values it returns, not
   *     elements of a variable; see {@link #isProbe})
   */
  public int[] indices(String name) {
    int[] ids = source(name).indices();
    if (ids == null) {
      throw new IllegalArgumentException("monitor '" + name + "' is a probe: its columns are the values the probe "
          + "returns, not elements of a variable, so it has no indices (check isProbe(name) first)");
    }
    return ids;
  }

  /** Whether monitor {@code name} is a probe ({@code Monitor.probe}/{@code probeArray}) rather than a variable. */
  public boolean isProbe(String name) {
    return source(name).indices() == null;
  }

  /** The time of each recorded row of monitor {@code name} (equal to {@code ts} unless decimated or windowed). */
  public double[] times(String name) {
    return times.computeIfAbsent(name, n -> {
      Snapshot s = source(n);
      // a streamed monitor of every step shares ts rather than reading a second copy
      return tsFile != null && s.timesAre(tsFile, tsFrom, tsFrom + steps) ? ts() : s.times();
    });
  }

  /**
   * Replaces the records of value monitor {@code name} with {@code rows}, column {@code c} being
   * element {@code indices[c]}, keeping its row times and its place among the monitors: for records
   * assembled elsewhere, such as the slices of a distributed run gathered in global order.
   *
   * @throws IllegalArgumentException if {@code name} is not a value monitor of a variable, or
   *     {@code rows} has another number of rows than its row times or another width than {@code
   *     indices}
   */
  public void replaceValues(String name, int[] indices, double[][] rows) {
    Snapshot s = source(name);
    if (s.isSpike() || s.indices() == null) {
      throw new IllegalArgumentException("monitor '" + name + "' " + kind(name)
          + "; only the values of a variable monitor can be replaced");
    }
    double[] t = times(name);
    if (rows.length != t.length) {
      throw new IllegalArgumentException("monitor '" + name + "' has " + t.length + " rows, not " + rows.length);
    }
    for (double[] row : rows) {
      if (row.length != indices.length) {
        throw new IllegalArgumentException("monitor '" + name + "': a row of " + row.length
            + " values for " + indices.length + " indices");
      }
    }
    sources.put(name, Snapshot.of(false, indices.clone(), t, rows));
    records.remove(name);
  }

  /** The spike events of monitor {@code name}. */
  public SpikeEvents events(String name) {
    Object r = lookup(name);
    if (r instanceof SpikeEvents e) {
      return e;
    }
    throw new IllegalArgumentException("monitor '" + name + "' " + kind(name) + ", not spikes; " + accessors(name));
  }

  /** The dense spike record of monitor {@code name}, {@code boolean[rows][N]} (built once, then cached). */
  public boolean[][] spikes(String name) {
    return dense.computeIfAbsent(name, n -> events(n).dense());
  }

  /** The value records of monitor {@code name}, {@code double[rows][n]}. */
  public double[][] values(String name) {
    Object r = lookup(name);
    if (r instanceof double[][] v) {
      return v;
    }
    throw new IllegalArgumentException(
        "monitor '" + name + "' " + kind(name) + ", not double values; " + accessors(name));
  }

  /** What monitor {@code name} records, for error messages. */
  private String kind(String name) {
    Snapshot s = source(name);
    return s.isSpike() ? "records spikes" : s.indices() == null ? "is a probe recording double values"
        : "records double values";
  }

  /** The accessors that fit monitor {@code name}, for error messages. */
  private String accessors(String name) {
    String q = "(\"" + name + "\")";
    return source(name).isSpike()
        ? "use spikes" + q + " (boolean[rows][N]) or events" + q + " (SpikeEvents: times, indices, rates)"
        : "use values" + q + " (double[rows][n]) or column(\"" + name + "\", c) (one column's trace)";
  }

  /** Column {@code c} of value monitor {@code name} over time: one element's trace. */
  public double[] column(String name, int c) {
    double[][] v = values(name);
    int width = v.length == 0 ? 0 : v[0].length;
    if (c < 0 || (v.length > 0 && c >= width)) {
      throw new IllegalArgumentException(
          "monitor " + name + " has " + width + " columns; column " + c + " is out of range");
    }
    double[] trace = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      trace[k] = v[k][c];
    }
    return trace;
  }

  /** The mean over elements of value monitor {@code name}, per recorded row. */
  public double[] mean(String name) {
    double[][] v = values(name);
    double[] m = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      double s = 0;
      for (double x : v[k]) {
        s += x;
      }
      m[k] = v[k].length == 0 ? Double.NaN : s / v[k].length;
    }
    return m;
  }

  /** The population variance over elements (divided by n) of value monitor {@code name}, per row. */
  public double[] variance(String name) {
    double[][] v = values(name);
    double[] m = mean(name);
    double[] var = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      double s = 0;
      for (double x : v[k]) {
        double d = x - m[k];
        s += d * d;
      }
      var[k] = v[k].length == 0 ? Double.NaN : s / v[k].length;
    }
    return var;
  }

  /** The smoothed population rate of spike monitor {@code name} in Hz; see {@link SpikeEvents#populationRate}. */
  public double[] populationRate(String name, double windowMs) {
    return events(name).populationRate(windowMs);
  }

  /** The mean firing rate of spike monitor {@code name} in Hz. */
  public double meanRate(String name) {
    return events(name).meanRate();
  }

  private Object lookup(String name) {
    Object r = records.get(name);
    if (r == null) {
      Snapshot s = source(name);
      r = s.data(times(name), dt);
      records.put(name, r);
    }
    return r;
  }

  private Snapshot source(String name) {
    java.util.Objects.requireNonNull(name, "monitor name is null; pass a name such as \"E.V\"");
    Snapshot s = sources.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "no monitor '" + name + "'" + Names.didYouMean(name, sources.keySet())
              + "; monitors are " + sources.keySet());
    }
    return s;
  }

  /**
   * Unmodifiable view of all records by name ({@code double[][]} or {@link SpikeEvents}); streamed
   * records are read in full first.
   */
  public Map<String, Object> asMap() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (String name : sources.keySet()) {
      all.put(name, lookup(name));
    }
    return Collections.unmodifiableMap(all);
  }
}
