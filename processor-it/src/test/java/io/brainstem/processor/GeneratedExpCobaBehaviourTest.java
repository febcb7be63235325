package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.Csr;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs the generated ExpCobaProjection between generated LifGroups. */
class GeneratedExpCobaBehaviourTest {
  private static Class<?> lifGroup;
  private static Class<?> projection;

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    ClassLoader loader = EmittedSources.load(EmittedSources.library().compiled());
    lifGroup = loader.loadClass("io.brainstem.models.LifGroup");
    projection = loader.loadClass("io.brainstem.models.ExpCobaProjection");
  }

  private static NeuronGroup group(String name, int size) throws Exception {
    return (NeuronGroup) lifGroup.getConstructor(String.class, int.class).newInstance(name, size);
  }

  private static Projection connect(NeuronGroup pre, NeuronGroup post, Connector c,
      Integrator method) throws Exception {
    Projection p = (Projection) projection
        .getConstructor(NeuronGroup.class, NeuronGroup.class, Connector.class)
        .newInstance(pre, post, c);
    projection.getMethod("method", Integrator.class).invoke(p, method);
    return p;
  }

  /** Every pre neuron reaches 5 distinct random post neurons (sorted rows). */
  private static Connector randomFanOut(long seed) {
    return (preSize, postSize) -> {
      Random random = new Random(seed);
      int[] indptr = new int[preSize + 1];
      int[] indices = new int[preSize * 5];
      for (int i = 0; i < preSize; i++) {
        indptr[i + 1] = indptr[i] + 5;
        int[] row = random.ints(0, postSize).distinct().limit(5).sorted().toArray();
        System.arraycopy(row, 0, indices, indptr[i], 5);
      }
      return new Csr(preSize, postSize, indptr, indices);
    };
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void kernelsAndDebugPathAreBitIdentical(Integrator method) throws Exception {
    NeuronGroup pre = group("pre", 40);
    NeuronGroup postJit = group("postJit", 30);
    NeuronGroup postDebug = group("postDebug", 30);
    Projection jit = connect(pre, postJit, randomFanOut(3), method);
    Projection debug = connect(pre, postDebug, randomFanOut(3), method);
    double[] gMax = new Random(5).doubles(30, 0.1, 2).toArray();
    for (Projection p : new Projection[] {jit, debug}) {
      projection.getMethod("tau", double.class).invoke(p, 5.0);
      projection.getMethod("E", double.class).invoke(p, -80.0);
    }
    Random random = new Random(11);
    double dt = 0.1;
    for (int k = 0; k < 300; k++) {
      if (k == 150) {
        // from here on the per-element kernels run
        projection.getMethod("g_max", double[].class).invoke(jit, (Object) gMax);
        projection.getMethod("g_max", double[].class).invoke(debug, (Object) gMax);
      }
      pre.setSpikes(IntStream.range(0, pre.size())
          .filter(i -> random.nextDouble() < 0.2).toArray());
      for (int j = 0; j < postJit.size(); j++) {
        double v = -70 + 20 * random.nextDouble();
        postJit.doubles("V")[j] = v;
        postDebug.doubles("V")[j] = v;
      }
      jit.update(k * dt, dt, true);
      debug.update(k * dt, dt, false);
      assertThat(Arrays.equals(jit.doubles("g"), debug.doubles("g"))).isTrue();
      assertThat(Arrays.equals(postJit.doubles("input"), postDebug.doubles("input"))).isTrue();
      postJit.clearInputs();
      postDebug.clearInputs();
    }
    assertThat(Arrays.stream(jit.doubles("g")).sum()).isGreaterThan(0.0);
  }

  @Test
  void decaysDeliversAndAddsTheConductanceCurrent() throws Exception {
    NeuronGroup pre = group("pre", 2);
    NeuronGroup post = group("post", 3);
    Connector firstToLast = (preSize, postSize) ->
        new Csr(preSize, postSize, new int[] {0, 1, 1}, new int[] {2});
    Projection p = connect(pre, post, firstToLast, Integrator.EXP_AUTO);
    projection.getMethod("g_max", double.class).invoke(p, 0.6);
    projection.getMethod("E", double.class).invoke(p, 10.0);
    post.doubles("V")[2] = -4;

    pre.setSpikes(0);
    p.update(0, 0.1, true);
    assertThat(p.doubles("g")).usingExactEquality().containsExactly(0.0, 0.0, 0.6).inOrder();
    assertThat(post.doubles("input")[2]).isWithin(1e-15).of(0.6 * (10 - -4));

    pre.setSpikes();
    post.clearInputs();
    p.update(0.1, 0.1, true);
    assertThat(p.doubles("g")[2]).isWithin(1e-15).of(0.6 * Math.exp(-0.1 / 8));
    assertThat(post.doubles("input")[0]).isEqualTo(0.0);
  }
}
