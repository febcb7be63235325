package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.ReportRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;
import java.util.Arrays;

/** Tutorial, "ReportRunner": the same network step by step, with progress and a listener. */
public final class ReportRunnerExample {
  private ReportRunnerExample() {}

  /** Runs 100 ms of the seed network and writes {@code tutorial-reportrunner-raster.png}. */
  public static MonitorResults run(Path img) {
    EINet net = new EINet();

    ReportRunner runner = ReportRunner.builder(net)
        .monitors("E.spike")
        .input("E.input", 20.).input("I.input", 20.)
        .jit(true)
        .build();
    double seconds = runner.run(100.);
    System.out.printf("ReportRunner: %.3f s%n", seconds);

    Plots.raster(runner.mon(), "E.spike").savePng(img.resolve("tutorial-reportrunner-raster.png"));
    return runner.mon();
  }

  /** A listener sees the network after every step: here the mean E potential every 20 ms. */
  public static void withListener() {
    EINet net = new EINet();

    ReportRunner runner = ReportRunner.builder(net)
        .input("E.input", 20.).input("I.input", 20.)
        .listeners((step, t) -> {
          if (step % 200 == 0) {
            double meanV = Arrays.stream(net.E.V).average().orElseThrow();
            System.out.printf("t = %5.1f ms   mean E.V = %.2f mV%n", t, meanV);
          }
        })
        .progressBar(false)                            // no "Run 10.0% used ..." lines
        .build();
    runner.run(100.);
  }
}
