package io.brainstem.coupling;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
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
 * Exponential conductances onto a passive membrane and onto a LIF, against Brian2 2.5.1 integrating
 * them jointly with the membrane by RK4 (resources/brian2/coba_staged.py and .out): STAGED
 * coupling reproduces it to rounding, HELD differs by O(dt).
 */
class StagedBrian2Test {
  static final double[] EXC = {5.0, 12.3, 20.0, 20.5, 21.0, 40.0, 41.0, 42.0, 60.7, 75.0};
  static final double[] INH = {30.0, 31.0, 50.0, 80.0, 80.1};

  @Test
  void stagedRk4MatchesBrian2ToRounding() throws IOException {
    Map<String, double[]> brian2 = reference();
    Run run = run(Coupling.STAGED);
    double error = maxError(run.v, brian2, 2);
    System.out.println("STAGED rk4 dt 0.1: max |V - Brian2| = " + error + " mV");
    assertThat(error).isLessThan(1e-8);
    assertThat(run.spikes.stream().mapToDouble(Double::doubleValue).toArray())
        .usingTolerance(1e-9).containsExactly(brian2.get("spikes")).inOrder();
  }

  @Test
  void heldIsFirstOrderOff() throws IOException {
    Run run = run(Coupling.HELD);
    double error = maxError(run.v, reference(), 1); // the passive membrane: LIF spikes may move
    System.out.println("HELD rk4 dt 0.1, passive membrane: max |V - Brian2| = " + error + " mV");
    assertThat(error).isGreaterThan(0.01);
    assertThat(error).isLessThan(1.0);
  }

  record Run(double[][] v, List<Double> spikes) {}

  static Run run(Coupling coupling) {
    Network net = new Network();
    SpikeTimeGroup ge = net.add(new SpikeTimeGroup("Ge", 1, EXC, new int[EXC.length]));
    SpikeTimeGroup gi = net.add(new SpikeTimeGroup("Gi", 1, INH, new int[INH.length]));
    LifGroup p = net.add(new LifGroup("P", 2).V_rest(-60).V_reset(-60).tau(20)
        .V_th(new double[] {1e9, -50}).method(Integrator.RK4));
    p.V[0] = -60;
    p.V[1] = -60;
    net.add(new ExpCobaProjection("Se", ge, p, new All2All()).g_max(0.5).tau(5).E(0)
        .coupling(coupling));
    net.add(new ExpCobaProjection("Si", gi, p, new All2All()).g_max(1.0).tau(10).E(-80)
        .coupling(coupling));
    DSRunner runner = DSRunner.builder(net).dt(0.1).input("P.input", new double[] {0, 11})
        .monitors("P.V", "P.spike").build();
    runner.run(100.);
    double[][] v = runner.mon().values("P.V");
    boolean[][] spike = runner.mon().spikes("P.spike");
    List<Double> spikes = new ArrayList<>();
    for (int k = 0; k < spike.length; k++) {
      if (spike[k][1]) {
        spikes.add(runner.mon().ts()[k]);
      }
    }
    return new Run(v, spikes);
  }

  /** Ours after step k is V(t_{k+1}); Brian2 records V(t_k) at the start of step k. */
  static double maxError(double[][] v, Map<String, double[]> brian2, int neurons) {
    double max = 0;
    for (int n = 0; n < neurons; n++) {
      double[] ref = brian2.get("v" + n);
      for (int k = 0; k < v.length; k++) {
        max = Math.max(max, Math.abs(v[k][n] - ref[k + 1]));
      }
    }
    return max;
  }

  static Map<String, double[]> reference() throws IOException {
    Map<String, double[]> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        StagedBrian2Test.class.getResourceAsStream("/brian2/coba_staged.out"),
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
