package io.brainstem.cli;

import io.brainstem.annotations.Integrator;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.mpi.Communicator;
import io.brainstem.mpi.DistributedNetwork;
import io.brainstem.mpi.MonitorGather;
import io.brainstem.mpi.Mpi;
import io.brainstem.mpi.MpiRunner;
import io.brainstem.mpi.MpiUnavailableException;
import io.brainstem.mpi.Partition;
import io.brainstem.mpi.Slice;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code brainstem run NETWORK [options]}: builds an example network, runs it, reports and writes
 * results.
 */
@Command(
    name = "run",
    description = {
      "Builds an example network (see 'brainstem list'), runs it and prints its firing rates.",
      "Without options it runs the network as its example does (the seed's EINet: 100 ms, "
          + "dt 0.1 ms, seed 42, E.input = I.input = 20)."
    },
    sortOptions = false,
    footer = {
      "",
      "Examples:",
      "  brainstem run einet",
      "  brainstem run einet --duration 500 --seed 7 --json",
      "  brainstem run einet --runner report --jit=false --monitor E.V[0:5] --out results",
      "  brainstem run adaptation --input N.input=40 --out results",
      "  brainstem run song2000 --input-spikes IN.npz --initial-weights W0.npy --duration 20000"
          + " --out DIR",
      "    (Song et al. 2000 as Brian2's STDP example, from files: IN.npz has indices and times",
      "    (ms) of the input spikes, W0.npy one float64 weight per input; writes DIR/spikes.npz",
      "    (indices, times of the postsynaptic spikes, step starts in ms) and DIR/weights.npy)",
      "  mpirun -np 4 java ... io.brainstem.cli.BrainstemCli run einet --mpi --out results"
    })
final class RunCommand implements Callable<Integer> {

  /** Which runner steps the network. */
  enum RunnerKind {
    ds,
    report
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETWORK", description = "The network to run, e.g. einet (any case).")
  String network;

  @Option(names = "--duration", paramLabel = "MS",
      description = "Simulated time in ms (default: the network's, 100 for einet). "
          + "Not a multiple of --dt: the run takes floor(duration/dt) steps, and says so.")
  Double durationMs;

  @Option(names = "--dt", paramLabel = "MS", defaultValue = "0.1",
      description = "Integration step in ms (default: ${DEFAULT-VALUE}).")
  double dt;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of every random draw: initial states and connectivity (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "EXP_AUTO",
      description = "Integrator of every group and projection: ${COMPLETION-CANDIDATES} "
          + "(any case; default: ${DEFAULT-VALUE}).")
  Integrator method;

