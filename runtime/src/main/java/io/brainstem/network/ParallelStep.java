package io.brainstem.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The network's phases of a step ({@link StepPhase#ofNetwork()}) on a fixed pool of threads: the
 * caller plus {@code threads − 1} daemon workers.
 *
 * <p>Every group and every projection is cut into {@code threads × }{@link #CHUNKS_PER_THREAD}
 * contiguous element chunks (for a projection, chunks of its postsynaptic neurons); chunk {@code c}
 * of a phase updates chunk {@code c} of every projection, or of every group. Thread {@code p} first
 * takes its own chunks ({@code p·K .. (p + 1)·K − 1}, so a thread touches the same neurons in both
 * phases of every step), then takes the chunks no other thread has started yet: a thread that the
 * OS has descheduled (a loaded machine) holds the step up by at most one chunk, not by its whole
 * share. Each of the phases {@link StepPhase#PROJECTIONS}, {@link StepPhase#GROUPS} and {@link
 * StepPhase#CLEAR} ends once every chunk is done, so no two threads write the same element, and
 * every element sees the same operations in the same order as in the one-thread step (spikes are
 * delivered in ascending presynaptic order within each chunk; chunk spike lists are joined in
 * chunk order).
 * Results are therefore identical for any number of threads, whoever ran which chunk. Where every
 * projection is {@link Projection#rangeLocal range-local}, {@link #step} runs the projections'
 * and the groups' chunks as one phase (one barrier a step instead of two).
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
   * Inner chunk boundaries are multiples of this: of a cache line of doubles (threads then share no
   * line) and of any vector's lane count, so only a group's last chunk ends in a partial vector and
   * every neuron runs the same kernel (vector or scalar) whatever the thread count.
   */
  private static final int ALIGN = 64;
  /**
   * Chunks per thread ({@code K}): more lets a thread take over more of a descheduled one's share,
   * but each chunk of a projection walks every spiking row (its own cut of it) once more, and each
   * cut is one more int per presynaptic neuron ({@link RowCuts}).
   */
  public static final int CHUNKS_PER_THREAD = 4;
  private static final int PROJECTIONS = 0;
  private static final int GROUPS = 1;
  private static final int CLEAR = 2;
  private static final int STEP = 3; // chunk c of every projection, then of every group
  /** Longs between two threads' tickets in {@link #tickets}: one cache line each. */
  private static final int PAD = 8;

  private final NeuronGroup[] groups;
  private final Projection[] projections;
  private final int threads;
  private final int chunks;
  /** {@code groupFrom[g][c] .. groupFrom[g][c + 1]}: chunk c of group g. */
  private final int[][] groupFrom;
  private final int[][] groupEnd; // where each chunk's spike list ended
  private final int[][] projectionFrom;
  private final Worker[] workers;
  /** Every projection {@link Projection#rangeLocal}: {@link #step} runs one phase, not two. */
  private final boolean oneBarrier;
  /**
   * Per thread {@code p} (at {@code p·PAD}): the phase's generation (high 32 bits) and the next of
   * p's own chunks not yet taken (low 32 bits); a thread takes chunk c by one compare-and-set.
   */
  private final java.util.concurrent.atomic.AtomicLongArray tickets;
  /** The chunks of the current phase not yet done; the thread finishing the last may unpark the caller. */
  private final AtomicInteger remaining = new AtomicInteger();
  private Thread caller; // the thread running the phase, published with generation
  /** True while the caller is parked waiting for the workers; the last one to finish unparks it. */
  private volatile boolean callerParked;

  // The current phase, published to the workers by the volatile write of generation.
  private double t;
  private double dt;
  private boolean jit;
  private int kind; // of the current phase: PROJECTIONS, GROUPS, CLEAR or STEP
  private int phases; // the caller's count of generations
  private volatile int generation;
  private volatile Throwable failure;
  private volatile boolean closed;

  /** A pool for {@code network}'s current groups and projections; {@code threads ≥ 1}. */
  public ParallelStep(Network network, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.chunks = threads * CHUNKS_PER_THREAD;
    this.groups = network.groups().toArray(new NeuronGroup[0]);
    this.projections = network.projections().toArray(new Projection[0]);
    this.groupFrom = new int[groups.length][];
    this.groupEnd = new int[groups.length][chunks];
    for (int g = 0; g < groups.length; g++) {
      groupFrom[g] = ranges(groups[g].size(), chunks);
    }
    this.projectionFrom = new int[projections.length][];
    for (int q = 0; q < projections.length; q++) {
      projectionFrom[q] = ranges(projections[q].post().size(), chunks);
      projections[q].cutRows(projectionFrom[q]); // each chunk then walks only its synapses
    }
    boolean local = true;
    for (Projection p : projections) {
      local &= p.rangeLocal();
    }
    this.oneBarrier = local;
    this.tickets = new java.util.concurrent.atomic.AtomicLongArray(threads * PAD);
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
   * delay buffers once, then updates every chunk of every projection; {@link StepPhase#GROUPS}
   * likewise for groups; {@link StepPhase#SPIKES} joins each group's per-chunk spike lists on the
   * caller's thread. Each phase returns once every chunk is done.
   */
  @Override
  public void run(StepPhase phase, double t, double dt, boolean jit) {
    switch (phase) {
      case PROJECTIONS -> {
        this.t = t;
        this.dt = dt;
        this.jit = jit;
        for (Projection p : projections) {
          p.beginStep(t, dt); // delays and presynaptic events once per step, before the chunks
        }
        runPhase(PROJECTIONS);
      }
      case GROUPS -> {
        this.t = t;
        this.dt = dt;
        this.jit = jit;
        runPhase(GROUPS);
      }
      case SPIKES -> {
        for (int g = 0; g < groups.length; g++) {
          groups[g].joinSpikes(groupFrom[g], groupEnd[g], chunks);
        }
      }
      default -> throw SerialStep.notOfNetwork(phase);
    }
  }

  /**
   * {@link StepPhase#PROJECTIONS} and {@link StepPhase#GROUPS} in one phase when every projection
   * is {@link Projection#rangeLocal range-local}: each projection copies its due spike list
   * (its presynaptic group may now overwrite its own), then chunk {@code c} runs on one thread as
   * chunk {@code c} of every projection followed by chunk {@code c} of every group. Each group's
   * chunks are its projections' postsynaptic chunks, so every element still sees its inputs
   * complete before its update, in the two phases' order; one barrier per step instead of two.
   * Otherwise the two phases, one after the other.
   */
  @Override
  public void step(double t, double dt, boolean jit) {
    if (!oneBarrier) {
      NetworkStepper.super.step(t, dt, jit);
      return;
    }
    this.t = t;
    this.dt = dt;
    this.jit = jit;
    for (Projection p : projections) {
      p.beginStep(t, dt, true);
    }
    runPhase(STEP);
  }

  /** Whether {@link #step} runs the projections and groups in one phase (one barrier). */
  public boolean oneBarrier() {
    return oneBarrier;
  }

  /** Clears every group's input accumulators, chunk by chunk on the pool. */
  @Override
  public void clearInputs() {
    runPhase(CLEAR);
  }

  private void runPhase(int kind) {
    if (closed) {
      throw new IllegalStateException("this ParallelStep is closed");
    }
    this.kind = kind;
    caller = Thread.currentThread();
    int g = ++phases;
    remaining.set(chunks);
    for (int p = 0; p < threads; p++) {
      tickets.set(p * PAD, ticket(g, p * CHUNKS_PER_THREAD));
    }
    generation = g; // publishes the fields above to the workers
    for (Worker w : workers) {
      if (w.parked) {
        LockSupport.unpark(w.thread);
      }
    }
    takeChunks(0, g); // a failure is recorded, and every chunk still runs
    awaitChunks();
    Throwable f = failure;
    failure = null;
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

  private static long ticket(int generation, int chunk) {
    return ((long) generation << 32) | chunk;
  }

  /**
   * Runs chunks of phase {@code g} for thread {@code p}: its own first, then the others' not yet
   * taken; returns when none is left, or at once if phase {@code g} is over.
   */
  private void takeChunks(int p, int g) {
    for (int i = 0; i < threads; i++) {
      int q = p + i < threads ? p + i : p + i - threads;
      int slot = q * PAD;
      int last = (q + 1) * CHUNKS_PER_THREAD;
      while (true) {
        long v = tickets.get(slot);
        if ((int) (v >>> 32) != g) {
          return; // phase g is over (and a later one may have started)
        }
        int c = (int) v;
        if (c >= last) {
          break;
        }
        if (tickets.compareAndSet(slot, v, v + 1)) {
          try {
            work(c);
          } catch (Throwable e) {
            fail(e);
          }
          if (remaining.decrementAndGet() == 0 && p != 0 && callerParked) {
            LockSupport.unpark(caller);
          }
        }
      }
    }
  }

  /** Records a chunk's failure: the first one, with any later ones suppressed in it. */
  private synchronized void fail(Throwable e) {
    Throwable f = failure;
    if (f == null) {
      failure = e;
    } else if (f != e) {
      f.addSuppressed(e);
    }
  }

  /** Waits until every chunk is done: spins, then parks until the last one's thread unparks. */
  private void awaitChunks() {
    if (remaining.get() == 0) {
      return;
    }
    long start = System.nanoTime();
    while (remaining.get() != 0) {
      if (System.nanoTime() - start < SPIN_NANOS) {
        Thread.onSpinWait();
        continue;
      }
      callerParked = true;
      if (remaining.get() != 0) { // re-checked after announcing: the last worker unparks or we see it
        LockSupport.park(this);
      }
      callerParked = false;
    }
  }

  /**
   * Chunk {@code c} of every projection, or of every group (its update or its input clearing), or
   * of both ({@link #step}).
   */
  private void work(int c) {
    if (kind == STEP) {
      for (int q = 0; q < projections.length; q++) {
        int[] from = projectionFrom[q];
        projections[q].update(t, dt, from[c], from[c + 1], jit);
      }
      for (int g = 0; g < groups.length; g++) {
        int[] from = groupFrom[g];
        groupEnd[g][c] = groups[g].update(t, dt, from[c], from[c + 1], jit);
      }
    } else if (kind == PROJECTIONS) {
      for (int q = 0; q < projections.length; q++) {
        int[] from = projectionFrom[q];
        projections[q].update(t, dt, from[c], from[c + 1], jit);
      }
    } else if (kind == GROUPS) {
      for (int g = 0; g < groups.length; g++) {
        int[] from = groupFrom[g];
        groupEnd[g][c] = groups[g].update(t, dt, from[c], from[c + 1], jit);
      }
    } else {
      for (int g = 0; g < groups.length; g++) {
        int[] from = groupFrom[g];
        groups[g].clearInputs(from[c], from[c + 1]);
      }
    }
  }

  /** Stops the workers; further steps throw. */
  @Override
  public void close() {
    closed = true;
    generation = ++phases;
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
      int seen = 0; // the generation at construction: a step may start before this thread does
      while (true) {
        seen = await(seen);
        if (closed) {
          return;
        }
        takeChunks(part, seen);
      }
    }

    /** Waits for a generation after {@code seen}: spins, then parks. */
    private int await(int seen) {
      long start = System.nanoTime();
      do {
        int g = generation;
        if (g != seen) {
          return g;
        }
        Thread.onSpinWait();
      } while (System.nanoTime() - start < SPIN_NANOS);
      while (true) {
        parked = true;
        int g = generation; // re-checked after announcing: the stepper unparks or we see it
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
