package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;

/** Tutorial, "DSRunner": the seed network under the fast runner, and its raster plot. */
public final class DsRunnerExample {
  private DsRunnerExample() {}

  /** Runs 100 ms of the seed network and writes {@code tutorial-dsrunner-raster.png} into {@code img}. */
  public static MonitorResults run(Path img) {
    EINet net = new EINet();

    DSRunner runner = DSRunner.builder(net)
        .monitors("E.spike")
        .input("E.input", 20.).input("I.input", 20.)
        .jit(true)
        .build();
    double seconds = runner.run(100.);
    System.out.printf("DSRunner: %.3f s%n", seconds);

    Plots.raster(runner.mon(), "E.spike").savePng(img.resolve("tutorial-dsrunner-raster.png"));
    return runner.mon();
  }
}
