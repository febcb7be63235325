package io.brainstem.runners;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Splits a run into chunks of steps and, between chunks, updates a progress bar once the run is
 * expected to last longer than about a second. Chunks are powers of two sized to take about
 * {@value #TARGET_NANOS} ns, so the bar costs one {@code nanoTime()} per chunk and the step loop
 * itself is unchanged.
 */
final class Progress {
  static final long TARGET_NANOS = 50_000_000L;
  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

  private final int steps;
  private final long start = System.nanoTime();
  private int chunk = 64;
  private ProgressBar bar;

  Progress(int steps) {
    this.steps = steps;
  }

  /** The number of steps to run before the next {@link #update}. */
  int chunk() {
    return chunk;
  }

  /** Called after {@code done} of the run's steps. */
  void update(int done) {
    long elapsed = System.nanoTime() - start;
    double perStep = (double) elapsed / done;
    if (bar == null && done < steps && (elapsed > SHOW_AFTER_NANOS / 2 || perStep * steps > SHOW_AFTER_NANOS)) {
      bar = new ProgressBarBuilder()
          .setTaskName("Run")
          .setInitialMax(steps)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" steps", 1)
          .setUpdateIntervalMillis(200)
          .continuousUpdate()
          .startsFrom(done, java.time.Duration.ofNanos(elapsed)) // the clock covers the whole run
          .build();
    }
    if (bar != null) {
      bar.stepTo(done);
    }
    long wanted = perStep > 0 ? (long) (TARGET_NANOS / perStep) : 1L << 20;
    chunk = (int) Math.max(1, Math.min(1 << 20, Long.highestOneBit(Math.max(1, wanted))));
  }

  /** Whether a bar was shown. */
  boolean shown() {
    return bar != null;
  }

  void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
