package io.brainstem.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code brainstem list}: the bundled example networks with what a run of each does by default. */
@Command(
    name = "list",
    description = "Lists the example networks 'brainstem run' accepts, with their defaults.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (ExampleNetwork n : ExampleNetworks.all()) {
      out.printf(Locale.ROOT, "%-12s %s%n", n.name(), n.description());
      String inputs = n.inputs().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(" "));
      out.printf(Locale.ROOT, "%-12s defaults: --duration %s, monitors %s, inputs %s%n", "",
          n.durationMs(), String.join(" ", n.monitors()), inputs.isEmpty() ? "none" : inputs);
    }
    out.flush();
    return 0;
  }
}
