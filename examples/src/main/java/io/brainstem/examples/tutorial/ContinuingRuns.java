package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.MonitorMode;
import java.util.Arrays;

/** Tutorial, "Continuing runs, reset and timing". */
public final class ContinuingRuns {
  private ContinuingRuns() {}

  /** Runs on, resets, runs again; returns whether the run after reset repeated the first. */
  public static boolean continueAndReset() {
    DSRunner runner = DSRunner.builder(new EINet())
        .monitors("E.spike")
        .input("E.input", 20.).input("I.input", 20.)
        .build();
    runner.run(100.);                                  // t = 0 ... 99.9 ms
    boolean[][] first = runner.mon().spikes("E.spike");
    runner.run(100.);                                  // continues: t = 100 ... 199.9 ms
    double[] ts = runner.mon().ts();                   // this run only: [1000], 100.0 ... 199.9
    runner.reset();                                    // the initial state, and t = 0 again
    runner.run(100.);                                  // repeats the first run, bit for bit
    boolean same = Arrays.deepEquals(first, runner.mon().spikes("E.spike"));
    System.out.printf("second run from %.1f ms; after reset() the first run again: %s%n", ts[0], same);
    System.out.println(runner.lastRun());              // steps, loop and set-up seconds
    return same;
  }

  /** With {@link MonitorMode#APPEND}, {@code mon()} holds every run; returns the number of steps held. */
  public static int append() {
    DSRunner runner = DSRunner.builder(new EINet())
        .monitors("E.spike")
        .input("E.input", 20.).input("I.input", 20.)
        .monitorMode(MonitorMode.APPEND)               // keep the records of earlier runs
        .build();
    runner.run(50.);
    runner.run(50.);
    double[] ts = runner.mon().ts();                   // [1000]: 0.0 ... 99.9 ms
    return ts.length;
  }
}
