package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the processor with random well-formed models ({@link FuzzModel}): each must process
 * without any diagnostic, its generated code must compile with every lint, and its kernels must
 * equal its own methods ({@code jit(false)}) bit for bit under EXP_AUTO, EULER, RK4 and one more
 * integrator ({@link FuzzRun}). A fixed seed and 24 models in the build; more with
 * {@code -Dfuzz.models=2000 -Dfuzz.seed=7}, one model again with {@code -Dfuzz.model=<its seed>}.
 * A failure prints the model's seed and source and saves it to {@code target/fuzz-failures/}.
 * See docs/testing.md.
 */
class ModelFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
  private static final int MODELS = Integer.getInteger("fuzz.models", 24);
  private static final String ONE = System.getProperty("fuzz.model");
  /** Also names the generated code uses itself (S, BLOCK, holdTime, ...): see docs/testing.md. */
  private static final boolean TRICKY_NAMES =
      Boolean.parseBoolean(System.getProperty("fuzz.trickyNames", "true"));
  /** Models per javac run: one run per model would spend most of the time starting javac. */
  private static final int BATCH = 8;
  private static final Path FAILURES = Path.of("target/fuzz-failures");

  private final List<String> failures = new ArrayList<>();
  private int compiled;
  private int runs;
  private int vectorRuns;
  private int skipped;
  private int finiteRuns;
  private int spikingRuns;
  private long compileNanos;
  private long runNanos;

  @Test
  void randomModelsProcessCompileAndRunBitIdenticalToTheirOwnMethods() {
    List<Long> seeds = new ArrayList<>();
    if (ONE != null) {
      seeds.add(Long.parseLong(ONE));
    } else {
      Random random = new Random(SEED);
      for (int m = 0; m < MODELS; m++) {
        seeds.add(random.nextLong());
      }
    }
    for (int from = 0; from < seeds.size(); from += BATCH) {
      List<FuzzModel> batch = new ArrayList<>();
      for (int m = from; m < Math.min(seeds.size(), from + BATCH); m++) {
        batch.add(model(m, seeds.get(m)));
      }
      check(batch, seeds.subList(from, from + batch.size()));
    }
    String summary = String.format(Locale.ROOT,
        "fuzz seed %d: %d models generated, %d compiled cleanly, %d runs compared (%d also with"
            + " vector kernels bit for bit, %d ended finite, %d spiked), %d skipped (EXP_EULER on a"
            + " nonlinear model), %d failures; %.1f s compiling, %.1f s running",
        SEED, seeds.size(), compiled, runs, vectorRuns, finiteRuns, spikingRuns, skipped,
        failures.size(), compileNanos * 1e-9, runNanos * 1e-9);
    System.out.println(summary);
    assertWithMessage("%s\n%s", summary, String.join("\n\n", failures)).that(failures).isEmpty();
    // The generator is not allowed to drift into models that test nothing.
    if (ONE == null) {
      assertThat(compiled).isEqualTo(seeds.size());
      assertThat(finiteRuns).isGreaterThan(runs / 2);
      assertThat(spikingRuns).isGreaterThan(runs / 5);
    }
  }

  private static FuzzModel model(int index, long seed) {
    return FuzzModel.generate("F" + index, seed, 1 + (int) Math.floorMod(seed, 4L), TRICKY_NAMES);
  }

  private void check(List<FuzzModel> batch, List<Long> seeds) {
    long start = System.nanoTime();
    FuzzCompiler.Outcome outcome = FuzzCompiler.compile(batch);
    compileNanos += System.nanoTime() - start;
    if (!outcome.ok()) {
      // Find which models fail, one javac run each.
      for (int m = 0; m < batch.size(); m++) {
        FuzzCompiler.Outcome alone = FuzzCompiler.compile(List.of(batch.get(m)));
        if (alone.ok()) {
          compiled++;
          runAll(batch.get(m), seeds.get(m), alone.loader());
        } else {
          fail(batch.get(m), seeds.get(m), String.join("\n", alone.problems()));
        }
      }
      return;
    }
    for (int m = 0; m < batch.size(); m++) {
      compiled++;
      runAll(batch.get(m), seeds.get(m), outcome.loader());
    }
  }

  private void runAll(FuzzModel model, long seed, ClassLoader loader) {
    long start = System.nanoTime();
    try {
      runEach(model, seed, loader);
    } finally {
      runNanos += System.nanoTime() - start;
    }
  }

  private void runEach(FuzzModel model, long seed, ClassLoader loader) {
    Integrator[] others = {Integrator.MIDPOINT, Integrator.HEUN, Integrator.RALSTON2,
        Integrator.RK3, Integrator.RK4_38, Integrator.EXP_EULER};
    Integrator extra = others[(int) Math.floorMod(seed >>> 7, (long) others.length)];
    for (Integrator method : new Integrator[] {Integrator.EXP_AUTO, Integrator.EULER,
        Integrator.RK4, extra}) {
      FuzzRun run = new FuzzRun(model, loader, method, seed + method.ordinal());
      try {
        FuzzRun.Result result = run.run();
        if (result.skipped()) {
          skipped++;
          continue;
        }
        runs++;
        vectorRuns += result.vectorCompared() ? 1 : 0;
        finiteRuns += result.finite() ? 1 : 0;
        spikingRuns += result.spikes() > 0 ? 1 : 0;
        if (result.mismatch() != null) {
          fail(model, seed, run.describe() + ": " + result.mismatch());
          return;
        }
      } catch (Throwable e) {
        fail(model, seed, run.describe() + " threw " + FuzzCompiler.stackTrace(e));
        return;
      }
    }
  }

  private void fail(FuzzModel model, long seed, String problem) {
    String report = "model " + model.describe() + ", seed " + seed
        + " (reproduce: -Dfuzz.model=" + seed + ")\n" + problem + "\n" + model.source();
    failures.add(report);
    System.out.println("FUZZ FAILURE " + report);
    try {
      Files.createDirectories(FAILURES);
      Files.writeString(FAILURES.resolve(model.className() + "-" + seed + ".java"),
          "// " + problem.replace("\n", "\n// ") + "\n" + model.source());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
