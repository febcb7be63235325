package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.SpikeTimeGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-synapse weights against Brian2 ({@code 'w : 1'}, {@code on_pre='ge_post += w'};
 * resources/brian2/weighted_coba.py and .out): four spike trains all-to-all onto a passive
 * membrane and two LIFs, twelve different weights read from the reference file, rk4 at dt 0.1 ms
 * with Brian2's joint integration ({@link Coupling#STAGED}). Every spike and every voltage match to
 * rounding.
 */
class WeightedCobaBrian2Test {
  private static final double[][] TRAINS = {
      {5.0, 20.0, 20.5, 41.0, 60.7}, {12.3, 21.0, 40.0, 75.0}, {30.0, 31.0, 50.0, 80.0, 80.1},
      {8.8, 42.0, 42.1, 90.0}};

  @Test
  void perSynapseWeightsMatchBrian2ToRounding() throws IOException {
    Map<String, double[]> brian2 = reference();
Network net = new Network();
    SpikeTimeGroup g = net.add(SpikeTrains.group("G", 4, TRAINS));
    LifGroup p = net.add(new LifGroup("P", 3).V_rest(-60).V_reset(-60).tau(20)
        .V_th(new double[] {1e9, -50, -50}).method(Integrator.RK4));
    Arrays.fill(p.V, -60);
    WeightedExpCobaProjection s = net.add(new WeightedExpCobaProjection("S", g, p, new All2All())
        .tau(5).E(0).coupling(Coupling.STAGED));
    s.w(brian2.get("w")); // All2All's CSR order is Brian2's i-major order
    DSRunner runner = DSRunner.builder(net).dt(0.1).input("P.input", new double[] {0, 10, 12})
        .monitors("P.V", "P.spike").build();
    runner.run(100.);
    double[][] v = runner.mon().values("P.V");
    boolean[][] spike = runner.mon().spikes("P.spike");
    double error = 0;
    for (int n = 0; n < 3; n++) {
      double[] ref = brian2.get("v" + n);
      for (int k = 0; k < v.length; k++) {
        error = Math.max(error, Math.abs(v[k][n] - ref[k + 1])); // ours after step k is V(t_k+1)
      }
    }
    System.out.println("WeightedExpCoba vs Brian2, rk4 dt 0.1: max |V - Brian2| = " + error);
    assertThat(error).isLessThan(1e-8);
    for (int n = 1; n <= 2; n++) {
      List<Double> ours = new ArrayList<>();
      for (int k = 0; k < spike.length; k++) {
        if (spike[k][n]) {
          ours.add(runner.mon().ts()[k]);
        }
      }
      assertThat(ours.stream().mapToDouble(Double::doubleValue).toArray())
          .usingTolerance(1e-9).containsExactly(brian2.get("spikes" + n)).inOrder();
    }
  }

  static Map<String, double[]> reference() throws IOException {
    Map<String, double[]> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        WeightedCobaBrian2Test.class.getResourceAsStream("/brian2/weighted_coba.out"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.trim().split(" ");
        out.put(parts[0], Arrays.stream(parts).skip(1).mapToDouble(Double::parseDouble).toArray());
      }
    }
    return out;
  }
}
