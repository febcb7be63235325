package io.brainstem.cli;

import io.brainstem.annotations.Integrator;
import io.brainstem.monitors.Monitor;
import io.brainstem.mpi.Communicator;
import io.brainstem.mpi.Mpi;
import io.brainstem.mpi.MpiSweep;
import io.brainstem.mpi.MpiUnavailableException;
import io.brainstem.sweep.NetworkRuns;
import io.brainstem.sweep.Sweep;
import io.brainstem.sweep.SweepResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainstem sweep NETWORK --param PATH=V1,V2,... --out DIR}: runs an example network at every
 * point of a parameter grid, in parallel, and writes one row per point to {@code DIR/sweep.csv}.
 */
@Command(
    name = "sweep",
    description = {
      "Runs an example network (see 'brainstem list') at every point of a parameter grid, points in "
          + "parallel over the cores, and writes one row per point (its parameters, seed, status, "
          + "firing rates, loop time) to DIR/sweep.csv.",
      "Each point's seed derives from --seed and the point's index, so a point gives the same "
          + "result whichever worker runs it. A point that fails is recorded (status, error) and the "
          + "others go on; the exit code is then 1."
    },
    sortOptions = false,
    footer = {
      "",
      "Examples:",
      "  brainstem sweep einet --param E.input=10,15,20,25 --out sweep",
      "  brainstem sweep einet --param E.tau=10:30:5 --param E2E.g_max=0.3,0.6 --duration 500 --out sweep",
      "  brainstem sweep einet --param E.input=15,20 --monitor E.spike --same-seed --out sweep",
      "  mpirun -np 4 bin/brainstem sweep einet --param E.input=10:40:2 --mpi --workers 1 --out sweep"
    })
