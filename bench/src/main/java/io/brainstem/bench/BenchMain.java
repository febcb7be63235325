package io.brainstem.bench;

import io.brainstem.annotations.Integrator;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.network.Coupling;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark run, the Brainstem side of Brian2's {@code bench.py}: builds a model, runs it with
 * {@link DSRunner} and prints one line {@code RESULT {json}} with the same keys where they mean the
 * same thing ({@code t_run_loop}, {@code spikes_E}, {@code rate_E_Hz}, ...).
 *
 * <pre>
 * BenchMain --model coba|cuba|cobahh|einet|einet-weighted|song2000|stdp-ei [--N 4000] [--k 80] [--duration 1] (s)
 *           [--threads 1] [--seed 1] [--warmup 0] (ms) [--precision double|float] [--fuse true|false]
 *           [--vector-warmup true|false]
 *           [--raster file.png] [--method RK4 --coupling held|staged] (einet only)
 *           [--checkpoint-every ms --checkpoint-dir dir] (periodic checkpoints during the runs;
 *           t_checkpoint: the median time of five more checkpoints taken after the run)
 * </pre>
 *
 * {@code t_run_loop} is the time of {@code runner.run} alone. With {@code --warmup ms}, the network
 * first runs that long (again, up to 20 times, while vector kernels still run on a slice of their
 * group or not at all, {@code Network.warmingUp()} and {@code scalarRun()}, once more after
 * that, and then until two runs in a row take within 5 % of each other, at most 8 more) and
 * {@code runner.reset()}
 * restores its initial state, so that the JIT has
 * compiled the kernels, with this network's profile, before the measured run (which gives the
 * same spikes as a cold one): the counterpart of Brian2's C++ compilation, which its
 * {@code t_run_loop} leaves out too ({@code t_warmup} reports it; the process time includes it).
 * {@code cpu_run_loop} is the calling thread's CPU time during that run: with one thread, the
 * loop's own cost, which other processes on the same cores change far less than the wall time;
 * {@code cpu_run_loop_workers} is the CPU time of the pool's other threads ({@code --threads 2}+).
 * (A warm-up on a 4 000-neuron copy made COBA at 400 000 neurons 25 % slower: the JIT compiled
 * with the small network's profile.)
 * With {@code --raster} it also records {@code E.spike} and writes its raster plot (calling {@code
 * Plots.prepare()} first, as the README's example does). With
 * {@code --method} (einet) every group and projection integrates with that method, and
 * {@code --coupling} sets every projection's {@code Coupling} (docs/runners.md).
 */
public final class BenchMain {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private BenchMain() {}

  /** The CPU time (ns) of the step pool's workers ({@code brainstem-step-*}): 0 on one thread. */
  private static long poolCpu() {
    long sum = 0;
    for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("brainstem-step-")) {
        sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    String model = opt.getOrDefault("model", "coba");
    int n = Integer.parseInt(opt.getOrDefault("N", "4000"));
    double k = Double.parseDouble(opt.getOrDefault("k", "80"));
    double durationS = Double.parseDouble(opt.getOrDefault("duration", "1"));
    int threads = Integer.parseInt(opt.getOrDefault("threads", "1"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "1"));
    String raster = opt.get("raster");
    if (raster != null) {
      Plots.prepare(); // as the README's example does: the plotting classes load while it runs
    }
    double warmupMs = Double.parseDouble(opt.getOrDefault("warmup", "0"));
    Precision precision = precision(opt.getOrDefault("precision", "double"));

    long t0 = System.nanoTime();
    BenchNetworks.Bench bench = BenchNetworks.build(model, n, k, seed, precision);
    double tBuild = (System.nanoTime() - t0) * 1e-9;
    if (opt.containsKey("method") || opt.containsKey("coupling")) {
      configure(bench, opt.getOrDefault("method", "EXP_AUTO"), opt.getOrDefault("coupling", "held"));
    }

    DSRunner.Builder builder = DSRunner.builder(bench.network()).dt(BenchNetworks.DT).threads(threads)
        .fuseSynapses(Boolean.parseBoolean(opt.getOrDefault("fuse", "true")))
        .vectorWarmUp(Boolean.parseBoolean(opt.getOrDefault("vector-warmup", "true")));
    if (bench.inputE() != 0) {
      builder.input("E.input", bench.inputE()).input("I.input", bench.inputI());
    }
    if (raster != null) {
      builder.monitors("E.spike");
    }
    if (opt.containsKey("checkpoint-every")) {
      builder.checkpointEvery(Double.parseDouble(opt.get("checkpoint-every")),
          Path.of(opt.getOrDefault("checkpoint-dir", "bench-checkpoints")));
    }
    long spikesE;
    long spikesI;
    double tLoop;
    double cpuLoop;
    double cpuPool;
    double tWarmup = 0;
    double tCheckpoint = 0;
    java.util.List<String> fused;
    boolean scalarRun;
    try (DSRunner runner = builder.build()) {
      if (warmupMs > 0) {
        long w0 = System.nanoTime();
        runner.run(warmupMs);
        // Until every vector kernel runs on whole groups (VectorWarmUp: after the JVM's first
        // scalar runs and the slice), at most 20 warm-ups, and one more after the switch: the
        // JIT recompiles what the whole groups' profile changes.
        boolean sliced = bench.network().warmingUp() || bench.network().scalarRun();
        for (int more = 0; more < 20
            && (bench.network().warmingUp() || bench.network().scalarRun()); more++) {
          runner.run(warmupMs);
        }
        if (sliced) {
          runner.run(warmupMs);
        }
        // Then until two warm-ups in a row take within 5 % of each other (at most 8 more): C2
        // compiles the vector kernels only after the scalar runs and the slice, and its last
        // compilations and deoptimizations fell into the measured run (CUBA 4 000: 0.047-0.25 s
        // for the same loop, the slow ones with as much more CPU time).
        double last = runner.run(warmupMs);
        for (int more = 0; more < 8; more++) {
          double next = runner.run(warmupMs);
          if (Math.abs(next - last) <= 0.05 * last) {
            break;
          }
          last = next;
        }
        runner.reset(); // back to the initial state: the measured run is the cold run's twin
        tWarmup = (System.nanoTime() - w0) * 1e-9;
      }
      long spikesE0 = bench.e().totalSpikes(); // counts since creation, warm-up included
      long spikesI0 = bench.i().totalSpikes();
      // CPU time of this thread too: with one thread the loop's own cost, robust to other
      // processes sharing the cores (wall time is not)
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long pool0 = poolCpu();
      tLoop = runner.run(durationS * 1000);
      cpuLoop = (THREADS.getCurrentThreadCpuTime() - cpu0) * 1e-9;
      cpuPool = (poolCpu() - pool0) * 1e-9;
      fused = runner.fusedInputs();
      scalarRun = bench.network().scalarRun();
      spikesE = bench.e().totalSpikes() - spikesE0;
      spikesI = bench.i().totalSpikes() - spikesI0;
      if (opt.containsKey("checkpoint-every")) { // one checkpoint alone, timed: the median of 5
        double[] times = new double[5];
        for (int c = 0; c < times.length; c++) {
          long c0 = System.nanoTime();
          runner.checkpoint(Path.of(opt.getOrDefault("checkpoint-dir", "bench-checkpoints")));
          times[c] = (System.nanoTime() - c0) * 1e-9;
        }
        java.util.Arrays.sort(times);
        tCheckpoint = times[times.length / 2];
      }
      if (raster != null) {
        Plots.raster(runner.mon(), "E.spike").title(model + ": E.spike").savePng(Path.of(raster));
      }
    }
    NeuronGroup e = bench.e();
    NeuronGroup i = bench.i();
    long synapses = bench.network().projections().stream().mapToLong(p -> p.synapseCount()).sum();

    Map<String, Object> res = new LinkedHashMap<>();
    res.put("model", model);
    res.put("N", n);
    res.put("NE", e.size());
    res.put("p", k / n);
    res.put("duration_s", durationS);
    res.put("threads", threads);
    res.put("seed", seed);
    res.put("jdk", Runtime.version().toString());
    res.put("kernels", e.kernels());
    res.put("fused", String.join("; ", fused));
    res.put("vector_warmup", opt.getOrDefault("vector-warmup", "true"));
    res.put("scalar_run", String.valueOf(scalarRun)); // the measured run kept vector kernels off
    res.put("precision", precision.name().toLowerCase(Locale.ROOT));
    res.put("method", e.method().name());
    res.put("coupling", bench.network().projections().get(0).coupling().name());
    res.put("checkpoint_every_ms", opt.containsKey("checkpoint-every")
        ? Double.parseDouble(opt.get("checkpoint-every")) : 0.0);
    res.put("t_checkpoint", tCheckpoint);
    res.put("t_warmup", tWarmup);
    res.put("t_setup", tBuild);
    res.put("t_run_loop", tLoop);
    res.put("cpu_run_loop", cpuLoop);
    res.put("cpu_run_loop_workers", cpuPool);
    res.put("n_syn", synapses);
    res.put("spikes_E", spikesE);
    res.put("spikes_I", spikesI);
    res.put("rate_E_Hz", spikesE / (double) e.size() / durationS);
    res.put("rate_I_Hz", spikesI / (double) i.size() / durationS);
    res.put("rate_all_Hz", (spikesE + spikesI) / (double) n / durationS);
    res.put("t_since_jvm_start", ManagementFactory.getRuntimeMXBean().getUptime() * 1e-3);
    System.out.println("RESULT " + json(res));
  }

  /** The einet's integrator and coupling (its groups are LifGroups, its projections ExpCoba). */
  private static void configure(BenchNetworks.Bench bench, String method, String coupling) {
    Integrator integrator = Integrator.valueOf(method.toUpperCase(Locale.ROOT));
    Coupling c = Coupling.valueOf(coupling.toUpperCase(Locale.ROOT));
    for (NeuronGroup g : bench.network().groups()) {
      if (!(g instanceof LifGroup lif)) {
        throw new IllegalArgumentException("--method/--coupling apply to the einet model only");
      }
      lif.method(integrator);
    }
    for (Projection p : bench.network().projections()) {
      if (p instanceof ExpCobaProjection exp) {
        exp.method(integrator).coupling(c);
      } else {
        ((WeightedExpCobaProjection) p).method(integrator).coupling(c);
      }
    }
  }

  private static Precision precision(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "double" -> Precision.DOUBLE;
      case "float" -> Precision.FLOAT;
      default -> throw new IllegalArgumentException(
          "--precision " + name + ": expected double or float");
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int a = 0; a < args.length; a++) {
      if (!args[a].startsWith("--") || a + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[a] + "'");
      }
      opt.put(args[a].substring(2), args[++a]);
    }
    return opt;
  }

  private static String json(Map<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    values.forEach((key, v) -> {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append('"').append(key).append("\": ");
      if (v instanceof String s) {
        out.append('"').append(s).append('"');
      } else if (v instanceof Double d) {
        out.append(String.format(Locale.ROOT, "%.6g", d));
      } else {
        out.append(v);
      }
    });
    return out.append('}').toString();
  }
}
