package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class BrainstemCliTest {

  /** What one invocation printed and returned. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = BrainstemCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static JsonObject json(String... args) {
    Result r = run(args);
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void runHelpDocumentsEveryOption() {
    Result r = run("run", "--help");
    assertThat(r.code()).isEqualTo(0);
    CommandLine runCommand = BrainstemCli.commandLine().getSubcommands().get("run");
    assertThat(runCommand.getCommandSpec().options()).isNotEmpty();
    for (OptionSpec option : runCommand.getCommandSpec().options()) {
      assertWithMessage("help of run").that(r.out()).contains(option.longestName());
      assertWithMessage("description of " + option.longestName())
          .that(String.join(" ", option.description())).isNotEmpty();
    }
    for (String flag : new String[] {"--duration", "--dt", "--seed", "--runner", "--threads", "--jit",
        "--monitor", "--input", "--out", "--json", "--method", "--scale", "--every", "--progress",
        "--format", "--csv", "--help", "--version"}) {
      assertThat(r.out()).contains(flag);
    }
  }

  @Test
  void topLevelHelpListsCommandsAndVersionIsTheProjectVersion() {
    Result help = run("--help");
    assertThat(help.code()).isEqualTo(0);
    assertThat(help.out()).contains("list");
    assertThat(help.out()).contains("run");
    Result version = run("--version");
    assertThat(version.code()).isEqualTo(0);
    assertThat(version.out()).containsMatch("brainstem \\d+\\.\\d+\\.\\d+");
    assertThat(version.out()).doesNotContain("${");
  }

  @Test
  void missingNetworkAndMistypedCommandAreUsageErrors() {
    Result missing = run("run");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required parameter: 'NETWORK'");
    Result typo = run("lst");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("Did you mean: brainstem list?");
    Result help = run("help", "run");
    assertThat(help.code()).isEqualTo(0);
    assertThat(help.out()).contains("--duration");
  }

  @Test
  void mpiRefusesOnJdk17NamingTheJdkToUse() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 22,
        "JDK 22+ runs --mpi; MpiRunIT covers it");
    Result r = run("run", "einet", "--mpi", "--duration", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--mpi: distributed runs need JDK 22 or newer");
  }

  @Test
  void mpiRefusesANetworkThatCannotBeSplitAndTheReportRunner() {
    Result r = run("run", "adaptation", "--mpi");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("network 'adaptation' cannot be split over ranks; --mpi runs einet");
    r = run("run", "einet", "--mpi", "--runner", "report");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("drop --runner report");
  }

  @Test
  void noCommandIsAUsageError() {
    Result r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing a command");
  }

  @Test
  void listShowsEveryRegisteredNetwork() {
    Result r = run("list");
    assertThat(r.code()).isEqualTo(0);
    for (ExampleNetwork n : ExampleNetworks.all()) {
      assertThat(r.out()).contains(n.name());
      assertThat(r.out()).contains(n.description());
    }
    assertThat(r.out()).contains("einet");
    assertThat(r.out()).contains("E.input=20.0");
  }

  @Test
  void variablesListsEveryPathWithSizeAndKind() {
    Result r = run("variables", "einet");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).containsMatch("E\\.spike\\s+3200  spike");
    assertThat(r.out()).containsMatch("I\\.V\\s+800  state");
    assertThat(r.out()).containsMatch("E\\.input\\s+3200  input");
    assertThat(r.out()).containsMatch("E2I\\.g\\s+800  state");
    Result unknown = run("variables", "einett");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("did you mean 'einet'?");
  }

  @Test
  void seedEinetJsonHasRatesInTheBrian2Band() {
    JsonObject s = json("run", "EINet", "--json");
    assertThat(s.get("network").getAsString()).isEqualTo("einet");
    assertThat(s.get("steps").getAsInt()).isEqualTo(1000);
    assertThat(s.get("seed").getAsLong()).isEqualTo(42);
    assertThat(s.get("dt_ms").getAsDouble()).isEqualTo(0.1);
    JsonObject times = s.getAsJsonObject("times_s");
    assertThat(times.keySet()).containsExactly("network", "runner", "setup", "run").inOrder();
    assertThat(times.get("run").getAsDouble()).isGreaterThan(0.);
    assertThat(times.get("network").getAsDouble()).isGreaterThan(0.);
    JsonObject rates = s.getAsJsonObject("rates_hz");
    assertThat(rates.keySet()).containsExactly("E", "I").inOrder();
    assertThat(rates.get("E").getAsDouble()).isWithin(3.).of(22.);
    assertThat(rates.get("I").getAsDouble()).isWithin(3.).of(22.);
    JsonObject e = s.getAsJsonObject("spikes").getAsJsonObject("E");
    assertThat(e.get("neurons").getAsInt()).isEqualTo(3200);
    assertThat(e.get("rate_hz").getAsDouble())
        .isEqualTo(e.get("spikes").getAsLong() / (3200 * 0.1));
  }

  @Test
  void textOutputNamesRunnerAndRates() {
    Result r = run("run", "einet", "--scale", "0.25", "--duration", "20");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("einet: 200 steps of 0.1 ms");
    assertThat(r.out()).contains("DSRunner");
    assertThat(r.out()).containsMatch("E\\s+800 neurons");
    assertThat(r.out()).containsMatch("I\\s+200 neurons");
  }

  @Test
  void reportRunnerAndJitFalseGiveTheSameSpikesAsDsRunner() {
    String[] common = {"run", "einet", "--scale", "0.25", "--duration", "30", "--seed", "3", "--json"};
    JsonObject ds = json(common);
    JsonObject report = json(concat(common, "--runner", "report"));
    JsonObject debug = json(concat(common, "--jit=false"));
    assertThat(report.get("runner").getAsString()).isEqualTo("report");
    assertThat(debug.get("jit").getAsBoolean()).isFalse();
    assertThat(report.get("spikes")).isEqualTo(ds.get("spikes"));
    assertThat(debug.get("spikes")).isEqualTo(ds.get("spikes"));
    assertThat(ds.getAsJsonObject("spikes").getAsJsonObject("E").get("spikes").getAsLong()).isGreaterThan(0L);
  }

  @Test
  void reportRunnerProgressGoesToStderrSoJsonStaysClean() {
    Result r = run("run", "adaptation", "--runner", "report", "--json");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).contains("Run 100.0% used");
    JsonParser.parseString(r.out()); // throws if progress leaked into stdout
  }

  @Test
  void seedAndMethodChangeTheRun() {
    String[] common = {"run", "einet", "--scale", "0.25", "--duration", "30", "--json"};
    JsonObject a = json(concat(common, "--seed", "1"));
    JsonObject again = json(concat(common, "--seed", "1"));
    JsonObject b = json(concat(common, "--seed", "2"));
    JsonObject euler = json(concat(common, "--seed", "1", "--method", "euler"));
    assertThat(again.get("spikes")).isEqualTo(a.get("spikes"));
    assertThat(b.get("spikes")).isNotEqualTo(a.get("spikes"));
    assertThat(euler.get("method").getAsString()).isEqualTo("EULER");
    assertThat(euler.get("spikes")).isNotEqualTo(a.get("spikes"));
  }

  @Test
  void dtAndDurationSetTheSteps() {
    JsonObject s = json("run", "adaptation", "--dt", "0.05", "--duration", "10", "--json");
    assertThat(s.get("steps").getAsInt()).isEqualTo(200);
    Result r = run("run", "adaptation", "--duration", "10.05", "--json");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.err()).contains("not a multiple of --dt 0.1 ms; running 100 steps");
    assertThat(JsonParser.parseString(r.out()).getAsJsonObject().get("steps").getAsInt()).isEqualTo(100);
  }

  @Test
  void inputOverridesTheDefaultForItsPath() {
    JsonObject none = json("run", "adaptation", "--input", "N.input=0", "--json");
    JsonObject strong = json("run", "adaptation", "--input", "N.input=60", "--json");
    JsonObject normal = json("run", "adaptation", "--json");
    assertThat(none.getAsJsonObject("rates_hz").get("N").getAsDouble()).isEqualTo(0.);
    assertThat(strong.getAsJsonObject("rates_hz").get("N").getAsDouble())
        .isGreaterThan(normal.getAsJsonObject("rates_hz").get("N").getAsDouble());
  }

  @Test
  void monitorsReplaceTheDefaults() {
    JsonObject s = json("run", "einet", "--scale", "0.1", "--duration", "5", "--json",
        "--monitor", "I.spike", "--monitor", "E.V[0:3,7]");
    assertThat(s.getAsJsonArray("monitors").toString()).isEqualTo("[\"I.spike\",\"E.V[0:3,7]\"]");
    assertThat(s.getAsJsonObject("rates_hz").keySet()).containsExactly("I");
  }

  @Test
  void outWritesNpzPlotsAndSummary(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("results");
    Result r = run("run", "adaptation", "--duration", "100", "--out", out.toString(),
        "--monitor", "N.V", "--monitor", "N.spike");
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    byte[] npz = Files.readAllBytes(out.resolve("monitors.npz"));
    assertThat(new String(npz, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
    for (String name : new String[] {"N.V.png", "N.spike.png", "network.png"}) {
      byte[] png = Files.readAllBytes(out.resolve(name));
      assertWithMessage(name).that(png.length).isGreaterThan(1000);
      assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
      assertThat(r.out()).contains("wrote " + out.resolve(name));
    }
    JsonObject summary =
        JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
    assertThat(summary.get("steps").getAsInt()).isEqualTo(1000);
    assertThat(summary.getAsJsonObject("rates_hz").get("N").getAsDouble()).isGreaterThan(0.);
  }

  @Test
  void numpyLoadsTheNpz(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        NumpyCheck.available(), "python3 with numpy is not installed");
    Path out = dir.resolve("r");
    Result r = run("run", "einet", "--scale", "0.1", "--duration", "20", "--out", out.toString(),
        "--monitor", "E.spike", "--monitor", "E.V[0:2,7]", "--every", "5");
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    String shapes = NumpyCheck.run("import numpy as np, sys\n"
        + "z = np.load(sys.argv[1])\n"
        + "print(z['ts'].shape, z['E.spike'].shape, z['E.spike'].dtype, z['E.V[0:2,7]'].shape, "
        + "z['E.V[0:2,7]_times'][:2].tolist(), len(z['E.spike_times']) == int(z['E.spike'].sum()), "
        + "z['E.V[0:2,7].indices'].tolist())\n",
        out.resolve("monitors.npz").toString());
    assertThat(shapes.strip()).isEqualTo("(200,) (200, 320) bool (40, 3) [0.0, 0.5] True [0, 1, 7]");
  }

  @Test
  void everyDecimatesValueMonitorsOnly(@TempDir Path dir) {
    JsonObject s = json("run", "adaptation", "--duration", "100", "--every", "10", "--json");
    assertThat(s.get("every").getAsInt()).isEqualTo(10);
    assertThat(s.getAsJsonObject("rates_hz").get("N").getAsDouble())
        .isEqualTo(json("run", "adaptation", "--duration", "100", "--json")
            .getAsJsonObject("rates_hz").get("N").getAsDouble());
  }

  @Test
  void svgFormatAndCsv(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("svg");
    Result r = run("run", "adaptation", "--duration", "20", "--out", out.toString(),
        "--format", "svg", "--csv");
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    assertThat(Files.readString(out.resolve("N.V.svg"))).contains("<svg");
    assertThat(Files.readString(out.resolve("network.svg"))).contains("<svg");
    assertThat(Files.readAllLines(out.resolve("csv").resolve("N.spike.csv")).get(0)).isEqualTo("t,index");
    Result noOut = run("run", "adaptation", "--csv");
    assertThat(noOut.code()).isEqualTo(2);
    assertThat(noOut.err()).contains("give --out DIR");
  }

  @Test
  void progressFlagReportsAlwaysOrNever() {
    Result quiet = run("run", "adaptation", "--duration", "10", "--progress=false", "--json");
    assertThat(JsonParser.parseString(quiet.out()).getAsJsonObject().get("steps").getAsInt()).isEqualTo(100);
    assertThat(quiet.err()).doesNotContain("Run ");
    Result always = run("run", "adaptation", "--duration", "10", "--progress", "--json");
    assertThat(JsonParser.parseString(always.out()).getAsJsonObject().get("steps").getAsInt()).isEqualTo(100);
    assertThat(always.err()).contains("Run 10.0% used");
    assertThat(always.err()).contains("Run 100.0% used");
    Result byDefault = run("run", "adaptation", "--duration", "10", "--json"); // no terminal here
    assertThat(byDefault.err()).doesNotContain("Run ");
    Result report = run("run", "adaptation", "--duration", "10", "--runner", "report", "--progress=false");
    assertThat(report.err()).doesNotContain("Run ");
  }

  @Test
  void unknownNetworkNamesTheClosest() {
    Result r = run("run", "einett");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown network 'einett'; did you mean 'einet'?");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownVariablesAndOptionsNameTheClosest() {
    Result monitor = run("run", "einet", "--monitor", "E.v");
    assertThat(monitor.code()).isEqualTo(2);
    assertThat(monitor.err()).contains("did you mean 'E.V'?");
    Result input = run("run", "einet", "--input", "E.inptu=3");
    assertThat(input.code()).isEqualTo(2);
    assertThat(input.err()).contains("did you mean 'E.input'?");
    Result option = run("run", "einet", "--durration", "5");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).contains("--duration");
  }

  @Test
  void badValuesAreUsageErrors() {
    String[][] cases = {
      {"--dt", "-0.1"}, {"--dt", "abc"}, {"--duration", "0"}, {"--duration", "0.01"},
      {"--runner", "fast"}, {"--method", "rk5"}, {"--threads", "0"},
      {"--threads", "2", "--runner", "report"},
      {"--scale", "0"}, {"--input", "E.input"}, {"--input", "E.input=x"}, {"--monitor", "E.V[2:1]"},
      {"--monitor", "E.V[99999]"}, {"--jit=maybe"}, {"--every", "0"}, {"--format", "gif"},
      {"--monitor", "E.spike", "--monitor", "E.spike"},
    };
    for (String[] bad : cases) {
      Result r = run(concat(new String[] {"run", "einet", "--scale", "0.1"}, bad));
      assertWithMessage(String.join(" ", bad) + ": " + r.err()).that(r.code()).isEqualTo(2);
      assertWithMessage(String.join(" ", bad)).that(r.err()).startsWith("error: ");
      assertWithMessage(String.join(" ", bad)).that(r.err()).doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }
    assertThat(run("run", "einet", "--threads", "2", "--runner", "report").err())
        .contains("ReportRunner steps on one thread");
  }

  @Test
  void aRegisteredNetworkIsListedAndRuns() {
    String name = "cli-test-pair";
    if (ExampleNetworks.all().stream().noneMatch(n -> n.name().equals(name))) {
      ExampleNetworks.register(new ExampleNetwork(name, "two LIF neurons, one driven", 50.,
          java.util.List.of("P.spike"), java.util.Map.of("P.input", 0.),
          o -> {
            io.brainstem.network.Network net = new io.brainstem.network.Network();
            net.add(new io.brainstem.models.LifGroup("P", o.scaled(2)).method(o.method()));
            return net;
          }));
    }
    assertThat(run("list").out()).contains("two LIF neurons, one driven");
    JsonObject quiet = json("run", name, "--json");
    assertThat(quiet.get("steps").getAsInt()).isEqualTo(500);
    assertThat(quiet.getAsJsonObject("rates_hz").get("P").getAsDouble()).isEqualTo(0.);
    JsonObject driven = json("run", "CLI-TEST-PAIR", "--input", "P.input=30", "--json");
    assertThat(driven.getAsJsonObject("rates_hz").get("P").getAsDouble()).isGreaterThan(0.);
  }

  @Test
  void aFailureWhileRunningExitsWithOne() {
    String name = "cli-test-broken";
    if (ExampleNetworks.all().stream().noneMatch(n -> n.name().equals(name))) {
      ExampleNetworks.register(new ExampleNetwork(name, "a factory that fails", 10.,
          java.util.List.of(), java.util.Map.of(), o -> {
            throw new IllegalStateException("the factory failed on purpose");
          }));
    }
    Result r = run("run", name);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: the factory failed on purpose\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void outOnAFileIsAUsageError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    Result r = run("run", "adaptation", "--out", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("exists and is not a directory");
  }

  @Test
  void threadsGiveTheSameSpikes() {
    String[] common = {"run", "einet", "--scale", "0.25", "--duration", "30", "--json"};
    JsonObject one = json(concat(common, "--threads", "1"));
    JsonObject three = json(concat(common, "--threads", "3"));
    assertThat(one.get("threads").getAsInt()).isEqualTo(1);
    assertThat(three.get("threads").getAsInt()).isEqualTo(3);
    assertThat(three.get("spikes")).isEqualTo(one.get("spikes"));
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
