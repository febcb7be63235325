package io.brainstem.network;

import io.brainstem.annotations.Integrator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scalar kernels while the vector kernels compile, and before that, in runs too short to pay for
 * compiling them ({@link #SCALAR_WORK}). Until C2 has compiled them, the Vector API runs
 * in the interpreter and C1 many times slower than scalar code (the seed's EINet, 100 ms: 1.08 s
 * with vector kernels from the first step against 0.09 s scalar, docs/benchmarks-history.md). So, while a
 * kernel warms up, a group runs it on the first {@link #SLICE} vectors of each range only, where
 * its JIT profile builds, and its scalar kernel on the rest; once the slice runs at compiled speed
 * ({@link #COMPILED}) in two windows of {@link #WINDOW} calls in a row (or after {@link #MAX_CALLS}
 * calls), the vector kernel takes whole ranges. Runners
 * ask for it in short runs only ({@code RunnerBuilder.vectorWarmUp}).
 *
 * <p>Only for vector kernels that agree with the scalar ones bit for bit
 * ({@link NeuronKernel#matchesScalar()}): the results then do not depend on when the switch happens,
 * which depends on the JIT's timing. One warm-up per kernel class, integrator and fused form, for
 * the whole JVM, since compiled code is per class: a second network of the same models starts warm.
 *
 * <p>Even on a slice, a fresh JVM's vector kernels cost a run 0.2-0.9 s before they pay (the seed's
 * EINet, 4 000 neurons: 0.25 s for 100 ms against 0.07 s scalar, 0.53 s for 1 s against 0.18 s), so
 * a run starts with no vector code at all while the JVM's scalar runs, this one included, add up to
 * at most {@link #SCALAR_WORK} neuron-steps and none of its kernel classes has run vector code yet
 * ({@link #scalarRun}).
 */
public final class VectorWarmUp {
  /** Vectors per range on the vector kernel while it warms up. */
  public static final int SLICE = 2;
  /**
   * The slice counts as compiled when it takes at most this many times the scalar part's time per
   * element, plus {@link #CALL_NANOS} per call: C2's code runs a slice in 0.05-0.2 µs (mostly the
   * call's own cost), C1's and the interpreter's in 5-60 µs (docs/benchmarks-history.md, "Vector kernels
   * warm up on a slice").
   */
  static final double COMPILED = 4;
  /** The allowance per call for a slice's fixed cost (group-wide constants, the loop's entry). */
  static final long CALL_NANOS = 250;
  /** Calls per comparison of the slice's time per element with the scalar part's. */
  static final int WINDOW = 16;
  /** Calls after which the vector kernel takes whole ranges whatever the timings say. */
  static final int MAX_CALLS = 1 << 15;
  /** Warmed up: whole ranges on the vector kernel, no timing (kernels that do not match scalar). */
  public static final VectorWarmUp DONE = new VectorWarmUp(true);

  /**
   * The neuron-steps (steps x neurons) of a JVM's runs with scalar kernels in place of vector ones
   * that have not run yet: where vector kernels matching the scalar ones start to pay for their
   * compilation in a fresh JVM, with a margin for the model whose scalar kernel is slowest against
   * its vector one (COBA, about 3x: it breaks even near 8e7 at 4 000 neurons; EINet and CUBA
   * later; docs/benchmarks-history.md, "Scalar runs first").
   */
  public static final long SCALAR_WORK = 60_000_000L;
  /** The property that sets another limit than {@link #SCALAR_WORK} (0: no scalar runs). */
  public static final String SCALAR_WORK_PROPERTY = "brainstem.scalarWork";

  private static final ConcurrentHashMap<String, VectorWarmUp> ALL = new ConcurrentHashMap<>();
  /** Kernel classes that ran vector code in this JVM (they run it from then on). */
  private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
  /** The neuron-steps the JVM's runs took on scalar kernels in place of vector ones. */
  private static long scalarWork;
  /** {@link #SCALAR_WORK} or {@code -Dbrainstem.scalarWork}. */
  private static long scalarLimit = scalarLimit();

  private volatile boolean done;
  private int calls;
  private int window;
  private int fasterWindows;
  private long vectorNanos;
  private long vectorElements;
  private long scalarNanos;
  private long scalarElements;

  private VectorWarmUp(boolean done) {
    this.done = done;
  }

  /**
   * A group's or projection's side: whether a runner asked for the warm-up, and the warm-up its
   * kernel had for the last integrator and fused form (looked up again when either changes).
   */
  static final class Slot {
    private boolean on;
    private VectorWarmUp chosen;
    private Integrator method;
    private boolean fused;

    /** Set by runners before each run; forgets the last choice. */
    void on(boolean on) {
      this.on = on;
      this.chosen = null;
    }

    /** Whether a runner asked for the warm-up. */
    boolean isOn() {
      return on;
    }

    /**
     * {@code kernel}'s warm-up (only when {@link #isOn()}), {@link #DONE} when it does not match
     * scalar.
     */
    VectorWarmUp of(Object kernel, boolean matchesScalar, Integrator method, boolean fused) {
      VectorWarmUp w = chosen;
      if (w == null || this.method != method || this.fused != fused) {
        w = matchesScalar ? VectorWarmUp.of(kernel, method + (fused ? "/fused" : "")) : DONE;
        this.method = method;
        this.fused = fused;
        chosen = w;
      }
      return w;
    }

    /** Whether the last step ran a slice. */
    boolean warming() {
      VectorWarmUp w = chosen;
      return on && w != null && !w.done();
    }
  }

  /** The JVM's warm-up of {@code kernel}'s {@code variant} (e.g. its integrator and fused form). */
  static VectorWarmUp of(Object kernel, String variant) {
    return ALL.computeIfAbsent(kernel.getClass().getName() + '/' + variant,
        k -> new VectorWarmUp(false));
  }

  /**
   * Whether a run of {@code work} neuron-steps runs {@code kernels} (vector kernels matching the
   * scalar ones bit for bit, none null) scalar: when none of their classes has run vector code in
   * this JVM and the JVM's scalar runs, this one included, stay within {@link #SCALAR_WORK} (or
   * {@code -Dbrainstem.scalarWork}), unless
   * not {@code allowed}. Counts the run's work when it says yes, marks the classes as started
   * when it says no.
   */
  static synchronized boolean scalarRun(java.util.List<?> kernels, long work, boolean allowed) {
    if (kernels.isEmpty()) {
      return false;
    }
    boolean fresh = kernels.stream().noneMatch(k -> STARTED.contains(k.getClass().getName()));
    if (allowed && fresh && work <= scalarLimit - scalarWork) {
      scalarWork += work;
      return true;
    }
    kernels.forEach(k -> STARTED.add(k.getClass().getName()));
    return false;
  }

  /** Whether the vector kernel takes whole ranges. */
  public boolean done() {
    return done;
  }

  /**
   * The end of the vector kernel's part of {@code [from, to)}: the whole vectors, or while warming
   * up the first {@link #SLICE} elements of them; the scalar kernel runs the rest.
   */
  public int vectorEnd(int from, int to, int lanes) {
    int whole = to - (to - from) % lanes;
    return done ? whole : Math.min(whole, from + SLICE * lanes);
  }

  /** {@link System#nanoTime()} while warming up, else 0 (no clock read once warm). */
  public long clock() {
    return done ? 0L : System.nanoTime();
  }

  /**
   * Records one call: the vector kernel ran {@code vectorElements} from {@code start} to {@code
   * split} (both from {@link #clock()}), the scalar kernel {@code scalarElements} from then to now.
   */
  public void record(long start, long split, int vectorElements, int scalarElements) {
    if (start != 0L && split != 0L) {
      long end = System.nanoTime();
      add(split - start, end - split, vectorElements, scalarElements);
    }
  }

  /**
   * As {@link #record(long, long, int, int)} for a projection: the vector kernel ran from {@code
   * start} to {@code split} and from {@code resumed} to now, the scalar loops (with the spike
   * delivery) between.
   */
  public void record(long start, long split, long resumed, int vectorElements,
      int scalarElements) {
    if (start != 0L && split != 0L && resumed != 0L) {
      long end = System.nanoTime();
      add(split - start + end - resumed, resumed - split, vectorElements, scalarElements);
    }
  }

  /** One call's times and elements (package-private for tests). */
  void add(long vectorNanos, long scalarNanos, int vectorElements, int scalarElements) {
    synchronized (this) {
      if (done) {
        return;
      }
      calls++;
      this.vectorNanos += vectorNanos;
      this.vectorElements += vectorElements;
      this.scalarNanos += scalarNanos;
      this.scalarElements += scalarElements;
      if (++window < WINDOW) {
        return;
      }
      // vectorNanos <= COMPILED * (scalarNanos / scalarElements) * vectorElements + allowance
      boolean faster = this.scalarElements > 0
          && (double) this.vectorNanos <= COMPILED * this.scalarNanos * this.vectorElements
              / this.scalarElements + (double) CALL_NANOS * WINDOW;
      fasterWindows = faster ? fasterWindows + 1 : 0;
      window = 0;
      this.vectorNanos = this.scalarNanos = this.vectorElements = this.scalarElements = 0;
      if (fasterWindows >= 2 || calls >= MAX_CALLS) {
        done = true;
      }
    }
  }

  /** Calls recorded so far (for tests). */
  synchronized int calls() {
    return calls;
  }

  /** Forgets every warm-up (for tests: the next runs start cold again, as in a new JVM). */
  static void forgetAll() {
    ALL.clear();
    synchronized (VectorWarmUp.class) {
      STARTED.clear();
      scalarWork = 0;
    }
  }

  /** Sets the limit of scalar runs (for tests; 0: runs keep their vector kernels). */
  static synchronized void scalarWorkLimit(long neuronSteps) {
    scalarLimit = neuronSteps;
  }

  /** Restores the limit the JVM started with (for tests). */
  static synchronized void configuredScalarWorkLimit() {
    scalarLimit = scalarLimit();
  }

  private static long scalarLimit() {
    String value = System.getProperty(SCALAR_WORK_PROPERTY);
    if (value == null || value.isBlank()) {
      return SCALAR_WORK;
    }
    try {
      long limit = Long.parseLong(value.trim().replace("_", ""));
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("-D" + SCALAR_WORK_PROPERTY + "=" + value
        + ": expected a number of neuron-steps >= 0 (0: vector kernels from the first run)");
  }

  /** Ends every warm-up now (for tests: the switch at a chosen step). */
  static void finishAll() {
    ALL.values().forEach(w -> w.done = true);
  }

  /** Calls recorded by every warm-up of the JVM (for tests). */
  static int recordedCalls() {
    return ALL.values().stream().mapToInt(VectorWarmUp::calls).sum();
  }
}
