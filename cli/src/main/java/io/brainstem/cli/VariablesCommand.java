package io.brainstem.cli;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.Network;
import io.brainstem.network.Variable;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code brainstem variables NETWORK}: the paths {@code --monitor} and {@code --input} accept. */
@Command(
    name = "variables",
    description = "Lists the variables of a network: the paths --monitor and --input accept, "
        + "with their sizes and kinds.")
final class VariablesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETWORK", description = "A network from 'brainstem list'.")
  String network;

  @Override
  public Integer call() {
    ExampleNetwork example;
    Network net;
    try {
      example = ExampleNetworks.get(network);
      net = example.build(new NetworkOptions(42, Integrator.EXP_AUTO, 1));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String path : net.paths()) {
      Variable v = net.variable(path);
      out.printf(Locale.ROOT, "%-16s %8d  %s%n", path, v.size(), v.kind().name().toLowerCase(Locale.ROOT));
    }
    out.flush();
    return 0;
  }
}
