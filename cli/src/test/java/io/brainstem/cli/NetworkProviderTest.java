package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI runs what a {@link NetworkProvider} on the classpath registers (here FixtureNetworks). */
class NetworkProviderTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cli = BrainstemCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aProvidersNetworkIsListedAndRuns() {
    assertThat(ExampleNetworks.all().stream().map(ExampleNetwork::name).toList()).contains("pacemakers");
    Result list = run("list");
    assertWithMessage(list.err()).that(list.code()).isEqualTo(0);
    assertThat(list.out()).contains("pacemakers");
    // 140 steps: each of E's 40 neurons spikes every 7th step, 20 times in all.
    Result r = run("run", "PaceMakers", "--json");
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    assertThat(r.out()).containsMatch("\"spikes\" *: *800\\b");
  }

  @Test
  void aNameTakenInAnyCaseIsRefused() {
    ExampleNetwork again = new ExampleNetwork("PACEMAKERS", "a second one", 1., List.of(), Map.of(),
        o -> new io.brainstem.network.Network());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExampleNetworks.register(again));
    assertThat(e).hasMessageThat().contains("already registered");
  }
}
