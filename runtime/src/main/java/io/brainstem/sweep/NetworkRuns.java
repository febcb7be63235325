package io.brainstem.sweep;

import io.brainstem.export.Npz;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The usual {@link SweepTask}: build a network for the point, run it with a {@link DSRunner} on one
 * thread, and collect firing rates, chosen columns and, optionally, the monitors as NPZ.
 *
 * <p>The point's values reach the network in two ways. The factory gets the point (its {@link
 * SweepPoint#seed()} and values) and builds the network. Then every value whose name is a dotted
 * path is applied: a parameter path ({@code E.tau}, {@code E2I.g_max}) is set for the whole owner
 * ({@link Network#setParameter}); an input path ({@code E.input}) becomes a constant input added
 * every step. A dotted name that is neither fails the point, naming the paths it could be. Names
 * without a dot are left to the factory.
 *
 * <p>Each run's columns ({@link Run#columns()}): {@code <group>.rate_hz} for every spike monitor
 * (by default every group's spikes are monitored), the {@link #collect} columns, and {@code
 * loop_s}, the run loop's time.
 */
public final class NetworkRuns implements SweepTask<NetworkRuns.Run> {
  private final Function<SweepPoint, ? extends Network> factory;
  private double durationMs = 100;
  private double dt = 0.1;
  private List<Monitor> monitors;
  private final Map<String, Double> inputs = new LinkedHashMap<>();
  private final Map<String, ToDoubleFunction<MonitorResults>> collect = new LinkedHashMap<>();
  private Path monitorDir;
  private boolean keepMonitors;
  private BiConsumer<SweepPoint, DSRunner.Builder> configure = (p, b) -> {};

  private NetworkRuns(Function<SweepPoint, ? extends Network> factory) {
    this.factory = Objects.requireNonNull(factory, "factory is null; pass point -> new MyNetwork(point.seed())");
  }

  /** Runs of the networks {@code factory} builds, one per point. */
  public static NetworkRuns of(Function<SweepPoint, ? extends Network> factory) {
    return new NetworkRuns(factory);
  }

  /** Biological time of each run in ms (default 100). */
  public NetworkRuns duration(double ms) {
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException("duration must be positive and finite (ms), got " + ms);
    }
    this.durationMs = ms;
    return this;
  }

  /** The step in ms (default 0.1). */
  public NetworkRuns dt(double ms) {
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException("dt must be positive and finite (ms), got " + ms);
    }
    this.dt = ms;
    return this;
  }

  /** The monitors of every run, as dotted paths (default: every group's {@code spike}). */
  public NetworkRuns monitors(String... paths) {
    return monitors(java.util.Arrays.stream(paths).map(Monitor::of).toArray(Monitor[]::new));
  }

  /** The monitors of every run (default: every group's {@code spike}). */
  public NetworkRuns monitors(Monitor... monitors) {
    this.monitors = List.of(monitors);
    return this;
  }

  /** A constant input of every run, added each step (a point's own value for the path wins). */
  public NetworkRuns input(String path, double value) {
    inputs.put(Objects.requireNonNull(path, "path"), value);
    return this;
  }

  /** Adds a result column computed from each run's monitors, e.g. a mean voltage. */
  public NetworkRuns collect(String column, ToDoubleFunction<MonitorResults> f) {
    if (collect.putIfAbsent(Objects.requireNonNull(column, "column"), Objects.requireNonNull(f, "f")) != null) {
      throw new IllegalArgumentException("column '" + column + "' is collected twice");
    }
    return this;
  }

  /** Writes each point's monitors to {@code dir/point-<index>.npz} (numpy.load reads them). */
  public NetworkRuns saveMonitors(Path dir) {
    this.monitorDir = Objects.requireNonNull(dir, "dir");
    return this;
  }

  /** Keeps each run's {@link MonitorResults} in its {@link Run} (default false: memory). */
  public NetworkRuns keepMonitors(boolean keep) {
    this.keepMonitors = keep;
    return this;
  }

  /** Anything else to set on each point's runner builder (e.g. a NaN guard). */
  public NetworkRuns configure(BiConsumer<SweepPoint, DSRunner.Builder> configure) {
    this.configure = Objects.requireNonNull(configure, "configure");
    return this;
  }

  @Override
  public Run run(SweepPoint point) throws Exception {
    Network net = Objects.requireNonNull(factory.apply(point), "the factory returned no network");
    Map<String, Double> in = new LinkedHashMap<>(inputs);
    point.values().forEach((name, value) -> {
      if (name.indexOf('.') >= 0) {
        apply(net, name, value, in);
      }
    });
    DSRunner.Builder b = DSRunner.builder(net).threads(1).dt(dt);
    in.forEach(b::input);
    if (monitors != null) {
      b.monitors(monitors.toArray(new Monitor[0]));
    } else {
      b.monitors(net.groups().stream().map(g -> g.name() + ".spike").toArray(String[]::new));
    }
    configure.accept(point, b);
    try (DSRunner runner = b.build()) {
      double loop = runner.run(durationMs);
      MonitorResults mon = runner.mon();
      Map<String, Object> columns = new LinkedHashMap<>();
      for (String name : mon.names()) {
        if (mon.isSpike(name)) {
          String key = name.endsWith(".spike") ? name.substring(0, name.length() - 6) : name;
          columns.put(key + ".rate_hz", mon.events(name).meanRate());
        }
      }
      collect.forEach((column, f) -> columns.put(column, f.applyAsDouble(mon)));
      columns.put("loop_s", loop);
      Path file = null;
      if (monitorDir != null) {
        Files.createDirectories(monitorDir);
        file = Npz.write(monitorDir.resolve(String.format(Locale.ROOT, "point-%04d.npz", point.index())), mon);
        columns.put("monitors", file.getFileName().toString());
      }
      return new Run(columns, file, keepMonitors ? mon : null);
    }
  }

  private static void apply(Network net, String path, double value, Map<String, Double> in) {
    Variable input = null;
    try {
      Variable v = net.variable(path);
      if (v.kind() == Variable.Kind.INPUT) {
        input = v;
      }
    } catch (IllegalArgumentException notAVariable) {
      // a parameter, or nothing: setParameter names the alternatives
    }
    if (input != null) {
      in.put(path, value);
      return;
    }
    try {
      net.setParameter(path, value);
    } catch (IllegalArgumentException e) {
      List<String> inputs = new ArrayList<>();
      for (NeuronGroup g : net.groups()) {
        g.variables().stream().filter(v -> v.kind() == Variable.Kind.INPUT).forEach(v -> inputs.add(v.path()));
      }
      throw new IllegalArgumentException("sweep parameter '" + path + "' is neither a parameter nor an input: "
          + e.getMessage() + "; inputs are " + inputs, e);
    }
  }

  /**
   * One point's run.
   *
   * @param columns rates per spike monitor ({@code E.rate_hz}), collected columns, {@code loop_s}
   *     and, when saved, {@code monitors} (the NPZ file's name)
   * @param monitorFile the NPZ file of the monitors, or null when not saved
   * @param monitors the monitors, or null unless {@link #keepMonitors} was set
   */
  public record Run(Map<String, Object> columns, Path monitorFile, MonitorResults monitors)
      implements SweepResult.Columns {
    /** Keeps an unmodifiable copy of the columns. */
    public Run {
      columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The rate column of spike monitor {@code group} ({@code group.rate_hz}). */
    public double rateHz(String group) {
      Object v = columns.get(group + ".rate_hz");
      if (!(v instanceof Double d)) {
        throw new IllegalArgumentException("no rate of '" + group + "'; the columns are " + columns.keySet());
      }
      return d;
    }
  }
}
