package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.testing.Pacemaker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A pool's threads take each other's chunks, so a stalled thread holds a phase up by one chunk. */
class ParallelStepTest {

  /**
   * The worker stalls in its first chunk until the caller has run every other chunk: without
   * taking the worker's chunks the caller could run only its own, and the worker would wait out
   * its timeout.
   */
  static final class Stalls extends Projection {
    final List<int[]> ranges = new ArrayList<>();
    final CountDownLatch workerStarted = new CountDownLatch(1);
    final AtomicInteger callerChunks = new AtomicInteger();
    volatile int chunks;
    volatile boolean callerRanAllOthers;

    Stalls(NeuronGroup pre, NeuronGroup post) {
      super("P", "Stalls", pre, post, new FixedProb(0.01, 1), Integrator.EULER);
    }

    @Override
    public void update(double t, double dt, int from, int to, boolean jit) {
      synchronized (ranges) {
        ranges.add(new int[] {from, to});
      }
      try {
        if (Thread.currentThread().getName().startsWith("brainstem-step-")) {
          workerStarted.countDown();
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (callerChunks.get() < chunks - 1 && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
          callerRanAllOthers = callerChunks.get() == chunks - 1;
        } else {
          workerStarted.await(20, TimeUnit.SECONDS); // so that the worker surely holds a chunk
          callerChunks.incrementAndGet();
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void theCallerTakesTheChunksOfAStalledWorker() {
    Network net = new Network();
    Pacemaker a = net.add(new Pacemaker("A", 1024, 1));
    Stalls p = net.add(new Stalls(a, a));
    try (ParallelStep step = new ParallelStep(net, 2)) {
      int chunks = 2 * ParallelStep.CHUNKS_PER_THREAD;
      p.chunks = chunks;
      step.run(StepPhase.PROJECTIONS, 0, 0.1, true);
      assertThat(p.callerRanAllOthers).isTrue();
      assertThat(p.callerChunks.get()).isEqualTo(chunks - 1);
      // every chunk ran once, and the chunks tile the group in order
      p.ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
      assertThat(p.ranges).hasSize(chunks);
      int next = 0;
      for (int[] r : p.ranges) {
        assertThat(r[0]).isEqualTo(next);
        next = r[1];
      }
      assertThat(next).isEqualTo(1024);
    }
  }
}
