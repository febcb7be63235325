package io.brainstem.checkpoint;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.inputs.Input;
import io.brainstem.inputs.Inputs;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run checkpointed mid-way and resumed on a freshly built network and runner ends exactly as the
 * uninterrupted run: every monitor (spikes, values, subsets, every k-th step, windows, probes) and
 * every variable bit for bit, with delays in flight (homogeneous and per synapse), Ornstein-Uhlenbeck
 * noise, for both runners, one and two threads, double and float state.
 */
class CheckpointResumeTest {
  @TempDir Path dir;

  /** E and I LIF groups, conductance synapses, a homogeneous and a per-synapse delay. */
  static Network network(Precision precision, int eSize, long seed) {
    Network net = new Network(precision);
    LifGroup e = net.add(new LifGroup("E", eSize, precision).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    LifGroup i = net.add(new LifGroup("I", 20, precision).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    Rng rng = new Rng(3);
    if (precision == Precision.FLOAT) {
      rng.fillNormal(e.V_float, -55, 2);
      rng.fillNormal(i.V_float, -55, 2);
    } else {
      rng.fillNormal(e.V, -55, 2);
      rng.fillNormal(i.V, -55, 2);
    }
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.1, seed)).E(0).g_max(0.6).tau(5).delay(1.5));
    ExpCobaProjection ei = net.add(new ExpCobaProjection(e, i, new FixedProb(0.1, 5)).E(0).g_max(0.6).tau(5));
    int[] steps = new int[ei.synapseCount()];
    for (int k = 0; k < steps.length; k++) {
      steps[k] = rng.nextInt(30);
    }
    ei.delaySteps(steps);
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.1, 6)).E(-80).g_max(6.7).tau(10));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.1, 7)).E(-80).g_max(6.7).tau(10));
    return net;
  }

  static Network network(Precision precision) {
    return network(precision, 80, 4);
  }

  /** Inputs (constant and OU noise, a fresh instance per runner) and every kind of monitor. */
  static <B extends RunnerBuilder<B>> B configured(B b) {
    return b.input("E.input", 18.).input("I.input", 20.)
        .inputs(Input.func("E.input", Inputs.ou(0, 4, 5, 11)))
        .monitors("E.spike", "I.spike", "E.V", "E2E.g", "E.t_last_spike")
        .monitors(Monitor.of("I.V", 0, 3, 7).every(3).named("Isub"),
            Monitor.of("E.spike", 1, 5, 9, 40).window(5, 95).named("Ewin"),
            Monitor.probe("meanV", n -> n.group("E").variable("V").get(0) + n.group("E").variable("V").get(1)),
            Monitor.probeArray("firstV", n -> new double[] {n.group("E").variable("V").get(0), n.group("I").variable("V").get(0)}));
  }

  static Runner build(String kind, Precision p, int threads, Path checkpoints, Path resume) {
    Network net = network(p);
    return kind.equals("report")
        ? setUp(ReportRunner.builder(net).progressTo(new PrintStream(PrintStream.nullOutputStream())),
            threads, checkpoints, resume).build()
        : setUp(DSRunner.builder(net), threads, checkpoints, resume).build();
  }

  static <B extends RunnerBuilder<B>> B setUp(B b, int threads, Path checkpoints, Path resume) {
    configured(b).threads(threads);
    if (checkpoints != null) {
      b.checkpointEvery(30, checkpoints);
    }
    if (resume != null) {
      b.resumeFrom(resume);
    }
    return b;
  }

  static List<Arguments> configurations() {
    List<Arguments> out = new ArrayList<>();
    for (String kind : new String[] {"ds", "report"}) {
      for (int threads : new int[] {1, 2}) {
        for (Precision p : Precision.values()) {
          out.add(Arguments.of(kind, threads, p));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}, {1} threads, {2}")
  @MethodSource("configurations")
  void resumedRunEndsAsTheUninterruptedRun(String kind, int threads, Precision p) {
    Runner plain = build(kind, p, threads, null, null);
    plain.run(100);
    plain.close();

    Path c = dir.resolve("c");
    Runner saving = build(kind, p, threads, c, null);
    saving.run(100); // checkpoints after 30, 60 and 90 ms; the latest is kept
    saving.close();
    assertSameRecords(plain.mon(), saving.mon()); // checkpointing changes nothing
    assertThat(CheckpointStore.readManifest(c).step()).isEqualTo(900);

    Runner resumed = build(kind, p, threads, null, c);
    assertThat(resumed.step()).isEqualTo(900);
    resumed.finishRun();
    resumed.close();
    assertSameRecords(plain.mon(), resumed.mon());
    assertSameState(plain.network(), resumed.network());
    assertThat(resumed.network().group("E").totalSpikes()).isEqualTo(plain.network().group("E").totalSpikes());
  }

  @ParameterizedTest(name = "{0}, {1} threads, {2}")
  @MethodSource("configurations")
  void checkpointBetweenRunsResumesTheNextRun(String kind, int threads, Precision p) {
    Runner plain = build(kind, p, threads, null, null);
    plain.run(40);
    Path c = plain.checkpoint(dir.resolve("between"));
    plain.run(35.5);
    plain.close();

    Runner resumed = build(kind, p, threads, null, dir.resolve("between"));
    assertThat(c.getParent()).isEqualTo(dir.resolve("between"));
    IllegalStateException none = assertThrows(IllegalStateException.class, resumed::finishRun);
    assertThat(none).hasMessageThat().contains("no run to finish");
    resumed.run(35.5);
    resumed.close();
    assertSameRecords(plain.mon(), resumed.mon());
    assertSameState(plain.network(), resumed.network());
  }

  static void assertSameState(Network expected, Network actual) {
    for (String path : expected.paths()) {
      Variable e = expected.variable(path);
      Variable a = actual.variable(path);
      assertThat(a.toDoubles()).usingExactEquality().containsExactly(e.toDoubles()).inOrder();
    }
  }

  static void assertSameRecords(MonitorResults expected, MonitorResults actual) {
    assertThat(actual.names()).isEqualTo(expected.names());
    assertThat(actual.ts()).isEqualTo(expected.ts());
    for (String name : expected.names()) {
      assertThat(actual.times(name)).isEqualTo(expected.times(name));
      if (expected.isSpike(name)) {
        SpikeEvents a = actual.events(name);
        SpikeEvents e = expected.events(name);
        assertThat(a.rows()).isEqualTo(e.rows());
        assertThat(a.indices()).isEqualTo(e.indices());
        assertThat(a.times()).isEqualTo(e.times());
      } else {
        assertThat(actual.values(name)).isEqualTo(expected.values(name));
      }
    }
  }
}
