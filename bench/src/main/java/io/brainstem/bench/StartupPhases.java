package io.brainstem.bench;

import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a cold JVM's time goes on the suite's whole-process row (the seed's EINet, 4 000 neurons,
 * 100 ms, the raster PNG): per phase, the main thread's CPU, the whole process's CPU (JIT and GC
 * threads included) and the wall time. The main thread's CPU is the critical path and, unlike wall
 * time, barely moves with other load on the machine.
 *
 * <p>Usage: {@code StartupPhases [--prepare] [png]}; {@code --prepare} calls {@code Plots.prepare()}
 * first, as the README's example does.
 */
public final class StartupPhases {
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static long thread0;
  private static long process0;
  private static long wall0;

  private StartupPhases() {}

  public static void main(String[] args) throws Exception {
    boolean prepare = args.length > 0 && args[0].equals("--prepare");
    Path png = Path.of(args.length > (prepare ? 1 : 0) ? args[args.length - 1] : "startup-raster.png");
    wall0 = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    phase("jvm start to main");
    if (prepare) {
      Plots.prepare();
    }
    BenchNetworks.Bench bench = BenchNetworks.build("einet", 4000, 80, 42, Precision.DOUBLE);
    phase("network");
    DSRunner runner = DSRunner.builder(bench.network()).dt(BenchNetworks.DT)
        .input("E.input", bench.inputE()).input("I.input", bench.inputI())
        .monitors("E.spike").build();
    phase("runner build");
    runner.run(100);
    phase("100 ms run");
    Plots.raster(runner.mon(), "E.spike").title("einet: E.spike").savePng(png);
    phase("raster PNG");
  }

  private static void phase(String name) {
    long thread = THREAD.getCurrentThreadCpuTime();
    long process = OS.getProcessCpuTime();
    long wall = System.nanoTime();
    System.out.printf(Locale.ROOT, "%-18s main CPU %.3f s  process CPU %.3f s  wall %.3f s%n", name,
        (thread - thread0) * 1e-9, (process - process0) * 1e-9, (wall - wall0) * 1e-9);
    thread0 = thread;
    process0 = process;
    wall0 = wall;
  }
}
