package io.brainstem.bench;

import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.runners.DSRunner;
import java.util.Locale;

/**
 * One cold run (the first in its JVM) of a bench network, with its groups' or projections' vector
 * kernels swapped for the scalar ones: which kernels a short run's JIT warm-up costs in
 * (docs/benchmarks-history.md, "Vector kernels warm up on a slice"). Prints the run's wall time.
 *
 * <pre>
 * ColdStart [model einet] [N 4000] [ms 100] [scalar none|groups|projections|both]
 *           [warm-up true|false]
 * </pre>
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "einet";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    double ms = args.length > 2 ? Double.parseDouble(args[2]) : 100;
    String scalar = args.length > 3 ? args[3] : "none";
    boolean warmUp = args.length <= 4 || Boolean.parseBoolean(args[4]);
    BenchNetworks.Bench bench = BenchNetworks.build(model, n, 80, 1, Precision.DOUBLE);
    for (NeuronGroup g : bench.network().groups()) {
      g.scalarKernels(scalar.equals("groups") || scalar.equals("both"));
    }
    for (Projection p : bench.network().projections()) {
      p.scalarKernels(scalar.equals("projections") || scalar.equals("both"));
    }
    DSRunner.Builder builder = DSRunner.builder(bench.network()).dt(BenchNetworks.DT)
        .vectorWarmUp(warmUp);
    if (bench.inputE() != 0) {
      builder.input("E.input", bench.inputE()).input("I.input", bench.inputI());
    }
    try (DSRunner runner = builder.build()) {
      double seconds = runner.run(ms);
      System.out.printf(Locale.ROOT, "%s N=%d %.0f ms, scalar %s, warm-up %s: run %.3f s%n",
          model, n, ms, scalar, warmUp, seconds);
    }
  }
}
