package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.export.NpyReader;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.SpikeTimeGroup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Song, Miller &amp; Abbott 2000 against Brian2's {@code examples/synapses/STDP.py}
 * (resources/brian2/song2000.py): 1000 fixed 15 Hz input trains onto one LIF through
 * {@code StdpSong2000}, euler, dt 0.1 ms, 2 s. Every postsynaptic spike equals Brian2's and every
 * final weight is within 1e-9·gmax. Brainstem delivers a step's spikes at the start of the next
 * step, so it runs one step more: then the weights include the events of Brian2's last step.
 */
class Song2000Brian2Test {
  static final double GMAX = 0.01;

  /** The network, run for {@code steps + 1} steps; the post spike times and final weights. */
  record Result(double[] spikes, double[] weights) {}

  static Result run(double[] times, int[] indices, double[] w0, double dApre, double dApost,
      int steps, int threads) {
    Network net = new Network();
    SpikeTimeGroup input = net.add(new SpikeTimeGroup("input", w0.length, times, indices));
    LifGroup neuron = net.add(new LifGroup("neuron", 1).V_rest(-74).V_reset(-60).V_th(-54)
        .tau(10).method(Integrator.EULER));
    neuron.V[0] = -60;
    StdpSong2000Projection s = net.add(new StdpSong2000Projection("S", input, neuron,
        new All2All()).tau(5).E(0).gmax(GMAX).dApre(dApre).dApost(dApost).tau_pre(20)
        .tau_post(20).coupling(Coupling.STAGED));
    s.w(w0); // All2All onto one neuron: CSR order is input order
    DSRunner runner = DSRunner.builder(net).dt(0.1).threads(threads).monitors("neuron.spike")
        .build();
    runner.run((steps + 1) * 0.1);
    boolean[][] spike = runner.mon().spikes("neuron.spike");
    double[] ts = runner.mon().ts();
    List<Double> out = new ArrayList<>();
    for (int k = 0; k < steps; k++) { // a spike in the extra step is Brian2's next run's
      if (spike[k][0]) {
        out.add(ts[k]);
      }
    }
    return new Result(out.stream().mapToDouble(Double::doubleValue).toArray(), s.w.clone());
  }

  /** The input trains of {@code <prefix>_in.npz} ({@code indices}, {@code steps}). */
  static double[][] inputs(Path npz) {
    double[] steps = NpyReader.read(npz, "steps");
    double[] times = new double[steps.length];
    for (int n = 0; n < steps.length; n++) {
      times[n] = steps[n] * 0.1;
    }
    return new double[][] {times, NpyReader.read(npz, "indices")};
  }

  static Map<String, double[]> reference(String name) throws IOException {
    Map<String, double[]> out = new HashMap<>();
    try (InputStream in = Song2000Brian2Test.class.getResourceAsStream("/brian2/" + name)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.trim().split(" ");
        out.put(parts[0], Arrays.stream(parts).skip(1).mapToDouble(Double::parseDouble).toArray());
      }
    }
    return out;
  }

  static Path resource(String name, Path dir) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = Song2000Brian2Test.class.getResourceAsStream("/brian2/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  static Result runPrefix(String prefix, Path dir, int steps, int threads) throws IOException {
    double[][] in = inputs(resource(prefix + "_in.npz", dir));
    double[] w0 = NpyReader.readNpy(resource(prefix + "_w0.npy", dir));
    Map<String, double[]> brian2 = reference(prefix + ".out");
    int[] indices = Arrays.stream(in[1]).mapToInt(x -> (int) x).toArray();
    return run(in[0], indices, w0, brian2.get("dApre")[0], brian2.get("dApost")[0], steps,
        threads);
  }

  @Test
  void spikesAndWeightsMatchBrian2(@TempDir Path dir) throws IOException {
    Map<String, double[]> brian2 = reference("song2000_2s.out");
    Result ours = runPrefix("song2000_2s", dir, 20_000, 1);
    double error = 0;
    for (int n = 0; n < ours.weights().length; n++) {
      error = Math.max(error, Math.abs(ours.weights()[n] - brian2.get("w")[n]));
    }
    System.out.println("StdpSong2000 vs Brian2, 2 s: " + ours.spikes().length + " post spikes ("
        + brian2.get("spikes").length + " in Brian2), max |w - Brian2| / gmax = " + error / GMAX);
    assertThat(ours.spikes()).usingTolerance(1e-6).containsExactly(brian2.get("spikes"))
        .inOrder();
    assertThat(error).isLessThan(1e-9 * GMAX);
  }

  @Test
  void threadsGiveTheSameBits(@TempDir Path dir) throws IOException {
    // 300 ms: a few dozen post spikes, every kind of event on several ranges of one neuron
    Result one = runPrefix("song2000_2s", dir, 3_000, 1);
    Path other = Files.createDirectory(dir.resolve("3"));
    Result three = runPrefix("song2000_2s", other, 3_000, 3);
    assertThat(one.spikes().length).isGreaterThan(5);
    assertThat(three.spikes()).isEqualTo(one.spikes());
    assertThat(three.weights()).isEqualTo(one.weights());
  }
}
