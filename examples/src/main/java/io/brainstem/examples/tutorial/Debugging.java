package io.brainstem.examples.tutorial;

import io.brainstem.examples.AdaptiveLifGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tutorial, "jit and debugging": {@code jit(false)} calls the model's own methods, so a breakpoint
 * in {@code AdaptiveLif.dV} stops there. Run this class's {@code main} under a debugger.
 */
public final class Debugging {
  private Debugging() {}

  public static void main(String[] args) {
    run(false);
  }

  /** 200 ms of one AdaptiveLif neuron under 30 mV of input, with the kernels or the model's methods. */
  public static MonitorResults run(boolean jit) {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", 1));

    DSRunner runner = DSRunner.builder(net)
        .monitors("N.V", "N.w", "N.spike")
        .input("N.input", 30.)
        .jit(jit)                      // false: every step calls AdaptiveLif.dV, dw, fire and reset
        .build();
    runner.run(200.);
    return runner.mon();
  }

  /** Both ways give the same numbers, bit for bit; writes {@code tutorial-debug-trace.png}. */
  public static boolean compare(Path img) {
    MonitorResults fast = run(true);
    MonitorResults debug = run(false);
    boolean same = Arrays.deepEquals(fast.values("N.V"), debug.values("N.V"))
        && Arrays.deepEquals(fast.spikes("N.spike"), debug.spikes("N.spike"));
    System.out.println("jit(true) and jit(false) agree bit for bit: " + same);

    Plots.line(debug, "N.V").title("AdaptiveLif, jit(false)").yLabel("V (mV)")
        .savePng(img.resolve("tutorial-debug-trace.png"));
    return same;
  }
}
