package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;

/** Tutorial, "Monitors": what to record and how to read it back. */
public final class MonitorsExample {
  private MonitorsExample() {}

  /** Records spikes and a few potentials of the seed network; writes {@code tutorial-monitors-v.png}. */
  public static MonitorResults run(Path img) {
    EINet net = new EINet();

    DSRunner runner = DSRunner.builder(net)
        .monitors("E.spike", "I.spike")                  // every element, every step
        .monitor("E.V", 0, 1, 2)                         // three elements of E.V
        .monitors(Monitor.of("E.V", 100).named("E.V[100]"))  // the same variable again, renamed
        .input("E.input", 20.).input("I.input", 20.)
        .build();
    runner.run(100.);

    MonitorResults mon = runner.mon();
    double[] ts = mon.ts();                              // [1000]: 0.0, 0.1, ..., 99.9 ms
    boolean[][] spikes = mon.spikes("E.spike");          // [1000][3200]
    double[][] v = mon.values("E.V");                    // [1000][3]
    double[][] v100 = mon.get("E.V[100]");               // [1000][1]
    System.out.printf("%d steps, %d E neurons, %d traces, V[100](t=%.1f) = %.2f mV%n",
        ts.length, spikes[0].length, v[0].length, ts[999], v100[999][0]);

    Plots.line(mon, "E.V").columns(0, 1, 2).title("Three E neurons").yLabel("V (mV)")
        .savePng(img.resolve("tutorial-monitors-v.png"));
    return mon;
  }
}
