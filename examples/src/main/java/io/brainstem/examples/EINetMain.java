package io.brainstem.examples;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.runners.Runner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the seed's EINet for 100 ms with both runners, prints their times and firing rates, and
 * writes the raster plot of {@code E.spike}.
 *
 * <p>Usage: {@code EINetMain [raster.png]} (default {@code einet-raster.png}).
 */
public final class EINetMain {
  private EINetMain() {}

  public static void main(String[] args) throws Exception {
    Path png = Path.of(args.length > 0 ? args[0] : "einet-raster.png");
    double duration = 100.;
    Plots.prepare(); // the plotting classes load on another thread while the network runs

    // The JVM compiles hot code while the first run goes, so the first time includes warm-up.
    DSRunner runner = dsRunner(new EINet());
    report("DSRunner (first run, JVM warming up)", runner.run(duration), runner, duration);

    ReportRunner reportRunner = ReportRunner.builder(new EINet())
        .monitors("E.spike", "I.spike")
        .input("E.input", 20.).input("I.input", 20.)
        .jit(true)
        .build();
    report("ReportRunner", reportRunner.run(duration), reportRunner, duration);

    DSRunner warm = dsRunner(new EINet());
    report("DSRunner (warm)", warm.run(duration), warm, duration);

    Plots.raster(runner.mon(), "E.spike").title("EINet: E.spike").savePng(png);
    System.out.println("raster plot written to " + png.toAbsolutePath());
  }

  private static DSRunner dsRunner(EINet net) {
    return DSRunner.builder(net)
        .monitors("E.spike", "I.spike")
        .input("E.input", 20.).input("I.input", 20.)
        .jit(true)
        .build();
  }

  private static void report(String label, double seconds, Runner runner, double durationMs) {
    MonitorResults mon = runner.mon();
    System.out.printf(Locale.ROOT, "%-38s %.3f s   E rate %.2f Hz   I rate %.2f Hz%n", label, seconds,
        rateHz(mon.spikes("E.spike"), durationMs), rateHz(mon.spikes("I.spike"), durationMs));
  }

  /** Mean firing rate in Hz of a [T][N] spike record spanning {@code durationMs}. */
  static double rateHz(boolean[][] spikes, double durationMs) {
    long count = 0;
    for (boolean[] row : spikes) {
      for (boolean s : row) {
        if (s) {
          count++;
        }
      }
    }
    int n = spikes.length == 0 ? 0 : spikes[0].length;
    return n == 0 ? 0 : count / (n * durationMs / 1000.);
  }
}
