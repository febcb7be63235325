package io.brainstem.examples.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs every section of docs/tutorial.md in order and writes its plots.
 *
 * <p>Usage: {@code Tutorial [image-dir]} (default {@code docs/img}).
 */
public final class Tutorial {
  private Tutorial() {}

  public static void main(String[] args) throws IOException {
    Path img = Path.of(args.length > 0 ? args[0] : "docs/img");
    RunnerArguments.seedRunner().run(100.);
    DsRunnerExample.run(img);
    ReportRunnerExample.run(img);
    ReportRunnerExample.withListener();
    Debugging.compare(img);
    MonitorsExample.run(img);
    MonitorsExample.schedules(img);
    InputsExample.perElement(img);
    InputsExample.types();
    InputsExample.section(img);
    InputsExample.poisson(img);
    ContinuingRuns.continueAndReset();
    ContinuingRuns.append();
    TrainingExample.ridge();
    TrainingExample.batches(Files.createTempDirectory("brainstem-batches"));
    TrainingExample.force();
    System.out.println("plots written to " + img.toAbsolutePath());
  }
}
