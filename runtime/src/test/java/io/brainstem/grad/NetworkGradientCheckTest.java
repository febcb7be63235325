package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.TsodyksMarkramCobaProjection;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link NetworkGradient} against five-point central differences on a two-group network a user
 * builds: 5 input trains (a fed group) onto 4 non-spiking {@code Lif} neurons through an {@code
 * ExpCuba} projection (lumped {@code g_max}, {@code tau}), a {@code WeightedExpCoba} one (a
 * weight per synapse, {@code tau}, {@code E}) and a {@code TsodyksMarkramCoba} one (per-synapse
 * state; its {@code w} and {@code U} per synapse), all marked trainable at run time with the neurons'
 * {@code tau} and {@code R}; the loss a squared error of every step's voltages. Every gradient
 * agrees to a relative 1e-6, for three integrators; 2 threads give the bits of one.
 */
class NetworkGradientCheckTest {
  private static final int IN = 5;
  private static final int H = 4;
  private static final int T = 80;
  private static final double DT = 0.1;
  private static final GradChecks.Tally TALLY = new GradChecks.Tally(1e-6);
  private static final boolean[][] SPIKES = new boolean[T][IN];
  private static final double[] TARGET = new double[H];

  static {
    Random random = new Random(3);
    for (boolean[] row : SPIKES) {
      for (int i = 0; i < IN; i++) {
        row[i] = random.nextDouble() < 0.15;
      }
    }
    for (int j = 0; j < H; j++) {
      TARGET[j] = random.nextDouble() - 0.5;
    }
  }

  /** The network, its engine, and the loss of the last forward pass. */
  private static final class Setup implements AutoCloseable {
    final LifGroup in;
    final LifGroup hidden;
    final NetworkGradient engine;
    final double[][] trace = new double[T][];

    Setup(Integrator method, int threads) {
      Network net = new Network();
      in = net.add(new LifGroup("In", IN));
      hidden = net.add(new LifGroup("H", H).method(method));
      hidden.params().set(hidden.params().indexOf("V_th"), 1e6);
      hidden.params().set(hidden.params().indexOf("V_rest"), -0.5);
      hidden.params().markTrainable(hidden.params().indexOf("tau"));
      hidden.params().markTrainable(hidden.params().indexOf("R"));
      ExpCubaProjection a = net.add(new ExpCubaProjection("A", in, hidden,
          new FixedProb(0.6, 11)).g_max(2).tau(3).method(method));
      a.params().markTrainable(a.params().indexOf("g_max"));
      a.params().markTrainable(a.params().indexOf("tau"));
      WeightedExpCobaProjection b = net.add(new WeightedExpCobaProjection("B", in, hidden,
          new FixedProb(0.7, 12)).tau(4).E(5).method(method));
      double[] w = b.doubles("w");
      for (int k = 0; k < w.length; k++) {
        w[k] = 0.05 + 0.3 * ((k * 7) % 5) / 5.0;
      }
      b.markTrainable("w");
      b.params().markTrainable(b.params().indexOf("tau"));
      b.params().markTrainable(b.params().indexOf("E"));
      TsodyksMarkramCobaProjection c = net.add(new TsodyksMarkramCobaProjection("C", in, hidden,
          new FixedProb(0.5, 13)).tau(4).E(5).method(method));
      for (int k = 0; k < c.synapseCount(); k++) {
        c.doubles("w")[k] = 0.1 + 0.2 * (k % 3);
        c.doubles("U")[k] = 0.2 + 0.1 * (k % 5);
        c.doubles("tau_f")[k] = 3 + 0.7 * (k % 3);
        c.doubles("tau_d")[k] = 4 + 1.3 * (k % 4);
      }
      c.markTrainable("w");
      c.markTrainable("U");
      engine = NetworkGradient.builder(net).input("In").dt(DT).threads(threads).build();
    }

    double forward() {
      engine.forward(T, t -> in.setSpikes(GradChecks.indices(SPIKES[t])), t -> trace[t] = hidden.V.clone());
      double loss = 0;
      for (double[] v : trace) {
        for (int j = 0; j < H; j++) {
          loss += (v[j] - TARGET[j]) * (v[j] - TARGET[j]);
        }
      }
      return loss;
    }

    void backward() {
      engine.zeroGradients();
      engine.backward((t, g) -> {
        double[] a = g.stateAdjoint(hidden, "V");
        for (int j = 0; j < H; j++) {
          a[j] += 2 * (trace[t][j] - TARGET[j]);
        }
      });
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"EXP_AUTO", "EULER", "RK4"})
  void gradientsEqualFiniteDifferences(Integrator method) {
    try (Setup s = new Setup(method, 1)) {
      assertThat(s.engine.parameters())
          .containsExactly("H.R", "H.tau", "A.g_max", "A.tau", "B.tau", "B.E", "B.w", "C.w", "C.U")
          .inOrder();
      s.forward();
      s.backward();
      List<String> failures = new ArrayList<>();
      int checked = 0;
      for (String path : s.engine.parameters()) {
        double[] values = s.engine.values(path);
        double[] gradient = s.engine.gradient(path).clone();
        for (int k = 0; k < values.length; k++) {
          double at = values[k];
          int kk = k;
          double fd = GradChecks.fivePoint(at, h -> {
            values[kk] = at + h;
            double loss = s.forward();
            values[kk] = at;
            return loss;
          });
          TALLY.check(failures, method + " " + path + "[" + k + "]", gradient[k], fd);
          assertThat(gradient[k]).isNotEqualTo(0.0);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(15);
      assertWithMessage("%s", failures).that(failures).isEmpty();
    }
  }

  @Test
  void twoThreadsGiveTheBitsOfOne() {
    try (Setup one = new Setup(Integrator.EXP_AUTO, 1);
        Setup two = new Setup(Integrator.EXP_AUTO, 2)) {
      one.forward();
      one.backward();
      two.forward();
      two.backward();
      for (String path : one.engine.parameters()) {
        assertWithMessage(path).that(two.engine.gradient(path))
            .isEqualTo(one.engine.gradient(path));
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println("NetworkGradientCheckTest worst relative error " + TALLY.summary());
  }
}
