package io.brainstem.bench;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where one thread's step goes: each projection's and each group's update, the runner inputs and
 * the clear, timed apart with {@code System.nanoTime} (medians over the steps resist preemptions
 * on a shared machine), in ns per postsynaptic neuron. Steps as a runner with no hooks does,
 * outputs planned as it plans them ({@code Network.assignOutputs}), after a warm-up.
 *
 * <pre>
 * PhaseTiming coba|cuba|cobahh|einet [N 4000] [steps 5000] [warmupSteps 3000]
 * </pre>
 */
public final class PhaseTiming {
  private PhaseTiming() {}

  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "cuba";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
    BenchNetworks.Bench bench = BenchNetworks.build(model, n, 80, 1);
    Network net = bench.network();
    List<Projection> projections = net.projections();
    List<NeuronGroup> groups = net.groups();
    Set<Variable> inputs = new HashSet<>();
    if (bench.inputE() != 0) {
      inputs.add(bench.e().variable("input"));
      inputs.add(bench.i().variable("input"));
    }
    List<String> names = new ArrayList<>();
    names.add("inputs");
    projections.forEach(p -> names.add(p.name() + " (" + p.post().size() + ")"));
    groups.forEach(g -> names.add(g.name() + " (" + g.size() + ")"));
    names.add("clear");
    long[][] ns = new long[names.size()][steps];
    double dt = BenchNetworks.DT;
    net.assignOutputs(inputs);
    long spikes = 0;
    for (int k = 0; k < warmup + steps; k++) {
      double t = k * dt;
      int row = k - warmup;
      int c = 0;
      long t0 = System.nanoTime();
      if (bench.inputE() != 0) {
        add(bench.e().doubles("input"), bench.inputE());
        add(bench.i().doubles("input"), bench.inputI());
      }
      long t1 = System.nanoTime();
      record(ns, c++, row, t1 - t0);
      for (Projection p : projections) {
        t0 = System.nanoTime();
        p.update(t, dt, true);
        t1 = System.nanoTime();
        record(ns, c++, row, t1 - t0);
      }
      for (NeuronGroup g : groups) {
        t0 = System.nanoTime();
        g.update(t, dt, true);
        t1 = System.nanoTime();
        record(ns, c++, row, t1 - t0);
        spikes += row >= 0 ? g.spikeCount() : 0;
      }
      t0 = System.nanoTime();
      net.clearUnassignedInputs(); // as a planned runner's CLEAR
      t1 = System.nanoTime();
      record(ns, c, row, t1 - t0);
    }
    System.out.printf(Locale.ROOT, "%s N=%d, %d steps, %d spikes, %s, kernels %s%n", model, n,
        steps, spikes, System.getProperty("java.version"), projections.get(0).kernels());
    double total = 0;
    for (int c = 0; c < names.size(); c++) {
      long[] x = ns[c];
      Arrays.sort(x);
      double median = x[steps / 2];
      total += median;
      System.out.printf(Locale.ROOT, "  %-22s median %8.0f ns/step  %.3f ns per neuron of N%n",
          names.get(c), median, median / n);
    }
    System.out.printf(Locale.ROOT, "  %-22s         %8.0f ns/step  %.3f ns per neuron-step%n",
        "sum of medians", total, total / n);
  }

  private static void add(double[] input, double value) {
    for (int j = 0; j < input.length; j++) {
      input[j] += value;
    }
  }

  private static void record(long[][] ns, int c, int row, long value) {
    if (row >= 0) {
      ns[c][row] = value;
    }
  }
}
