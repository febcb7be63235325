package io.brainstem.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The network's phases of a step ({@link StepPhase#ofNetwork()}) on a fixed pool of threads: the
 * caller plus {@code threads − 1} daemon workers.
 *
 * <p>Every group and every projection is cut into {@code threads} contiguous element ranges (for a
 * projection, ranges of its postsynaptic neurons); thread {@code p} updates range {@code p} of each.
 * Each of the phases {@link StepPhase#PROJECTIONS} and {@link StepPhase#GROUPS} ends with a
 * barrier, so no two threads write the same element, and every element sees the same operations in
 * the same order as in the one-thread step (spikes are delivered in ascending presynaptic order
 * within each range).
 * Results are therefore identical for any number of threads.
 *
 * <p>Waiting workers spin briefly, then park; a step allocates nothing. Call {@link #close} to stop
 * the workers (they are daemons, so an unclosed pool does not keep the JVM alive).
 */
public final class ParallelStep implements NetworkStepper {
  /**
   * How long a waiting thread spins before it parks: long enough to catch the other threads of a
   * balanced phase or the caller's short serial work between phases, short enough that a thread
   * waiting for one that the OS has descheduled (a loaded machine) gives its core away instead of
   * burning it (spinning without end cost 10-50 times the step's CPU time there).
   */
  private static final long SPIN_NANOS = 50_000;
  /**
   * Inner range boundaries are multiples of this: of a cache line of doubles (threads then share no
   * line) and of any vector's lane count, so only a group's last range ends in a partial vector and
   * every neuron runs the same kernel (vector or scalar) whatever the thread count.
   */
  private static final int ALIGN = 64;

  private final NeuronGroup[] groups;
  private final Projection[] projections;
  private final int threads;
  /** {@code groupFrom[g][p] .. groupFrom[g][p + 1]}: range p of group g. */
  private final int[][] groupFrom;
  private final int[][] groupEnd; // where each range's spike list ended
  private final int[][] projectionFrom;
  private final Worker[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private Thread caller; // the thread running the phase, published with generation
  /** True while the caller is parked waiting for the workers; the last one to finish unparks it. */
  private volatile boolean callerParked;

  // The current phase, published to the workers by the volatile write of generation.
  private double t;
  private double dt;
  private boolean jit;
  private boolean groupPhase;
  private volatile long generation;
  private volatile Throwable failure;
  private volatile boolean closed;

  /** A pool for {@code network}'s current groups and projections; {@code threads ≥ 1}. */
  public ParallelStep(Network network, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.groups = network.groups().toArray(new NeuronGroup[0]);
    this.projections = network.projections().toArray(new Projection[0]);
    this.groupFrom = new int[groups.length][];
    this.groupEnd = new int[groups.length][threads];
    for (int g = 0; g < groups.length; g++) {
      groupFrom[g] = ranges(groups[g].size(), threads);
    }
    this.projectionFrom = new int[projections.length][];
    for (int q = 0; q < projections.length; q++) {
      projectionFrom[q] = ranges(projections[q].post().size(), threads);
      projections[q].cutRows(projectionFrom[q]); // each range then walks only its synapses
    }
    this.workers = new Worker[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker(w + 1);
      workers[w].thread.start();
    }
  }

  /**
   * {@code threads + 1} boundaries splitting {@code n} elements into equal ranges whose inner
   * boundaries are multiples of {@link #ALIGN}.
   */
  public static int[] ranges(int n, int threads) {
    int[] from = new int[threads + 1];
    for (int p = 1; p < threads; p++) {
      long cut = (long) n * p / threads;
      from[p] = (int) Math.min(n, (cut + ALIGN / 2) / ALIGN
          * ALIGN);
      from[p] = Math.max(from[p], from[p - 1]);
    }
    from[threads] = n;
    return from;
  }

  /** The number of threads, the caller included. */
  @Override
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code phase} on every thread: {@link StepPhase#PROJECTIONS} advances every projection's
   * delay buffers once, then updates range {@code p} of every projection on thread {@code p};
   * {@link StepPhase#GROUPS} likewise for groups; {@link StepPhase#SPIKES} joins each group's
   * per-range spike lists on the caller's thread. Each phase returns once every thread is done.
   */
  @Override
  public void run(StepPhase phase, double t, double dt, boolean jit) {
    switch (phase) {
      case PROJECTIONS -> {
        this.t = t;
        this.dt = dt;
        this.jit = jit;
        for (Projection p : projections) {
          p.beginStep(t, dt); // delays and presynaptic events once per step, before the ranges
        }
        runPhase(false);
      }
      case GROUPS -> {
        this.t = t;
        this.dt = dt;
        this.jit = jit;
        runPhase(true);
      }
      case SPIKES -> {
        for (int g = 0; g < groups.length; g++) {
          groups[g].joinSpikes(groupFrom[g], groupEnd[g], threads);
        }
      }
      default -> throw SerialStep.notOfNetwork(phase);
    }
  }

  private void runPhase(boolean groups) {
    if (closed) {
      throw new IllegalStateException("this ParallelStep is closed");
    }
    groupPhase = groups;
    caller = Thread.currentThread();
    pending.set(workers.length);
    generation++; // publishes the fields above to the workers
    for (Worker w : workers) {
      if (w.parked) {
        LockSupport.unpark(w.thread);
      }
    }
    Throwable own = null;
    try {
      work(0);
    } catch (RuntimeException | Error e) {
      own = e; // still wait for the workers, so the next phase starts with none running
    }
    awaitWorkers();
    Throwable f = failure;
    failure = null;
    if (own != null && f != null && f != own) {
      own.addSuppressed(f);
    }
    f = own != null ? own : f;
    if (f != null) {
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(f);
    }
  }

  /** Waits until every worker has finished the phase: spins, then parks until the last unparks. */
  private void awaitWorkers() {
    if (pending.get() == 0) {
      return;
    }
    long start = System.nanoTime();
    while (pending.get() != 0) {
      if (System.nanoTime() - start < SPIN_NANOS) {
        Thread.onSpinWait();
        continue;
      }
      callerParked = true;
      if (pending.get() != 0) { // re-checked after announcing: the last worker unparks or we see it
        LockSupport.park(this);
      }
      callerParked = false;
    }
  }

  /** Range {@code p} of every projection, or of every group. */
  private void work(int p) {
    if (groupPhase) {
      for (int g = 0; g < groups.length; g++) {
        int[] from = groupFrom[g];
        groupEnd[g][p] = groups[g].update(t, dt, from[p], from[p + 1], jit);
      }
    } else {
      for (int q = 0; q < projections.length; q++) {
        int[] from = projectionFrom[q];
        projections[q].update(t, dt, from[p], from[p + 1], jit);
      }
    }
  }

  /** Stops the workers; further steps throw. */
  @Override
  public void close() {
    closed = true;
    generation++;
    for (Worker w : workers) {
      LockSupport.unpark(w.thread);
    }
  }

  private final class Worker implements Runnable {
    final int part;
    final Thread thread;
    volatile boolean parked;

    Worker(int part) {
      this.part = part;
      this.thread = new Thread(this, "brainstem-step-" + part);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      long seen = 0; // the generation at construction: a step may start before this thread does
      while (true) {
        seen = await(seen);
        if (closed) {
          return;
        }
        try {
          work(part);
        } catch (Throwable e) {
          failure = e;
        }
        if (pending.decrementAndGet() == 0 && callerParked) {
          LockSupport.unpark(caller);
        }
      }
    }

    /** Waits for a generation after {@code seen}: spins, then parks. */
    private long await(long seen) {
      long start = System.nanoTime();
      do {
        long g = generation;
        if (g != seen) {
          return g;
        }
        Thread.onSpinWait();
      } while (System.nanoTime() - start < SPIN_NANOS);
      while (true) {
        parked = true;
        long g = generation; // re-checked after announcing: the stepper unparks or we see it
        if (g != seen) {
          parked = false;
          return g;
        }
        LockSupport.park(this);
        parked = false;
      }
    }
  }
}
