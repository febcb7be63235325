package io.brainstem.perf;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.inputs.Input;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSRunner's step loop allocates nothing: an input (applied inside the loop) reads the thread's
 * allocation counter after a warm-up step and again 2 000 steps later.
 */
class StepAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int WARM_UP = 3_000;
  private static final int MEASURED = 2_000;
  private static final int STREAM_BUFFER = 4096;
  @TempDir static Path streamDir;

  /** Records the calling thread's allocated bytes at two steps. */
  private static final class AllocationProbe implements Input, Input.Bound {
    long atStart = -1;
    long atEnd = -1;
    long spikesSeen;
    private final Network net;

    AllocationProbe(Network net) {
      this.net = net;
    }

    @Override
    public String path() {
      return "E.input";
    }

    @Override
    public Bound bind(Network network, double dt) {
      return this;
    }

    @Override
    public void apply(long step, double t) {
      if (step == WARM_UP) {
        atStart = THREADS.getCurrentThreadAllocatedBytes();
      } else if (step == WARM_UP + MEASURED) {
        atEnd = THREADS.getCurrentThreadAllocatedBytes();
      } else if (step > WARM_UP) {
        spikesSeen += net.group("E").spikeCount();
      }
    }

    long allocated() {
      assertThat(atStart).isAtLeast(0L);
      assertThat(atEnd).isAtLeast(0L);
      return atEnd - atStart;
    }
  }

  /** Spikes of E and I over the last {@link #allocatedPerRun} call's whole run. */
  private static long lastRunSpikes;

  private static long allocatedPerRun(int threads, boolean spikeMonitor) {
    return allocatedPerRun(threads, spikeMonitor, null, Precision.DOUBLE);
  }

  private static long allocatedPerRun(int threads, boolean spikeMonitor, Path streamDir) {
    return allocatedPerRun(threads, spikeMonitor, streamDir, Precision.DOUBLE);
  }

  /** With {@code streamDir}, spikes of E and I and every E.V are streamed there through a 4 KiB buffer. */
  private static long allocatedPerRun(int threads, boolean spikeMonitor, Path streamDir,
      Precision precision) {
    return allocatedPerRun(PerfNetworks.einet(400, 100, 0.08, precision), threads, spikeMonitor,
        streamDir);
  }

  private static long allocatedPerRun(Network net, int threads, boolean spikeMonitor,
      Path streamDir) {
    THREADS.getCurrentThreadAllocatedBytes(); // load what the first call needs
    AllocationProbe probe = new AllocationProbe(net);
    DSRunner.Builder builder = DSRunner.builder(net)
        .inputs(probe).input("E.input", 20.).input("I.input", 20.).threads(threads)
        .vectorWarmUp(false); // the vector kernels on whole groups from the first step
    if (spikeMonitor) {
      builder.monitors("E.spike", "I.spike");
    }
    if (streamDir != null) {
      builder.monitors("E.spike", "I.spike", "E.V").streamTo(streamDir).streamBuffer(STREAM_BUFFER);
    }
    try (DSRunner runner = builder.build()) {
      runner.run((WARM_UP + MEASURED + 10) * 0.1);
    }
    assertThat(probe.spikesSeen).isGreaterThan(0L); // the network is active while measured
    // The build runs tests with the vector module: the measured steps ran the vector kernels.
    net.groups().forEach(g -> assertThat(g.kernels()).startsWith("vector"));
    net.projections().forEach(p -> assertThat(p.kernels()).startsWith("vector"));
    lastRunSpikes = net.group("E").totalSpikes() + net.group("I").totalSpikes();
    return probe.allocated();
  }

  /**
   * One unmeasured pass over every configuration first: the JIT must have compiled (and resolved
   * everything for) the loop's code, or the interpreter's first executions allocate (seen on JDK 25).
   */
  @BeforeAll
  static void warmUp() {
    allocatedPerRun(1, false);
    allocatedPerRun(1, true);
    allocatedPerRun(2, false);
    allocatedPerRun(1, false, null, Precision.FLOAT);
    allocatedPerRun(1, true, null, Precision.FLOAT);
    for (Precision precision : Precision.values()) {
      allocatedPerRun(PerfNetworks.einetWeighted(400, 100, 0.08, precision), 1, false, null);
      allocatedPerRun(PerfNetworks.einetWeighted(400, 100, 0.08, precision), 2, false, null);
      allocatedPerRun(PerfNetworks.einetPlastic(400, 100, 0.08, precision), 1, false, null);
      allocatedPerRun(PerfNetworks.einetPlastic(400, 100, 0.08, precision), 2, false, null);
    }
    for (int k = 0; k < 3; k++) { // the flush paths deoptimise and recompile a few times before settling
      allocatedPerRun(1, false, streamDir.resolve("warm-up" + k));
    }
  }

  @Test
  void stepLoopAllocatesNothingWithoutMonitors() {
    assertThat(allocatedPerRun(1, false)).isEqualTo(0L);
  }

  /**
   * Spike monitors store events (step, index) in int arrays that double when full, so what they
   * allocate is that growth only: amortised at most 4 × 8 bytes per recorded spike, never per step.
   */
  @Test
  void spikeMonitorsAllocateOnlyTheGrowthOfTheirEventArrays() {
    long allocated = allocatedPerRun(1, true);
    assertThat(allocated).isAtMost(32L * lastRunSpikes);
  }

  /**
   * Streaming writes E.V (400 doubles a step) and the spikes through 4 KiB buffers, so the measured
   * steps write each buffer out hundreds of times (FileChannel writes of direct buffers, headers
   * rewritten in place): none of that allocates. The flush paths are the last to settle in the
   * JIT (a late recompilation was seen to run a few hundred bytes' worth in the interpreter once in
   * several builds), so a measured run is repeated, up to three times, until one allocates nothing.
   */
  @Test
  void streamingToDiskAllocatesNothing() throws Exception {
    Path dir = null;
    long allocated = -1;
    for (int attempt = 0; attempt < 3 && allocated != 0; attempt++) {
      dir = streamDir.resolve("measured" + attempt);
      allocated = allocatedPerRun(1, false, dir);
    }
    assertThat(allocated).isEqualTo(0L);
    long vBytes = Files.size(dir.resolve("E.V.npy"));
    assertThat(vBytes).isEqualTo(128L + 8L * 400 * (WARM_UP + MEASURED + 10));
    assertThat(8L * 400 * MEASURED / STREAM_BUFFER).isGreaterThan(1000L); // flushes while measured
  }

  /** Float state: float vector kernels and the widening input and monitor paths. */
  @Test
  void floatNetworksAllocateNothingEither() {
    assertThat(allocatedPerRun(1, false, null, Precision.FLOAT)).isEqualTo(0L);
    assertThat(allocatedPerRun(1, true, null, Precision.FLOAT)).isAtMost(32L * lastRunSpikes);
  }

  /** One weight per synapse ({@code @PerSynapse}): delivery reads it per synapse, allocating nothing. */
  @Test
  void perSynapseWeightsAllocateNothing() {
    for (Precision precision : Precision.values()) {
      for (int threads = 1; threads <= 2; threads++) {
        assertThat(allocatedPerRun(PerfNetworks.einetWeighted(400, 100, 0.08, precision), threads,
            false, null)).isEqualTo(0L);
      }
    }
  }

  /** STDP on E→E (traces, @OnPre, @OnPost by the by-postsynaptic index): nothing either. */
  @Test
  void plasticSynapsesAllocateNothing() {
    for (Precision precision : Precision.values()) {
      for (int threads = 1; threads <= 2; threads++) {
        assertThat(allocatedPerRun(PerfNetworks.einetPlastic(400, 100, 0.08, precision), threads,
            false, null)).isEqualTo(0L);
      }
    }
  }

  @Test
  void twoThreadsAllocateNothingOnTheCallersThread() {
    assertThat(allocatedPerRun(2, false)).isEqualTo(0L);
  }
}
