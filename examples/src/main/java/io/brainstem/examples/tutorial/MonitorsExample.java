package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import io.brainstem.runners.DSRunner;
import io.brainstem.visualize.Plots;
import java.nio.file.Path;
import java.util.Arrays;

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
    double[][] v100 = mon.values("E.V[100]");            // [1000][1]
    int[] neurons = mon.indices("E.V");                  // [0, 1, 2]: the neuron of each column
    System.out.printf("%d steps, %d E neurons, %d traces of neurons %s, V[100](t=%.1f) = %.2f mV%n",
        ts.length, spikes[0].length, v[0].length, Arrays.toString(neurons), ts[999], v100[999][0]);

    Plots.line(mon, "E.V").columns(0, 1, 2).title("Three E neurons").yLabel("V (mV)")
        .savePng(img.resolve("tutorial-monitors-v.png"));
    return mon;
  }

  /**
   * Every-k recording, a time window, a callable monitor, spike events and rates; writes
   * {@code tutorial-monitors-ei.png} and {@code tutorial-monitors-mean-v.png}.
   */
  public static MonitorResults schedules(Path img) {
    EINet net = new EINet();

    DSRunner runner = DSRunner.builder(net)
        .monitors("E.spike", "I.spike")
        .monitors(Monitor.of("E.V").every(10).named("E.V every 10"))          // every 10th step
        .monitors(Monitor.of("E.V", 0).window(40., 60.).named("V0 40-60"))     // 40 <= t < 60 ms only
        .monitors(Monitor.probe("mean E.V", n -> Arrays.stream(net.E.V).average().orElseThrow()))
        .input("E.input", 20.).input("I.input", 20.)
        .build();
    runner.run(100.);

    MonitorResults mon = runner.mon();
    double[][] sampled = mon.values("E.V every 10");            // [100][3200]
    double[] sampledAt = mon.times("E.V every 10");             // 0.0, 1.0, ..., 99.0 ms
    double[] windowAt = mon.times("V0 40-60");                  // 40.0, 40.1, ..., 59.9 ms
    double[] meanV = mon.column("mean E.V", 0);                 // [1000]
    SpikeEvents events = mon.events("E.spike");                 // one entry per spike
    double[] spikeTimes = events.times();                       // ms
    int[] spikeNeurons = events.indices();
    double rate = mon.meanRate("E.spike");                      // Hz
    double[] populationRate = mon.populationRate("E.spike", 5.);  // Hz, [1000], smoothed over 5 ms
    System.out.printf("%d x %d sampled, %d window rows, %d spikes, first at %.1f ms by neuron %d, "
            + "E %.2f Hz, peak population rate %.0f Hz, mean E.V at the end %.2f mV%n",
        sampled.length, sampled[0].length, windowAt.length, events.count(), spikeTimes[0],
        spikeNeurons[0], rate, Arrays.stream(populationRate).max().orElseThrow(), meanV[999]);

    Plots.eiFigure(mon, 5., "E.spike", "I.spike").savePng(img.resolve("tutorial-monitors-ei.png"));
    Plots.line(mon, "mean E.V", "mean E.V (mV)").title("A callable monitor")
        .savePng(img.resolve("tutorial-monitors-mean-v.png"));
    return mon;
  }
}
