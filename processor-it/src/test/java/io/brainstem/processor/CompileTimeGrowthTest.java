package io.brainstem.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The processor's work grows at most linearly with the model: random coupled models of n, 2n and
 * 4n states ({@link FuzzModel#scaled}) are processed, and each doubling may at most ~2.5x the
 * generated code and ~3x the processor's own time (the thread's CPU time around its
 * {@code process} calls, so other load on the machine does not count; the best of several runs
 * after a warm-up). Only ratios are asserted, never an absolute time: a quadratic step would give
 * 4x per doubling, far beyond the bound.
 */
class CompileTimeGrowthTest {
  private static final int BASE = 2;
  private static final int REPEATS = 5;

  @Test
  void processorTimeAndOutputGrowLinearlyWithModelSize() {
    int[] sizes = {BASE, 2 * BASE, 4 * BASE};
    long seed = Long.getLong("fuzz.seed", 20261202L);
    process(sizes[2], seed); // warm-up: JIT-compile the processor on the largest model
    long[] nanos = new long[sizes.length];
    int[] chars = new int[sizes.length];
    Arrays.fill(nanos, Long.MAX_VALUE);
    // Sizes interleaved within each repeat, so a slow moment of the machine hits all of them.
    for (int r = 0; r < REPEATS; r++) {
      for (int s = 0; s < sizes.length; s++) {
        FuzzCompiler.Processed p = process(sizes[s], seed);
        nanos[s] = Math.min(nanos[s], p.nanos());
        chars[s] = p.generatedChars();
      }
    }
    String report = String.format(Locale.ROOT,
        "states %d/%d/%d: processor %.1f/%.1f/%.1f ms, generated %d/%d/%d chars",
        sizes[0], sizes[1], sizes[2], nanos[0] * 1e-6, nanos[1] * 1e-6, nanos[2] * 1e-6,
        chars[0], chars[1], chars[2]);
    System.out.println(report);
    for (int s = 1; s < sizes.length; s++) {
      assertWithMessage(report).that((double) chars[s] / chars[s - 1]).isAtMost(2.5);
      assertWithMessage(report).that((double) nanos[s] / nanos[s - 1]).isAtMost(3.0);
    }
  }

  private static FuzzCompiler.Processed process(int states, long seed) {
    FuzzCompiler.Processed p = FuzzCompiler.process(List.of(FuzzModel.scaled("Grow", seed,
        states)));
    assertWithMessage("%s", p.problems()).that(p.problems()).isEmpty();
    return p;
  }
}
