package io.brainstem.train.bptt;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.All2All;
import io.brainstem.grad.NetworkGradient;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.Network;
import io.brainstem.train.loss.Mse;
import io.brainstem.train.optim.Adam;
import io.brainstem.train.optim.Optimizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A loss on a state trace through the engine with the library's {@link Mse} and {@link Adam}: a
 * user's network (6 fed trains onto 3 non-spiking {@code Lif}) learns the voltage traces a
 * teacher network with other weights produces from the same input; the mean squared error falls
 * by 99 % in 200 steps.
 */
class StateTraceLossTest {
  private static final int IN = 6;
  private static final int OUT = 3;
  private static final int T = 60;

  private static Network network(long seed, LifGroup[] groups) {
    Network net = new Network();
    groups[0] = net.add(new LifGroup("In", IN));
    groups[1] = net.add(new LifGroup("Out", OUT).V_th(1e9).V_rest(0).tau(10));
    WeightedExpCubaProjection p = net.add(new WeightedExpCubaProjection("W", groups[0],
        groups[1], new All2All()).tau(5));
    Random random = new Random(seed);
    double[] w = p.doubles("w");
    for (int k = 0; k < w.length; k++) {
      w[k] = random.nextGaussian();
    }
    return net;
  }

  private static double[] trace(NetworkGradient g, LifGroup[] groups, boolean[][] x) {
    double[] y = new double[T * OUT];
    g.forward(T, t -> groups[0].setSpikes(indices(x[t])),
        t -> System.arraycopy(groups[1].V, 0, y, t * OUT, OUT));
    return y;
  }

  @Test
  void mseOfAVoltageTraceFalls() {
    boolean[][] x = new boolean[T][IN];
    Random random = new Random(1);
    for (boolean[] row : x) {
      for (int i = 0; i < IN; i++) {
        row[i] = random.nextDouble() < 0.2;
      }
    }
    LifGroup[] teacherGroups = new LifGroup[2];
    LifGroup[] groups = new LifGroup[2];
    double[] target;
    try (NetworkGradient teacher = NetworkGradient.builder(network(1, teacherGroups))
        .input("In").dt(0.5).build()) {
      target = trace(teacher, teacherGroups, x);
    }
    Mse mse = Mse.mean();
    double[] dy = new double[T * OUT];
    try (NetworkGradient g = NetworkGradient.builder(network(2, groups)).input("In").dt(0.5)
        .build()) {
      assertThat(g.parameters()).containsExactly("W.tau", "W.w").inOrder();
      Optimizer adam = Adam.of(0.05).add("W.w", g.values("W.w"), g.gradient("W.w"));
      double first = Double.NaN;
      double last = Double.NaN;
      for (int step = 0; step < 200; step++) {
        adam.zeroGradients();
        last = mse.loss(trace(g, groups, x), target, dy);
        first = step == 0 ? last : first;
        g.backward((t, a) -> {
          double[] aV = a.stateAdjoint(groups[1], "V");
          for (int k = 0; k < OUT; k++) {
            aV[k] += dy[t * OUT + k];
          }
        });
        adam.step();
      }
      System.out.printf("state-trace MSE %.5f -> %.7f%n", first, last);
      assertThat(last).isLessThan(0.01 * first);
    }
  }

  private static int[] indices(boolean[] spiked) {
    return java.util.stream.IntStream.range(0, spiked.length).filter(i -> spiked[i]).toArray();
  }
}
