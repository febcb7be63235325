package io.brainstem.bench;

import io.brainstem.sweep.NetworkRuns;
import io.brainstem.sweep.Sweep;
import io.brainstem.sweep.SweepResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a sweep costs against its ideal: {@code points × one point ÷ workers}.
 *
 * <pre>
 * SweepBench [--model coba] [--N 4000] [--points 16] [--duration 1] (s) [--workers cores]
 * </pre>
 *
 * Warms the JIT with a sweep of {@code workers} points, times one point alone three times (the
 * median is "one point"), then times the sweep of {@code points} points over {@code workers}
 * workers. Each point is the bench network of {@link BenchNetworks} with a seed of its own. Prints
 * {@code RESULT {json}}.
 */
public final class SweepBench {
  private SweepBench() {}

  /** Runs the measurement; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int a = 0; a + 1 < args.length; a += 2) {
      opt.put(args[a].replaceFirst("^--", ""), args[a + 1]);
    }
    String model = opt.getOrDefault("model", "coba");
    int n = Integer.parseInt(opt.getOrDefault("N", "4000"));
    int points = Integer.parseInt(opt.getOrDefault("points", "16"));
    double durationMs = Double.parseDouble(opt.getOrDefault("duration", "1")) * 1000;
    int workers = Integer.parseInt(opt.getOrDefault("workers",
        String.valueOf(Runtime.getRuntime().availableProcessors())));

    BenchNetworks.Bench probe = BenchNetworks.build(model, n, 80, 1);
    NetworkRuns runs = NetworkRuns.of(p -> BenchNetworks.build(model, n, 80, p.seed()).network())
        .duration(durationMs).dt(BenchNetworks.DT);
    if (probe.inputE() != 0) {
      runs.input("E.input", probe.inputE()).input("I.input", probe.inputI());
    }
    double[] seeds = new double[points];
    Arrays.setAll(seeds, i -> i);
    Sweep.builder().grid("point", Arrays.copyOf(seeds, workers)).workers(workers).build().run(runs);

    double[] one = new double[3];
    for (int r = 0; r < one.length; r++) {
      long t0 = System.nanoTime();
      Sweep.builder().grid("point", r).seed(100 + r).workers(1).build().run(runs).values();
      one[r] = (System.nanoTime() - t0) * 1e-9;
    }
    Arrays.sort(one);
    SweepResult<NetworkRuns.Run> sweep =
        Sweep.builder().grid("point", seeds).workers(workers).build().run(runs);
    sweep.values(); // throws if a point failed
    double ideal = points * one[1] / workers;
    System.out.println(String.format(Locale.ROOT,
        "RESULT {\"model\": \"%s\", \"N\": %d, \"points\": %d, \"workers\": %d, \"duration_s\": %s, "
            + "\"one_point_s\": %.4f, \"sweep_s\": %.4f, \"ideal_s\": %.4f, \"sweep_over_ideal\": %.4f}",
        model, n, points, workers, durationMs / 1000, one[1], sweep.seconds(), ideal,
        sweep.seconds() / ideal));
  }
}
