package io.brainstem.bench;

import io.brainstem.export.Npz;
import io.brainstem.monitors.Monitor;
import io.brainstem.mpi.Communicator;
import io.brainstem.mpi.DistributedNetwork;
import io.brainstem.mpi.Mpi;
import io.brainstem.mpi.MpiRunner;
import io.brainstem.mpi.Partition;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * COBA split over the ranks of an mpirun job (docs/scaling.md): a warm-up, then the timed loop;
 * rank 0 prints the loop's wall time (every rank starts it together after a barrier and the last
 * to finish ends it) and, given a file, writes the whole network's spikes as NPZ.
 *
 * <pre>
 * mpirun -np 2 java ... io.brainstem.bench.MpiBench [N 40000] [k 80] [runMs 1000] [warmMs 200] [spikes.npz]
 * java ... io.brainstem.bench.MpiBench --single [N] [k] [runMs] [warmMs] [spikes.npz]   (DSRunner, no MPI)
 * </pre>
 */
public final class MpiBench {
  private MpiBench() {}

  public static void main(String[] args) {
    boolean single = args.length > 0 && args[0].equals("--single");
    int a = single ? 1 : 0;
    int n = args.length > a ? Integer.parseInt(args[a]) : 40_000;
    double k = args.length > a + 1 ? Double.parseDouble(args[a + 1]) : 80;
    double runMs = args.length > a + 2 ? Double.parseDouble(args[a + 2]) : 1000;
    double warmMs = args.length > a + 3 ? Double.parseDouble(args[a + 3]) : 200;
    Path spikes = args.length > a + 4 ? Path.of(args[a + 4]) : null;
    if (single) {
      BenchNetworks.Bench b = BenchNetworks.build("coba", n, k, 1);
      try (DSRunner run = DSRunner.builder(b.network()).dt(BenchNetworks.DT).progressBar(false)
          .monitors("E.spike", "I.spike").build()) {
        report(run, null, n, k, runMs, warmMs, spikes);
      }
      return;
    }
    Communicator comm = Mpi.init();
    try {
      long start = System.nanoTime();
      DistributedNetwork net = BenchNetworks.cobaPart(n, k, 1, Precision.DOUBLE, Partition.of(comm));
      double buildSeconds = (System.nanoTime() - start) * 1e-9;
      RunnerBuilder<MpiRunner.Builder> b = MpiRunner.builder(net, comm).dt(BenchNetworks.DT).progressBar(false)
          .exchangeCpuTiming(true);
      if (comm.rank() == 0) {
        b.monitors(Monitor.of("E@all.spike").named("E.spike"), Monitor.of("I@all.spike").named("I.spike"));
      }
      try (Runner run = b.build()) {
        if (comm.rank() == 0) {
          System.out.printf(Locale.ROOT, "rank 0 of %d: built its part in %.2f s%n", comm.size(), buildSeconds);
        }
        report(run, comm, n, k, runMs, warmMs, spikes);
      }
    } catch (RuntimeException | Error e) {
      comm.abort(1, "MpiBench: rank " + comm.rank() + " failed: " + e);
    } finally {
      comm.close();
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void report(Runner run, Communicator comm, int n, double k, double runMs,
      double warmMs, Path spikes) {
    run.run(warmMs);
    if (comm != null) {
      comm.barrier();
    }
    com.sun.management.ThreadMXBean clock =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    double exchangeBefore = run instanceof MpiRunner m ? m.exchangeSeconds() : 0;
    double exchangeCpuBefore = run instanceof MpiRunner m ? m.exchangeCpuSeconds() : 0;
    long start = System.nanoTime();
    long cpu = clock.getCurrentThreadCpuTime();
    run.run(runMs);
    long[] cpuNanos = {clock.getCurrentThreadCpuTime() - cpu,
        run instanceof MpiRunner m ? Math.round((m.exchangeSeconds() - exchangeBefore) * 1e9) : 0,
        run instanceof MpiRunner m ? Math.round((m.exchangeCpuSeconds() - exchangeCpuBefore) * 1e9) : 0};
    if (comm != null) {
      comm.barrier();
    }
    double seconds = (System.nanoTime() - start) * 1e-9;
    // The stepping thread's CPU time on each rank: the work each does, which load does not inflate.
    long[] allCpu = cpuNanos;
    if (comm != null) {
      allCpu = new long[3 * comm.size()];
      comm.allgather(cpuNanos, 3, allCpu);
    }
    if (comm == null || comm.rank() == 0) {
      double steps = Math.rint(runMs / BenchNetworks.DT);
      long spikeCount = run.mon().events("E.spike").count() + run.mon().events("I.spike").count();
      System.out.printf(Locale.ROOT, "coba N=%d k=%s, %s: %.0f ms in %.3f s (%.1f us/step), %d spikes%n",
          n, k, comm == null ? "one process (DSRunner)" : comm.size() + " ranks (MpiRunner)",
          runMs, seconds, seconds / steps * 1e6, spikeCount);
      StringBuilder cpuText = new StringBuilder();
      for (int r = 0; r < allCpu.length / 3; r++) {
        double cpuS = allCpu[3 * r] * 1e-9;
        double waitS = allCpu[3 * r + 1] * 1e-9;
        double waitCpuS = allCpu[3 * r + 2] * 1e-9;
        cpuText.append(String.format(Locale.ROOT, " rank %d: wall in exchanges %.3f s; CPU %.3f s, "
            + "of it in exchanges %.3f s, own work %.3f s;", r, waitS, cpuS, waitCpuS, cpuS - waitCpuS));
      }
      System.out.printf(Locale.ROOT, " %s load average %s%n", cpuText, loadAverage());
      if (spikes != null) {
        Npz.write(spikes, run.mon());
      }
    }
  }
}
