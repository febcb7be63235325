package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.runners.DSRunner;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A graded model with every kind of value the {@code @Graded} body may read: a shared parameter
 * set per postsynaptic neuron (the per-element kernel), a {@code @PerPre} and a {@code @PerSynapse}
 * parameter, a {@code @Pre} and a {@code @Post} field, and a body local; its input against a sum
 * written by hand, for the kernels and {@code jit(false)}, on one and two threads.
 */
class GradedModelTest {
  private static final String SYNAPSE = """
      package test.models;

      import io.brainstem.annotations.*;

      @Synapse
      public class Shunted {
        @Param double gain = 2;
        @Param @PerPre double bias = 0;
        @Param @PerSynapse double w = 1;
        @Pre("r") double rate;
        @Post("r") double own;

        @Graded("input")
        double flow() {
          final double u = gain * (rate + bias);
          return w * u / (1 + own * own);
        }
      }
      """;
  private static final int N = 12;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile(Map.of("Shunted", SYNAPSE));
  }

  private static double[] inputAfterOneStep(boolean jit, int threads) throws Exception {
    LeakyTanhGroup pre = new LeakyTanhGroup("pre", N);
    LeakyTanhGroup post = new LeakyTanhGroup("post", N);
    for (int i = 0; i < N; i++) {
      pre.r[i] = Math.sin(i + 1);
      post.r[i] = Math.cos(i);
    }
    Projection syn = (Projection) loader.loadClass("test.models.ShuntedProjection")
        .getConstructor(String.class, NeuronGroup.class, NeuronGroup.class, Connector.class)
        .newInstance("syn", pre, post, new FixedProb(0.5, 3));
    Class<?> type = syn.getClass();
    type.getMethod("gain", double[].class).invoke(syn, (Object) gains());
    type.getMethod("bias", double[].class).invoke(syn, (Object) biases());
    type.getMethod("w", double[].class).invoke(syn, (Object) weights(syn.synapseCount()));
    Network net = new Network();
    net.add(pre, post);
    net.add(syn);
    try (DSRunner runner = DSRunner.builder(net).dt(0.1).jit(jit).threads(threads)
        .monitors("post.input").build()) {
      runner.run(0.1);
      int[] from = syn.preIndices();
      int[] to = syn.postIndices();
      double[] w = weights(syn.synapseCount());
      double[] sums = new double[N];
      for (int k = 0; k < from.length; k++) { // CSR order: ascending presynaptic per target
        int i = from[k];
        int j = to[k];
        double u = gains()[j] * (Math.sin(i + 1) + biases()[i]);
        sums[j] += w[k] * u / (1 + Math.cos(j) * Math.cos(j));
      }
      double[] input = runner.mon().values("post.input")[0];
      assertThat(input).isEqualTo(sums);
      return input;
    }
  }

  private static double[] gains() {
    double[] g = new double[N];
    for (int j = 0; j < N; j++) {
      g[j] = 0.5 + 0.25 * j;
    }
    return g;
  }

  private static double[] biases() {
    double[] b = new double[N];
    for (int i = 0; i < N; i++) {
      b[i] = 0.1 * (i % 3) - 0.1;
    }
    return b;
  }

  private static double[] weights(int count) {
    double[] w = new double[count];
    for (int k = 0; k < count; k++) {
      w[k] = 1.0 / (k + 2) - 0.2;
    }
    return w;
  }

  @Test
  void everyKindOfValueIsReadWhereItLivesByEveryKernelAndSplit() throws Exception {
    double[] reference = inputAfterOneStep(true, 1);
    assertThat(inputAfterOneStep(false, 1)).isEqualTo(reference);
    assertThat(inputAfterOneStep(true, 2)).isEqualTo(reference);
    assertThat(inputAfterOneStep(false, 2)).isEqualTo(reference);
  }
}
