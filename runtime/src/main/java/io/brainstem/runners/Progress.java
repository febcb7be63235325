package io.brainstem.runners;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a {@link DSRunner} run reports progress: it splits the run into chunks of steps and reports
 * between chunks, so the step loop itself is unchanged.
 *
 * <ul>
 *   <li>{@link Style#BAR}: a progress bar (me.tongfei:progressbar) from the first step;
 *   <li>{@link Style#BAR_IF_LONG}: the bar once the run is expected to last longer than
 *       {@value #SHOW_AFTER_NANOS} ns (the default in an interactive terminal);
 *   <li>{@link Style#LINES}: a line per tenth of the run, {@code Run 10.0% used 0.012 s}, each chunk
 *       ending where a line is due.
 * </ul>
 *
 * With a bar, chunks are powers of two sized to take about {@value #TARGET_NANOS} ns, so the bar
 * costs one clock read per chunk.
 */
final class Progress {
  static final long TARGET_NANOS = 50_000_000L;
  static final long SHOW_AFTER_NANOS = 1_000_000_000L;

  /** What is shown. */
  enum Style {
    BAR,
    BAR_IF_LONG,
    LINES
  }

  private final int steps;
  private final Style style;
  private final PrintStream out;
  private final LongSupplier clock;
  private final long start;
  private final ProgressLines lines; // LINES only
  private int chunk = 64;
  private ProgressBar bar;

  /**
   * Progress of a run of {@code steps} steps, shown on {@code out} ({@code System.err} gets the
   * library's console bar, which adapts to the terminal), timed by {@code clock} (ns).
   */
  Progress(int steps, Style style, PrintStream out, LongSupplier clock) {
    this.steps = steps;
    this.style = style;
    this.out = out;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lines = style == Style.LINES ? new ProgressLines(out, steps, clock) : null;
    if (style == Style.BAR) {
      bar = newBar(0, 0);
    }
  }

  /**
   * The progress a run shows: none with {@code show} false; with {@code show} true a bar on a
   * terminal and lines elsewhere; by default ({@code show} null) a bar for long runs on a terminal,
   * nothing elsewhere. Null when nothing is shown.
   */
  static Progress of(Boolean show, boolean terminal, int steps, PrintStream out, LongSupplier clock) {
    if (Boolean.FALSE.equals(show) || (show == null && !terminal)) {
      return null;
    }
    Style style = show == null ? Style.BAR_IF_LONG : terminal ? Style.BAR : Style.LINES;
    return new Progress(steps, style, out, clock);
  }

  /** The number of steps to run, after {@code done}, before the next {@link #update}. */
  int chunk(int done) {
    if (lines != null) {
      return (int) Math.max(1, Math.min(steps, lines.nextDue()) - done);
    }
    return chunk;
  }

  /** Called after {@code done} of the run's steps. */
  void update(int done) {
    if (lines != null) {
      lines.after(done);
      return;
    }
    long elapsed = clock.getAsLong() - start;
    double perStep = (double) elapsed / done;
    if (bar == null && done < steps && (elapsed > SHOW_AFTER_NANOS / 2 || perStep * steps > SHOW_AFTER_NANOS)) {
      bar = newBar(done, elapsed);
    }
    if (bar != null) {
      bar.stepTo(done);
    }
    long wanted = perStep > 0 ? (long) (TARGET_NANOS / perStep) : 1L << 20;
    chunk = (int) Math.max(1, Math.min(1 << 20, Long.highestOneBit(Math.max(1, wanted))));
  }

  private ProgressBar newBar(int done, long elapsed) {
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName("Run")
        .setInitialMax(steps)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" steps", 1)
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .startsFrom(done, java.time.Duration.ofNanos(elapsed)); // the clock covers the whole run
    if (out != System.err) {
      b.setConsumer(new ConsoleProgressBarConsumer(out));
    }
    return b.build();
  }

  /** What this run shows. */
  Style style() {
    return style;
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