final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETWORK", description = "The network to sweep, e.g. einet (any case).")
  String network;

  @Option(names = "--param", paramLabel = "PATH=VALUES", required = true,
      description = "A grid axis; repeatable (the last varies fastest). PATH is a parameter (E.tau, "
          + "E2I.g_max) or an input (E.input, a constant added every step). VALUES is a list "
          + "V1,V2,... or a range FROM:TO:STEP (TO included).")
  List<String> params = new ArrayList<>();

  @Option(names = "--duration", paramLabel = "MS",
      description = "Simulated time of each point in ms (default: the network's).")
  Double durationMs;

  @Option(names = "--dt", paramLabel = "MS", defaultValue = "0.1",
      description = "Integration step in ms (default: ${DEFAULT-VALUE}).")
  double dt;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "The sweep's seed; each point's seed is derived from it and the point's index "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--same-seed",
      description = "Every point uses --seed itself: the same network and initial state at every "
          + "parameter value (common random numbers).")
  boolean sameSeed;

  @Option(names = "--workers", paramLabel = "N",
      description = "Points run at once (default: the available processors).")
  Integer workers;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "EXP_AUTO",
      description = "Integrator of every group and projection: ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  Integrator method;

  @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
      description = "Multiplies the size of every neuron group, as for 'run' (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--input", paramLabel = "PATH=VALUE", converter = RunCommand.InputConverter.class,
      description = "A constant input of every point; repeatable. A --param of the same PATH wins.")
  List<InputSpec> inputs = new ArrayList<>();

  @Option(names = "--monitor", paramLabel = "PATH[IDX]", converter = RunCommand.MonitorConverter.class,
      description = "Records a variable at every point, written to DIR/points/point-NNNN.npz; "
          + "repeatable. Every group's spikes are recorded anyway, for the rates.")
  List<Monitor> monitors = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Writes DIR/sweep.csv (numpy/pandas read it), DIR/summary.json and, with "
          + "--monitor, DIR/points/*.npz.")
  Path out;

  @Option(names = "--mpi",
      description = "Spreads the points over the ranks of an mpirun/srun job (docs/sweeps.md): rank r "
          + "of K runs the points whose index is r mod K, each with its one-machine seed, --workers "
          + "at a time; rank 0 writes the one-machine sweep.csv and summary.json, each rank the NPZ "
          + "of its own points. Needs JDK 22+ and Open MPI (apt-get install openmpi-bin libopenmpi-dev).")
  boolean mpi;

  @Option(names = "--json", description = "Prints the summary as JSON on stdout instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (workers != null && workers < 1) {
      throw new ParameterException(spec.commandLine(), "--workers must be at least 1, got " + workers);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " exists and is not a directory");
    }
    ExampleNetwork example = userInput(() -> ExampleNetworks.get(network));
    double duration = durationMs != null ? durationMs : example.durationMs();
    Sweep.Builder builder = Sweep.builder().seed(seed).sameSeed(sameSeed);
    if (workers != null) {
      builder.workers(workers);
    }
    for (String p : params) {
      GridAxis axis = userInput(() -> GridAxis.parse(p));
      userInput(() -> builder.grid(axis.path(), axis.values()));
    }
    userInput(builder::build); // a bad grid is refused before MPI starts
    Communicator comm = null;
    if (mpi) {
      try {
        comm = Mpi.init();
      } catch (MpiUnavailableException e) {
        spec.commandLine().getErr().println("brainstem: --mpi: " + e.getMessage());
        return 2;
      }
    }
    if (comm == null || comm.rank() == 0) { // under MPI, rank 0 reports the progress of its share
      builder.progressTo(WriterStream.to(spec.commandLine().getErr()));
    }
    try {
      return runAndReport(example, duration, builder.build(), comm);
    } catch (RuntimeException | java.io.IOException | Error e) {
      if (comm != null && comm.size() > 1) {
        comm.abort(1, "brainstem: rank " + comm.rank() + " of " + comm.size() + " failed: " + e
            + "; stopping every rank");
      }
      throw e;
    } finally {
      if (comm != null) {
        comm.close();
      }
    }
  }

  /** Runs the sweep (with {@code comm}, this rank's share) and writes the table (rank 0). */
  private int runAndReport(ExampleNetwork example, double duration, Sweep sweep, Communicator comm)
      throws java.io.IOException, InterruptedException {

    NetworkRuns runs = userInput(() -> NetworkRuns.of(point ->
            example.build(new NetworkOptions(point.seed(), method, scale)))
        .duration(duration).dt(dt));
    Map<String, Double> in = new LinkedHashMap<>(example.inputs());
    inputs.forEach(i -> in.put(i.path(), i.value()));
    in.forEach(runs::input);
    if (!monitors.isEmpty()) {
      Set<String> paths = new LinkedHashSet<>();
      monitors.forEach(m -> paths.add(m.name()));
      List<Monitor> all = new ArrayList<>(monitors);
      // the rates need every group's spikes; probe one network for its groups
      example.build(new NetworkOptions(seed, method, scale)).groups().forEach(g -> {
        if (!paths.contains(g.name() + ".spike")) {
          all.add(Monitor.of(g.name() + ".spike"));
        }
      });
      runs.monitors(all.toArray(new Monitor[0])).saveMonitors(out.resolve("points"));
    }

    SweepResult<Map<String, Object>> result;
    if (comm == null) {
      SweepResult<NetworkRuns.Run> local = sweep.run(runs);
      result = SweepResult.of(local.outcomes().stream().map(o -> new SweepResult.Outcome<Map<String, Object>>(
          o.point(), o.failed() ? null : o.value().columns(), o.error(), o.seconds())).toList(), local.seconds());
    } else {
      result = MpiSweep.run(comm, sweep, runs);
      if (comm.rank() != 0) {
        return result.failures().isEmpty() ? 0 : 1;
      }
    }
    Files.createDirectories(out);
    Path csv = result.writeCsv(out.resolve("sweep.csv"));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("network", example.name());
    summary.put("points", result.outcomes().size());
    summary.put("failed", result.failures().size());
    summary.put("workers", sweep.workers());
    summary.put("seed", seed);
    summary.put("same_seed", sameSeed);
    summary.put("duration_ms", duration);
    summary.put("dt_ms", dt);
    summary.put("seconds", result.seconds());
    summary.put("table", csv.toString());
    if (comm != null) {
      summary.put("mpi", Map.of("ranks", comm.size()));
    }
    Files.writeString(out.resolve("summary.json"), Json.write(summary));

    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.print(Json.write(summary));
    } else {
      printTable(stdout, result, csv);
    }
    stdout.flush();
    for (SweepResult.Outcome<Map<String, Object>> f : result.failures()) {
      spec.commandLine().getErr().println("point " + f.point().index() + " " + f.point().values()
          + " failed: " + f.error());
    }
    spec.commandLine().getErr().flush();
    return result.failures().isEmpty() ? 0 : 1;
  }

  private static void printTable(PrintWriter w, SweepResult<Map<String, Object>> result, Path csv) {
    for (SweepResult.Outcome<Map<String, Object>> o : result.outcomes()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d", o.point().index()));
      o.point().values().forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s=%s", k, v)));
      if (o.failed()) {
        line.append("  failed");
      } else {
        o.value().forEach((k, v) -> {
          if (k.endsWith(".rate_hz")) {
            line.append(String.format(Locale.ROOT, "  %s %.2f Hz", k.substring(0, k.length() - 8), (Double) v));
          }
        });
      }
      w.println(line);
    }
    w.printf(Locale.ROOT, "%d points (%d failed) in %.2f s; wrote %s%n", result.outcomes().size(),
        result.failures().size(), result.seconds(), csv);
  }

  private <T> T userInput(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
