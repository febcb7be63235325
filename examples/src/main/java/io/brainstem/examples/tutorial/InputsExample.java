package io.brainstem.examples.tutorial;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.examples.AdaptiveLifGroup;
import io.brainstem.inputs.Input;
import io.brainstem.inputs.Inputs;
import io.brainstem.inputs.Op;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.PoissonGroup;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;
import java.util.Arrays;

/** Tutorial, "Inputs": what a runner adds to a variable every step. */
public final class InputsExample {
  private InputsExample() {}

  /**
   * Five AdaptiveLif neurons, each with its own constant input; writes
   * {@code tutorial-inputs-raster.png}.
   */
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

  /** BrainPy's input tuple types and ops, one neuron; returns its records. */
  public static MonitorResults types() {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", 1));
    double[] perStep = Inputs.ramp(0., 20., 0., 100.).sample(0., 0.1, 1000);  // an array over time

    DSRunner runner = DSRunner.builder(net)
        .inputs(Input.of("N.input", 10., "fix", "+"))                   // ('N.input', 10., 'fix', '+')
        .inputs(Input.iter("N.input", perStep))                         // ('N.input', arr, 'iter')
        .inputs(Input.func("N.input", (t, step) -> t < 50. ? 15. : 0.))  // ('N.input', f, 'func')
        .inputs(Input.fix("N.w", 0.5, Op.MUL))                          // ('N.w', 0.5, 'fix', '*')
        .monitors("N.V", "N.w", "N.spike")
        .build();
    runner.run(100.);
    return runner.mon();
  }

  /** Helpers: a step protocol plus a sinusoid; writes {@code tutorial-inputs-section.png}. */
  public static MonitorResults section(Path img) {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", 1));

    DSRunner runner = DSRunner.builder(net)
        .inputs(Input.func("N.input",
            Inputs.section(new double[] {0., 30., 45., 0.}, new double[] {50., 150., 150., 50.})))
        .inputs(Input.func("N.input", Inputs.sinusoid(3., 20.)))    // plus 3 mV at 20 Hz
        .monitors("N.V", "N.spike")
        .build();
    runner.run(400.);

    Plots.line(runner.mon(), "N.V", "V (mV)").title("Input 0, 30, 45, 0 mV (+ 3 mV at 20 Hz)")
        .savePng(img.resolve("tutorial-inputs-section.png"));
    return runner.mon();
  }

  /**
   * A Poisson group drives 100 LIF neurons through a projection; writes
   * {@code tutorial-inputs-poisson.png}.
   */
  public static MonitorResults poisson(Path img) {
    Network net = new Network();
    PoissonGroup noise = net.add(new PoissonGroup("P", 500, 20., 7));       // 500 trains at 20 Hz
    LifGroup n = net.add(new LifGroup("N", 100).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.));
    Arrays.fill(n.V, -60.);
    net.add(new ExpCobaProjection(noise, n, new FixedProb(0.1, 8)).E(0.).g_max(0.04).tau(5.));

    DSRunner runner = DSRunner.builder(net)
        .monitors("P.spike", "N.spike")
        .build();
    runner.run(200.);

    Plots.raster(runner.mon(), "P.spike", "N.spike").title("Poisson input (P) and its targets (N)")
        .savePng(img.resolve("tutorial-inputs-poisson.png"));
    return runner.mon();
  }
}
