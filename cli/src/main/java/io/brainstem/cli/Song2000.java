package io.brainstem.cli;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.export.Npy;
import io.brainstem.export.NpyReader;
import io.brainstem.export.Npz;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.SpikeTimeGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code brainstem run song2000}: Song, Miller &amp; Abbott 2000 in the form of Brian2's
 * {@code examples/synapses/STDP.py}, from files. N inputs (N = the count of the initial weights)
 * spike at the given times onto one LIF (taum 10 ms, El −74 mV, vt −54 mV, vr −60 mV = v(0))
 * through {@code StdpSong2000} (Ee 0 mV, taue 5 ms, 20 ms traces, gmax 0.01, dApre 0.01·gmax,
 * dApost −1.05·dApre), euler, the conductance integrated with the membrane (Brian2's joint
 * integration, {@code Coupling.STAGED}).
 *
 * <p>Brainstem delivers the spikes of a step at the start of the next one, Brian2 in the same step
 * after the thresholds; so the run takes one step more than the duration, and the final weights
 * then include the events of the last step, as Brian2's do. Postsynaptic spikes of that extra step
 * are not reported.
 */
final class Song2000 {
  static final String NAME = "song2000";
  static final double GMAX = 0.01;
  static final double D_APRE = 0.01 * GMAX;
  /** Brian2's {@code -dApre * taupre / taupost * 1.05}, then {@code *= gmax}: −1.05e-4. */
  static final double D_APOST = -1.05e-4;

  private Song2000() {}

  /** What a run produced: the postsynaptic spike times (step starts, ms) and final weights. */
  record Result(double[] spikeTimes, double[] weights) {}

  /**
   * Runs {@code steps} steps (and the extra one) of dt ms on {@code threads} threads; {@code times}
   * in ms, {@code indices} in {@code [0, w0.length)}.
   */
  static Result run(double[] times, int[] indices, double[] w0, int steps, double dt,
      int threads) {
    Network net = new Network();
    SpikeTimeGroup input = net.add(new SpikeTimeGroup("input", w0.length, times, indices));
    LifGroup neuron = net.add(new LifGroup("neuron", 1).V_rest(-74).V_reset(-60).V_th(-54)
        .tau(10).method(Integrator.EULER));
    neuron.V[0] = -60;
    StdpSong2000Projection synapses = net.add(new StdpSong2000Projection("S", input, neuron,
        new All2All()).tau(5).E(0).gmax(GMAX).dApre(D_APRE).dApost(D_APOST).tau_pre(20)
        .tau_post(20).coupling(Coupling.STAGED));
    synapses.w(w0); // All2All onto one neuron: the CSR order is the input order
    try (DSRunner runner = DSRunner.builder(net).dt(dt).threads(threads)
        .monitors("neuron.spike").build()) {
      runner.run((steps + 1) * dt);
      boolean[][] spike = runner.mon().spikes("neuron.spike");
      double[] ts = runner.mon().ts();
      List<Double> out = new ArrayList<>();
      for (int k = 0; k < steps; k++) {
        if (spike[k][0]) {
          out.add(ts[k]);
        }
      }
      return new Result(out.stream().mapToDouble(Double::doubleValue).toArray(),
          synapses.w.clone());
    }
  }

  /**
   * Reads {@code inputSpikes} ({@code indices}, {@code times} in ms) and {@code initialWeights},
   * runs, and writes {@code out/spikes.npz} and {@code out/weights.npy}; returns the result.
   */
  static Result runFiles(Path inputSpikes, Path initialWeights, int steps, double dt, int threads,
      Path out) throws java.io.IOException {
    double[] w0 = NpyReader.readNpy(initialWeights);
    if (w0.length == 0) {
      throw new IllegalArgumentException("--initial-weights " + initialWeights + " holds no"
          + " weights; give one float64 weight per input");
    }
    for (int n = 0; n < w0.length; n++) {
      if (!(w0[n] >= 0 && w0[n] <= GMAX)) {
        throw new IllegalArgumentException("--initial-weights " + initialWeights + ": weight " + n
            + " is " + w0[n] + "; each must be in [0, gmax = " + GMAX + "]");
      }
    }
    double[] times = NpyReader.read(inputSpikes, "times");
    double[] rawIndices = NpyReader.read(inputSpikes, "indices");
    if (times.length != rawIndices.length) {
      throw new IllegalArgumentException("--input-spikes " + inputSpikes + " has "
          + rawIndices.length + " indices but " + times.length + " times; give one time per"
          + " index");
    }
    int[] indices = new int[rawIndices.length];
    for (int n = 0; n < indices.length; n++) {
      double i = rawIndices[n];
      if (i != Math.rint(i) || i < 0 || i >= w0.length) {
        throw new IllegalArgumentException("--input-spikes " + inputSpikes + ": index " + n
            + " is " + i + ", but there are " + w0.length + " inputs (one per initial weight):"
            + " indices must be integers in [0, " + (w0.length - 1) + "]");
      }
      indices[n] = (int) i;
    }
    Result result = run(times, indices, w0, steps, dt, threads);
    Files.createDirectories(out);
    Npz.builder().put("indices", new int[result.spikeTimes().length])
        .put("times", result.spikeTimes())
        .write(out.resolve("spikes.npz"));
    Npy.write(out.resolve("weights.npy"), result.weights());
    return result;
  }
}
