package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.export.Csv;
import io.brainstem.export.Npz;
import io.brainstem.runners.DSRunner;
import java.nio.file.Path;

/** Tutorial, "Saving results": NPZ for numpy, CSV for anything else. */
public final class SavingResults {
  private SavingResults() {}

  /** Writes {@code einet.npz} and {@code csv/} into {@code dir}; returns the NPZ file. */
  public static Path save(Path dir) {
    DSRunner runner = DSRunner.builder(new EINet())
        .monitors("E.spike", "I.spike")
        .monitor("E.V", 0, 1, 2)
        .input("E.input", 20.).input("I.input", 20.)
        .build();
    runner.run(100.);

    Path npz = Npz.write(dir.resolve("einet.npz"), runner.mon());  // ts, E.spike, E.spike_times, ...
    Csv.write(dir.resolve("csv"), runner.mon());                   // E.spike.csv (t,index), E.V.csv (t,E.V[0],...)
    return npz;
  }
}
