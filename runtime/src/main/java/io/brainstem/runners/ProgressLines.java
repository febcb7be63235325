package io.brainstem.runners;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, one per tenth of a run, {@code Run 10.0% used 0.012 s}: what
 * {@link ReportRunner} prints, and {@link DSRunner} when it reports progress without a terminal.
 */
final class ProgressLines {
  private final PrintStream out;
  private final int steps;
  private final LongSupplier clock;
  private final long start;
  private int next = 1; // the next tenth to report

  ProgressLines(PrintStream out, int steps, LongSupplier clock) {
    this.out = out;
    this.steps = steps;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** The number of steps done after which the next line is due, {@code ceil(next·steps/10)}; past the end when all are printed. */
  long nextDue() {
    return next > 10 ? Long.MAX_VALUE : ((long) next * steps + 9) / 10;
  }

  /** Prints the line of every tenth reached after {@code done} steps (short runs may reach several at once). */
  void after(long done) {
    while (next <= 10 && done * 10 >= (long) next * steps) {
      out.printf(Locale.ROOT, "Run %.1f%% used %.3f s%n", next * 10.0, (clock.getAsLong() - start) * 1e-9);
      next++;
    }
  }
}
