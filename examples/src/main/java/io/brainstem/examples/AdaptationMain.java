package io.brainstem.examples;

import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;

/**
 * Drives one {@link AdaptiveLif} neuron with a constant current and plots its voltage: the
 * inter-spike intervals lengthen as the adaptation current builds up.
 *
 * <p>Usage: {@code AdaptationMain [trace.png]}.
 */
public final class AdaptationMain {
  private AdaptationMain() {}

  public static void main(String[] args) throws Exception {
    Path png = Path.of(args.length > 0 ? args[0] : "adaptation-trace.png");
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", 1));
    DSRunner runner = DSRunner.builder(net)
        .monitors("N.V", "N.w", "N.spike")
        .input("N.input", 30.)
        .build();
    runner.run(500.);
    Plots.line(runner.mon(), "N.V").title("AdaptiveLif under 30 mV of input").savePng(png);
    System.out.println("trace written to " + png.toAbsolutePath());
  }
}
