package io.brainstem.sweep;

import io.brainstem.math.Rng;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parameter sweep on one machine: a list of {@link SweepPoint points} run in parallel over the
 * cores.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.builder()
 *     .grid("E.input", 10, 15, 20, 25)
 *     .grid("E.tau", 10, 20)             // 8 points; the last parameter varies fastest
 *     .seed(7)
 *     .build();
 * SweepResult<NetworkRuns.Outcome> result = sweep.run(
 *     NetworkRuns.of(seed -> new EINet(seed)).duration(500).monitors("E.spike"));
 * result.writeCsv(Path.of("out/sweep.csv"));
 * }</pre>
 *
 * <ul>
 *   <li>Seeds: each point's seed is derived from the sweep's seed and the point's index only
 *       ({@link Rng#stream}), so a point gives the same result whichever worker runs it, and runs
 *       of the same sweep are reproducible. {@link Builder#sameSeed} gives every point the sweep's
 *       seed instead (common random numbers: the same network at every parameter value).
 *   <li>Failures: a point that throws is recorded with its error ({@link SweepResult#failures()})
 *       and the other points go on.
 *   <li>Workers: {@link Builder#workers} threads (default: the available processors), each running
 *       one point at a time; a point's runner should then step on one thread.
 * </ul>
 */
public final class Sweep {
  private final List<SweepPoint> points;
  private final int workers;
  private final PrintStream progress;

  private Sweep(Builder b) {
    this.workers = b.workers;
    this.progress = b.progress;
    List<Map<String, Double>> values = b.list != null ? b.list : grid(b.grid);
    List<SweepPoint> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      long seed = b.sameSeed ? b.seed : Rng.stream(b.seed, i).nextLong();
      out.add(new SweepPoint(i, values.get(i), seed));
    }
    this.points = List.copyOf(out);
  }

  private Sweep(List<SweepPoint> points, int workers, PrintStream progress) {
    this.points = List.copyOf(points);
    this.workers = workers;
    this.progress = progress;
  }

  /** A builder of a sweep. */
  public static Builder builder() {
    return new Builder();
  }

  /** The points, in order. */
  public List<SweepPoint> points() {
    return points;
  }

  /**
   * This sweep's share for one of {@code ranks} processes: the points whose index is {@code rank}
   * modulo {@code ranks}, with their indices and seeds unchanged, so each gives the result it gives
   * in the whole sweep. The shares of ranks {@code 0 .. ranks - 1} partition the points.
   *
   * @throws IllegalArgumentException unless {@code 0 <= rank < ranks}
   */
  public Sweep share(int rank, int ranks) {
    if (ranks < 1 || rank < 0 || rank >= ranks) {
      throw new IllegalArgumentException("rank " + rank + " of " + ranks + " ranks: need 0 <= rank < ranks");
    }
    List<SweepPoint> mine = new ArrayList<>();
    for (SweepPoint p : points) {
      if (p.index() % ranks == rank) {
        mine.add(p);
      }
    }
    return new Sweep(mine, workers, progress);
  }

  /** The number of worker threads. */
  public int workers() {
    return workers;
  }

  /**
   * Runs {@code task} at every point, {@link #workers()} points at a time, and returns every
   * point's outcome in point order once all have finished.
   *
   * @throws InterruptedException if this thread is interrupted while waiting; the points still
   *     running are interrupted and the sweep ends without a result
   */
  public <R> SweepResult<R> run(SweepTask<R> task) throws InterruptedException {
    Objects.requireNonNull(task, "task is null; pass what to run at each point");
    if (points.isEmpty()) { // a share with no points (more ranks than points)
      return new SweepResult<>(List.of(), 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, points.size()),
        r -> {
          Thread t = new Thread(r, "brainstem-sweep");
          t.setDaemon(true);
          return t;
        });
    long start = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    try {
      List<Future<SweepResult.Outcome<R>>> futures = new ArrayList<>();
      for (SweepPoint p : points) {
        futures.add(pool.submit(() -> {
          SweepResult.Outcome<R> o = runOne(task, p);
          report(done.incrementAndGet(), o.failed() ? failed.incrementAndGet() : failed.get(), start);
          return o;
        }));
      }
      List<SweepResult.Outcome<R>> outcomes = new ArrayList<>(points.size());
      for (Future<SweepResult.Outcome<R>> f : futures) {
        try {
          outcomes.add(f.get());
        } catch (ExecutionException e) { // runOne records everything; this is a bug in the sweep
          throw new IllegalStateException("sweep worker failed outside its point", e.getCause());
        }
      }
      return new SweepResult<>(outcomes, (System.nanoTime() - start) * 1e-9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> SweepResult.Outcome<R> runOne(SweepTask<R> task, SweepPoint p) {
    long t0 = System.nanoTime();
    try {
      R value = task.run(p);
      return new SweepResult.Outcome<>(p, value, null, (System.nanoTime() - t0) * 1e-9);
    } catch (Throwable e) { // recorded per point: one bad point must not end the sweep
      return new SweepResult.Outcome<>(p, null, e, (System.nanoTime() - t0) * 1e-9);
    }
  }

  private synchronized void report(int done, int failed, long start) {
    if (progress == null) {
      return;
    }
    double elapsed = (System.nanoTime() - start) * 1e-9;
    double left = elapsed / done * (points.size() - done);
    progress.printf(Locale.ROOT, "Sweep %d/%d points%s, %.1f s, about %.0f s left%n", done,
        points.size(), failed > 0 ? " (" + failed + " failed)" : "", elapsed, left);
    progress.flush();
  }

  /** The cartesian product of the axes, the last axis varying fastest. */
  private static List<Map<String, Double>> grid(Map<String, double[]> axes) {
    List<Map<String, Double>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, double[]> axis : axes.entrySet()) {
      List<Map<String, Double>> next = new ArrayList<>(out.size() * axis.getValue().length);
      for (Map<String, Double> partial : out) {
        for (double v : axis.getValue()) {
          Map<String, Double> m = new LinkedHashMap<>(partial);
          m.put(axis.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  /** Builds a {@link Sweep}: a grid ({@link #grid}) or an explicit list of points ({@link #points}). */
  public static final class Builder {
    private final Map<String, double[]> grid = new LinkedHashMap<>();
    private List<Map<String, Double>> list;
    private long seed = 42;
    private boolean sameSeed;
    private int workers = Runtime.getRuntime().availableProcessors();
    private PrintStream progress;

    private Builder() {}

    /**
     * Adds a grid axis: the sweep runs every combination of the axes' values, the last axis added
     * varying fastest.
     *
     * @throws IllegalArgumentException for an empty or duplicate axis, a non-finite value, or when
     *     {@link #points} was used
     */
    public Builder grid(String name, double... values) {
      Objects.requireNonNull(name, "parameter name is null");
      if (list != null) {
        throw new IllegalArgumentException("this sweep lists its points; use grid(...) or points(...), not both");
      }
      if (values == null || values.length == 0) {
        throw new IllegalArgumentException("grid axis '" + name + "' has no values; give at least one");
      }
      for (double v : values) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("grid axis '" + name + "' has a non-finite value " + v);
        }
      }
      if (grid.putIfAbsent(name, values.clone()) != null) {
        throw new IllegalArgumentException("grid axis '" + name + "' is given twice; give all its values at once");
      }
      return this;
    }

    /**
     * Gives the points explicitly, each a map from parameter name to value, all with the same names.
     *
     * @throws IllegalArgumentException for no points, points with different names, or when
     *     {@link #grid} was used
     */
    public Builder points(List<Map<String, Double>> points) {
      if (!grid.isEmpty()) {
        throw new IllegalArgumentException("this sweep has grid axes; use grid(...) or points(...), not both");
      }
      if (points == null || points.isEmpty()) {
        throw new IllegalArgumentException("points is empty; give at least one point");
      }
      var names = points.get(0).keySet();
      for (int i = 0; i < points.size(); i++) {
        if (!points.get(i).keySet().equals(names)) {
          throw new IllegalArgumentException("point " + i + " has parameters " + points.get(i).keySet()
              + " but point 0 has " + names + "; give every point the same parameters");
        }
      }
      this.list = List.copyOf(points);
      return this;
    }

    /** The sweep's seed, from which every point's seed is derived (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether every point uses the sweep's seed itself instead of a derived one (default false). */
    public Builder sameSeed(boolean same) {
      this.sameSeed = same;
      return this;
    }

    /**
     * The number of points run at once (default: the available processors).
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder workers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + n);
      }
      this.workers = n;
      return this;
    }

    /** Prints a line per finished point (done, failed, elapsed, time left) to {@code out}. */
    public Builder progressTo(PrintStream out) {
      this.progress = Objects.requireNonNull(out, "out");
      return this;
    }

    /**
     * The sweep.
     *
     * @throws IllegalArgumentException if no grid axis and no points were given
     */
    public Sweep build() {
      if (grid.isEmpty() && list == null) {
        throw new IllegalArgumentException("the sweep has no points; add grid(name, values...) or points(...)");
      }
      return new Sweep(this);
    }
  }
}
