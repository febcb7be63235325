package io.brainstem.grad;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits {@code [0, n)} into contiguous ranges, one per thread. Every backward call sums in a fixed
 * order within an element, so any split gives the same bits.
 */
final class Ranges implements AutoCloseable {
  /** Work over a range. */
  interface Body {
    void run(int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  Ranges(int threads) {
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "brainstem-bptt");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  void run(int n, Body body) {
    if (pool == null || n < 2) {
      body.run(0, n);
      return;
    }
    Future<?>[] parts = new Future<?>[threads];
    for (int p = 0; p < threads; p++) {
      int from = (int) ((long) n * p / threads);
      int to = (int) ((long) n * (p + 1) / threads);
      parts[p] = pool.submit(() -> body.run(from, to));
    }
    try {
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the backward pass", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
