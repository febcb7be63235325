package io.brainstem.mpi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Ranks as threads of this JVM: the collectives of {@link Communicator} over shared arrays and a
 * barrier, on any JDK and without MPI. For tests of partitioned networks and for trying one before
 * a cluster; the results equal an MPI run's with as many ranks.
 */
public final class ThreadRanks {
  private final int size;
  private final CyclicBarrier barrier;
  private final Object[] slots;
  private final long timeoutMillis;
  private volatile String abortedBecause;

  private ThreadRanks(int size, long timeoutMillis) {
    this.size = size;
    this.barrier = new CyclicBarrier(size);
    this.slots = new Object[size];
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Runs {@code perRank} on {@code ranks} threads, each with the communicator of one rank, and
   * returns their results in rank order; a rank that throws makes the others' next collective throw
   * too, and the first failure is rethrown here.
   */
  public static <T> List<T> run(int ranks, Function<Communicator, T> perRank) {
    if (ranks < 1) {
      throw new IllegalArgumentException("ThreadRanks needs at least one rank, got " + ranks);
    }
    ThreadRanks shared = new ThreadRanks(ranks, 60_000);
    ExecutorService pool = Executors.newFixedThreadPool(ranks);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int r = 0; r < ranks; r++) {
        Rank comm = shared.new Rank(r);
        futures.add(pool.submit(() -> {
          try {
            return perRank.apply(comm);
          } catch (RuntimeException | Error e) {
            shared.abortedBecause = "rank " + comm.rank + " failed: " + e;
            shared.barrier.reset(); // wakes the ranks waiting in a collective
            throw e;
          }
        }));
      }
      List<T> results = new ArrayList<>();
      List<RuntimeException> failures = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          failures.add(cause instanceof RuntimeException re ? re : new IllegalStateException(cause));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the ranks", e);
        }
      }
      if (!failures.isEmpty()) {
        // The rank that failed first, not the ones it woke from their collectives.
        throw failures.stream()
            .filter(e -> e.getMessage() == null || !e.getMessage().startsWith("ThreadRanks: "))
            .findFirst().orElse(failures.get(0));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private void await(int rank) {
    try {
      barrier.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ThreadRanks: rank " + rank + " interrupted in a collective", e);
    } catch (BrokenBarrierException | TimeoutException e) {
      barrier.reset();
      String why = abortedBecause;
      throw new IllegalStateException("ThreadRanks: rank " + rank + " stopped waiting in a collective: "
          + (why != null ? why : "another rank did not arrive within " + timeoutMillis + " ms"), e);
    }
  }

  /** One rank's view. */
  private final class Rank implements Communicator {
    private final int rank;

    Rank(int rank) {
      this.rank = rank;
    }

    @Override
    public int rank() {
      return rank;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void allgather(int[] send, int count, int[] recv) {
      slots[rank] = java.util.Arrays.copyOf(send, count);
      await(rank);
      for (int r = 0; r < size; r++) {
        System.arraycopy((int[]) slots[r], 0, recv, r * count, count);
      }
      await(rank);
    }

    @Override
    public void allgather(long[] send, int count, long[] recv) {
      slots[rank] = java.util.Arrays.copyOf(send, count);
      await(rank);
      for (int r = 0; r < size; r++) {
        System.arraycopy((long[]) slots[r], 0, recv, r * count, count);
      }
      await(rank);
    }

    @Override
    public void allgatherv(int[] send, int count, int[] recv, int[] counts, int[] displs) {
      slots[rank] = java.util.Arrays.copyOf(send, count);
      await(rank);
      for (int r = 0; r < size; r++) {
        System.arraycopy((int[]) slots[r], 0, recv, displs[r], counts[r]);
      }
      await(rank);
    }

    @Override
    public void allgatherv(double[] send, int count, double[] recv, int[] counts, int[] displs) {
      slots[rank] = java.util.Arrays.copyOf(send, count);
      await(rank);
      for (int r = 0; r < size; r++) {
        System.arraycopy((double[]) slots[r], 0, recv, displs[r], counts[r]);
      }
      await(rank);
    }

    @Override
    public void barrier() {
      await(rank);
    }

    @Override
    public void abort(int code, String why) {
      System.err.println(why);
      abortedBecause = "rank " + rank + " aborted (code " + code + "): " + why;
      barrier.reset();
      throw new IllegalStateException(abortedBecause);
    }

    @Override
    public double wtime() {
      return System.nanoTime() * 1e-9;
    }

    @Override
    public void close() {}
  }
}
