package io.brainstem.cli;

import java.util.List;

/**
 * Supplies networks to the command line. Implementations are found with {@link
 * java.util.ServiceLoader}: list the class in {@code META-INF/services/io.brainstem.cli.NetworkProvider}
 * of a jar on the CLI's classpath, as the examples module does for {@code einet}.
 */
public interface NetworkProvider {
  /**
   * The networks to register, in the order {@code brainstem list} shows them.
   *
   * @return the networks, none of whose names (in any case) another provider also uses
   */
  List<ExampleNetwork> networks();
}
