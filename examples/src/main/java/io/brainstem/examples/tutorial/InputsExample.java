package io.brainstem.examples.tutorial;

import io.brainstem.examples.AdaptiveLifGroup;
import io.brainstem.inputs.Input;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;

/** Tutorial, "Inputs": what a runner adds to a variable every step. */
public final class InputsExample {
  private InputsExample() {}

  /** Five AdaptiveLif neurons, each with its own constant input; writes {@code tutorial-inputs-raster.png}. */
  public static MonitorResults perElement(Path img) {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", 5));

    DSRunner runner = DSRunner.builder(net)
        .input("N.input", new double[] {22., 26., 30., 34., 38.})  // one value per neuron
        .inputs(Input.constant("N.input", 2.))                     // and 2 more for every neuron
        .monitors("N.spike")
        .build();
    runner.run(300.);

    Plots.raster(runner.mon(), "N.spike").markerSize(5).title("Input 24, 28, 32, 36, 40 mV")
        .savePng(img.resolve("tutorial-inputs-raster.png"));
    return runner.mon();
  }
}
