package io.brainstem.bench.jmh;

import io.brainstem.bench.BenchNetworks;
import io.brainstem.network.Kernels;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step of the benchmark COBA network (bench.py's: n neurons, 80 inputs each, four conductance
 * projections, self-sustained at about 20 Hz), one thread, with all kernels scalar, vector neuron
 * kernels and scalar projections ({@code groups}), or everything vector: the last two differ only
 * in the projections' element loops (decay of g, output into ge/gi). Run with bench/jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CobaStepBench {
  @Param({"4000", "40000"})
  public int n;

  /** {@code scalar}, {@code groups} (vector groups, scalar projections) or {@code vector}. */
  @Param({"scalar", "groups", "vector"})
  public String kernels;

  private Network net;
  private double t;

  @Setup
  public void setUp() {
    net = BenchNetworks.build("coba", n, 80, 1).network();
    boolean scalarGroups = kernels.equals("scalar");
    boolean scalarProjections = !kernels.equals("vector");
    for (NeuronGroup g : net.groups()) {
      g.scalarKernels(scalarGroups);
      check(scalarGroups, g.kernels());
    }
    for (Projection p : net.projections()) {
      p.scalarKernels(scalarProjections);
      check(scalarProjections, p.kernels());
    }
  }

  private static void check(boolean scalar, String running) {
    if (!scalar && !running.startsWith("vector")) {
      throw new IllegalStateException("vector kernels do not run: " + Kernels.whyScalar());
    }
  }

  /** Projections, then groups, then the inputs cleared: a runner's step without monitors. */
  @Benchmark
  public void step() {
    net.step(t, BenchNetworks.DT, true);
    net.clearInputs();
    t += BenchNetworks.DT;
  }
}