  @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
      description = "Multiplies the size of every neuron group; einet also divides its weights by it, "
          + "as BrainPy's scaled COBA benchmark (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--runner", paramLabel = "KIND", defaultValue = "ds",
      description = "ds: DSRunner, the fast loop; report: ReportRunner, step by step with progress "
          + "on stderr (default: ${DEFAULT-VALUE}).")
  RunnerKind runner;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads each step of --runner ds runs on; results are identical for every N "
          + "(default: automatic, one unless the network is large enough to pay for more, never "
          + "more than the processors; docs/runners.md, \"Threads\").")
  Integer threads; // null: automatic

  @Option(names = "--jit", paramLabel = "BOOL", arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "true: the generated fused kernels; --jit=false: call the model's own methods "
          + "(slow, for debugging; identical results) (default: ${DEFAULT-VALUE}).")
  boolean jit;

  @Option(names = "--monitor", paramLabel = "PATH[IDX]", converter = MonitorConverter.class,
      description = "Records a variable; repeatable. PATH is group.variable, optionally with "
          + "element indices and FROM:TO ranges: E.spike, E.V[0:10,42]. "
          + "Given at least once, it replaces the network's default monitors.")
  List<Monitor> monitors = new ArrayList<>();

  @Option(names = "--input", paramLabel = "PATH=VALUE", converter = InputConverter.class,
      description = "Adds VALUE to every element of PATH each step; repeatable. Replaces the "
          + "network's default for the same PATH (E.input=0 switches it off).")
  List<InputSpec> inputs = new ArrayList<>();

  @Option(names = "--every", paramLabel = "K", defaultValue = "1",
      description = "Records value monitors only every K-th step, to save memory on long runs; "
          + "spike monitors keep every spike (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--progress", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      description = "Progress on stderr: --progress always (a bar in an interactive terminal, else a "
          + "line every 10%%), --progress=false never. Default: a bar for ds runs longer than about a "
          + "second in an interactive terminal; report runs print their lines.")
  Boolean progress;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Writes into DIR (created if needed): monitors.npz (numpy.load reads it), a "
          + "plot per monitor (raster or traces), network.png (rasters over rates) and summary.json.")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "png",
      description = "Image format of the plots --out writes: ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  OutputFiles.Format format;

  @Option(names = "--csv", description = "With --out, also writes every monitor as CSV into DIR/csv.")
  boolean csv;

  @Option(names = "--input-spikes", paramLabel = "IN.npz",
      description = "song2000 only: the input spikes, entries 'indices' (integers) and 'times' "
          + "(float64, ms).")
  Path inputSpikes;

  @Option(names = "--initial-weights", paramLabel = "W0.npy",
      description = "song2000 only: one float64 initial weight per input, in [0, 0.01].")
  Path initialWeights;

  @Option(names = "--checkpoint-every", paramLabel = "MS",
      description = "Saves a checkpoint into --checkpoint-dir every MS of simulated time, atomically; "
          + "'brainstem resume DIR' continues a run that was killed from the latest one.")
  Double checkpointEveryMs;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Where --checkpoint-every saves checkpoints (created if needed); the checkpoints "
          + "record this command line, so 'brainstem resume DIR' needs nothing else.")
  Path checkpointDir;

  /** Set by 'brainstem resume': the checkpoint to continue from; null for a fresh run. */
  Path resumeFrom;

  /** Set by 'brainstem resume': the command line of the run, saved in its checkpoints. */
  List<String> runArgs;

  @Option(names = "--json", description = "Prints the summary as JSON on stdout (times, rates per group, "
      + "steps, seed) instead of text.")
  boolean json;

  @Option(names = "--mpi",
      description = "Splits the network over the ranks of an mpirun/srun job (docs/scaling.md): each "
          + "rank steps a slice of every group and the spikes are exchanged every step; the spikes "
          + "equal a single-process run's. Needs JDK 22+ and Open MPI (apt-get install openmpi-bin "
          + "libopenmpi-dev).")
  boolean mpi;

  @Option(names = "--mpi-monitors", paramLabel = "MODE", defaultValue = "gather",
      description = "With --mpi: gather, rank 0 records the spike monitors of the whole network, "
          + "every rank its neurons of the value monitors, gathered to rank 0 after the run in global "
          + "neuron order, and rank 0 writes --out as a single-process run; rank, every rank records its own neurons into "
          + "DIR/rank-K with a partition.json of its slices (default: ${DEFAULT-VALUE}).")
  MpiMonitors.Mode mpiMonitors;

  @Option(names = "--mpi-timeout", paramLabel = "S", defaultValue = "120",
      description = "With --mpi: stops every rank when one spike exchange waits this many seconds, "
          + "e.g. for a rank that died (default: ${DEFAULT-VALUE}).")
  double mpiTimeout;

  /** With --mpi-monitors gather: what each rank records and how rank 0 assembles it. */
  private MonitorGather gather;

  @Override
  public Integer call() throws IOException {
    if (mpi && runner == RunnerKind.report) {
      throw new ParameterException(spec.commandLine(), "--mpi steps with its own loop (as --runner ds); "
          + "drop --runner report");
    }
    if (mpi && network.equalsIgnoreCase(Song2000.NAME)) {
      throw new ParameterException(spec.commandLine(), "song2000 is one neuron: run it without --mpi");
    }
    if (mpi && (!(mpiTimeout > 0) || Double.isInfinite(mpiTimeout))) {
      throw new ParameterException(spec.commandLine(), "--mpi-timeout must be positive seconds, got " + mpiTimeout);
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
    }
    if (threads != null && threads > 1 && runner == RunnerKind.report) {
      throw new ParameterException(spec.commandLine(), "--threads " + threads
          + ": ReportRunner steps on one thread; use --runner ds for threads");
    }
    if (every < 1) {
      throw new ParameterException(spec.commandLine(), "--every must be at least 1, got " + every);
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " exists and is not a directory");
    }
    if ((checkpointEveryMs == null) != (checkpointDir == null)) {
      throw new ParameterException(spec.commandLine(),
          "--checkpoint-every MS and --checkpoint-dir DIR go together; give both");
    }
    if (checkpointEveryMs != null && !(checkpointEveryMs >= dt)) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-every must be at least one step (--dt "
          + dt + " ms), got " + checkpointEveryMs);
    }
    if (csv && out == null) {
      throw new ParameterException(spec.commandLine(),
          "--csv writes into the --out directory; give --out DIR");
    }
    if (network.equalsIgnoreCase(Song2000.NAME)) {
      return song2000();
    }
    if (inputSpikes != null || initialWeights != null) {
      throw new ParameterException(spec.commandLine(), "--input-spikes and --initial-weights are"
          + " options of 'brainstem run song2000' only, not of " + network);
    }
    ExampleNetwork example = userInput(() -> ExampleNetworks.get(network));
    double duration = durationMs != null ? durationMs : example.durationMs();
    int steps = userInput(() -> {
      checkDt();
      return Runner.stepCount(duration, dt);
    });
    if (Math.abs(steps * dt - duration) > Runner.STEP_TOLERANCE * duration) {
      spec.commandLine().getErr().printf(Locale.ROOT,
          "note: --duration %s ms is not a multiple of --dt %s ms; running %d steps (%s ms)%n",
          duration, dt, steps, steps * dt);
    }

    if (mpi && !example.distributable()) {
      throw new ParameterException(spec.commandLine(), "network '" + example.name() + "' cannot be "
          + "split over ranks; --mpi runs " + distributableNames());
    }
    Communicator comm = null;
    if (mpi) {
      try {
        comm = Mpi.init();
      } catch (MpiUnavailableException e) {
        spec.commandLine().getErr().println("brainstem: --mpi: " + e.getMessage());
        return 2;
      }
    }
    try {
      if (comm != null) {
        distributeCheckpoints(comm);
      }
      return runAndReport(example, duration, comm);
    } catch (RuntimeException | IOException | Error e) {
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

  /**
   * Points this rank's checkpoints into {@code DIR/rank-K} (docs/checkpoints.md, "Under MPI"):
   * rank 0 writes the manifest naming the rank count; a resume checks it.
   */
  private void distributeCheckpoints(Communicator comm) throws IOException {
    if (resumeFrom != null) {
      Path dir = resumeFrom;
      userInput(() -> {
        try {
          MpiCheckpoints.checkRanks(dir, comm.size());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return null;
      });
      resumeFrom = userInput(() -> MpiCheckpoints.commonCheckpoint(dir, comm));
    }
    if (checkpointDir != null) {
      if (comm.rank() == 0) {
        MpiCheckpoints.writeManifest(checkpointDir, comm.size());
      }
      checkpointDir = MpiCheckpoints.rankDir(checkpointDir, comm.rank());
    }
  }

  private String distributableNames() {
    return String.join(", ", ExampleNetworks.all().stream().filter(ExampleNetwork::distributable)
        .map(ExampleNetwork::name).toList());
  }

  /** Builds, runs and reports; with {@code comm}, this rank's part (rank 0 reports). */
  private int runAndReport(ExampleNetwork example, double duration, Communicator comm) throws IOException {
    long buildStart = System.nanoTime();
    NetworkOptions options = new NetworkOptions(seed, method, scale);
    Network net = userInput(() -> comm == null ? example.build(options)
        : example.buildPart(options, Partition.of(comm)));
    double networkSeconds = (System.nanoTime() - buildStart) * 1e-9;
    Runner run = userInput(() -> buildRunner(example, net, comm));
    if (comm != null && resumeFrom != null) {
      sameResumedStep(comm, run.step());
    }
    try {
      if (resumeFrom != null) {
        run.finishRun();
      } else {
        run.run(duration);
      }
    } finally {
      run.close(); // stops the worker threads of --threads; records stay readable
    }
    MonitorResults mon = run.mon();
    boolean perRank = comm != null && mpiMonitors == MpiMonitors.Mode.rank;
    if (gather != null) {
      gather.gather(mon); // rank 0 now holds the single-process records
    }
    if (comm != null && comm.rank() != 0 && !perRank) {
      return 0; // rank 0 holds every record and reports
    }
    Path dir = out == null || !perRank ? out : out.resolve("rank-" + comm.rank());
    Map<String, SpikeStats> stats = SpikeStats.of(mon);
    Map<String, Object> times = new LinkedHashMap<>();
    times.put("network", networkSeconds);
    times.put("runner", run.buildSeconds());
    times.put("setup", run.lastRun().setupSeconds());
    times.put("run", run.lastRun().loopSeconds());

    List<String> files = dir == null ? List.of() : OutputFiles.write(dir, mon, format, csv);
    Map<String, Object> summary = summary(example, mon, stats, times, files, run.threads());
    if (comm != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ranks", comm.size());
      m.put("rank", comm.rank());
      m.put("monitors", mpiMonitors.name());
      m.put("slices", slices((DistributedNetwork) net));
      summary.put("mpi", m);
    }
    if (dir != null) {
      Path file = dir.resolve("summary.json");
      Files.writeString(file, Json.write(summary));
      files = new ArrayList<>(files);
      files.add(file.toString());
      if (perRank) {
        Path part = dir.resolve("partition.json");
        Files.writeString(part, Json.write(summary.get("mpi")));
        files.add(part.toString());
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.print(Json.write(summary));
    } else {
      printText(stdout, example, mon, stats, times, files);
    }
    stdout.flush();
    return 0;
  }

  /** {@code run song2000}: from the input files to DIR/spikes.npz and DIR/weights.npy. */
  private int song2000() throws IOException {
    if (checkpointDir != null) {
      throw new ParameterException(spec.commandLine(), "song2000 runs from its input files in one go;"
          + " --checkpoint-every and --checkpoint-dir are for the example networks");
    }
    if (inputSpikes == null || initialWeights == null || out == null || durationMs == null) {
      throw new ParameterException(spec.commandLine(), "song2000 needs --input-spikes IN.npz,"
          + " --initial-weights W0.npy, --duration MS and --out DIR");
    }
    int steps = userInput(() -> {
      checkDt();
      return Runner.stepCount(durationMs, dt);
    });
    Song2000.Result result = userInput(() -> {
      try {
        return Song2000.runFiles(inputSpikes, initialWeights, steps, dt,
            threads == null ? 1 : threads, out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "song2000: %d inputs, %d steps of %s ms, %d postsynaptic spikes%n",
        result.weights().length, steps, dt, result.spikeTimes().length);
    stdout.println("  wrote " + out.resolve("spikes.npz"));
    stdout.println("  wrote " + out.resolve("weights.npy"));
    stdout.flush();
    return 0;
  }

  private void checkDt() {
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw new IllegalArgumentException("--dt must be positive and finite (in ms, e.g. 0.1), got " + dt);
    }
  }

  /** Every rank resumed from the checkpoint of the same step, else none goes on (a safety net). */
  private static void sameResumedStep(Communicator comm, long step) {
    long[] steps = new long[comm.size()];
    comm.allgather(new long[] {step}, 1, steps);
    for (int r = 0; r < steps.length; r++) {
      if (steps[r] != steps[0]) {
        throw new IllegalStateException("rank " + r + " resumed at step " + steps[r] + " and rank 0 at step "
            + steps[0] + ": their checkpoint directories were changed after the job; resume from a copy "
            + "of the directory as the job left it");
      }
    }
  }

  /** Each sliced group's neurons on this rank: name → [from, to). */
  private static Map<String, Object> slices(DistributedNetwork net) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (io.brainstem.network.NeuronGroup g : net.slicedGroups()) {
      Slice s = net.slice(g);
      out.put(g.name(), List.of(s.from(), s.to()));
    }
    return out;
  }

  private Runner buildRunner(ExampleNetwork example, Network net, Communicator comm) {
    Map<String, Double> in = new LinkedHashMap<>(example.inputs());
    for (InputSpec i : inputs) {
      in.put(i.path(), i.value());
    }
    List<Monitor> given = monitors.isEmpty()
        ? example.monitors().stream().map(Monitor::of).toList()
        : monitors;
    List<Monitor> mons = given.stream()
        .map(m -> every > 1 && !isSpike(net, m) ? m.every(every) : m)
        .toList();
    if (comm != null) {
      DistributedNetwork part = (DistributedNetwork) net;
      List<Monitor> mine;
      if (mpiMonitors == MpiMonitors.Mode.rank) {
        mine = MpiMonitors.own(part, mons);
      } else {
        gather = new MonitorGather(part, comm, mons);
        mine = gather.recorded();
      }
      MpiRunner.Builder b = MpiRunner.builder(part, comm).exchangeTimeout(mpiTimeout);
      if (threads != null) {
        b.threads(threads);
      }
      if (!RunnerBuilder.interactiveTerminal()) {
        b.progressTo(WriterStream.to(spec.commandLine().getErr()));
      }
      configure(b, in, mine);
      if (comm.rank() != 0) {
        b.progressBar(false); // rank 0 speaks for all
      }
      return b.build();
    }
    if (runner == RunnerKind.report) {
      ReportRunner.Builder b =
          ReportRunner.builder(net).progress(WriterStream.to(spec.commandLine().getErr()))
              .threads(1);
      return configure(b, in, mons).build();
    }
    DSRunner.Builder b = DSRunner.builder(net);
    if (threads != null) {
      b.threads(threads);
    }
    if (!RunnerBuilder.interactiveTerminal()) {
      b.progressTo(WriterStream.to(spec.commandLine().getErr())); // lines; a terminal keeps the bar on stderr
    }
    return configure(b, in, mons).build();
  }

  private <B extends RunnerBuilder<B>> B configure(B builder, Map<String, Double> in, List<Monitor> mons) {
    in.forEach(builder::input);
    if (checkpointDir != null) {
      builder.checkpointEvery(checkpointEveryMs, checkpointDir)
          .checkpointMetadata("cli.command", "run")
          .checkpointMetadata("cli.args", runArgs != null ? runArgs : originalArgs())
          .keepCheckpoints(mpi ? MpiCheckpoints.KEEP : 1);
    }
    if (resumeFrom != null) {
      builder.resumeFrom(resumeFrom);
    }
    if (progress != null) {
      builder.progressBar(progress);
    }
    return builder.monitors(mons.toArray(new Monitor[0])).dt(dt).jit(jit);
  }

  /** The arguments of this 'run' as typed, without the command name. */
  private List<String> originalArgs() {
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    int at = all.indexOf("run");
    return List.copyOf(at >= 0 ? all.subList(at + 1, all.size()) : all);
  }

  /** Whether {@code m} records a spike variable; unknown paths are left to the runner to report. */
  private static boolean isSpike(Network net, Monitor m) {
    try {
      return m.path() != null && net.variable(m.path()).isBoolean();
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private Map<String, Object> summary(ExampleNetwork example, MonitorResults mon,
      Map<String, SpikeStats> stats, Map<String, Object> times, List<String> files, int threads) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("network", example.name());
    s.put("runner", runner.name());
    s.put("jit", jit);
    s.put("threads", threads);
    s.put("method", method.name());
    s.put("seed", seed);
    s.put("scale", scale);
    s.put("dt_ms", dt);
    s.put("steps", mon.steps());
    s.put("duration_ms", mon.steps() * dt);
    s.put("every", every);
    s.put("times_s", times);
    Map<String, Object> rates = new LinkedHashMap<>();
    Map<String, Object> groups = new LinkedHashMap<>();
    for (SpikeStats st : stats.values()) {
      rates.put(st.key(), st.rateHz());
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("monitor", st.monitor());
      g.put("neurons", st.neurons());
      g.put("spikes", st.spikes());
      g.put("rate_hz", st.rateHz());
      groups.put(st.key(), g);
    }
    s.put("rates_hz", rates);
    s.put("spikes", groups);
    s.put("monitors", mon.names());
    s.put("files", files);
    return s;
  }

  private void printText(PrintWriter w, ExampleNetwork example, MonitorResults mon,
      Map<String, SpikeStats> stats, Map<String, Object> times, List<String> files) {
    w.printf(Locale.ROOT, "%s: %d steps of %s ms (%s ms), %s, %s, %s, seed %d%n", example.name(),
        mon.steps(), dt, mon.steps() * dt, mpi ? "MpiRunner" : runner == RunnerKind.ds ? "DSRunner" : "ReportRunner",
        jit ? "jit" : "jit=false", method, seed);
    w.printf(Locale.ROOT, "  network %.3f s, runner %.3f s, set-up %.3f s, run %.3f s%n",
        times.get("network"), times.get("runner"), times.get("setup"), times.get("run"));
    for (SpikeStats st : stats.values()) {
      w.printf(Locale.ROOT, "  %-8s %7d neurons %9d spikes %8.2f Hz%n", st.key(), st.neurons(), st.spikes(),
          st.rateHz());
    }
    for (String f : files) {
      w.println("  wrote " + f);
    }
  }

  /** Runs {@code step}, turning its IllegalArgumentException into a usage error naming the problem. */
  private <T> T userInput(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  static final class MonitorConverter implements ITypeConverter<Monitor> {
    @Override
    public Monitor convert(String value) {
      try {
        return MonitorSpec.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class InputConverter implements ITypeConverter<InputSpec> {
    @Override
    public InputSpec convert(String value) {
      try {
        return InputSpec.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
