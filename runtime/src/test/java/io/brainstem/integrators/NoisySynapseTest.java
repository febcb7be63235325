package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code @Noise} on a synapse: a noisy conductance, seeded per projection, jit == debug. */
class NoisySynapseTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile(
        Map.of("Leaky", NoisyModels.LEAKY, "NoisyExp", NoisyModels.NOISY_EXP));
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void kernelsAndDebugPathAreBitIdentical(Integrator method) throws Exception {
    Projection[] projections = new Projection[2];
    NeuronGroup[] posts = new NeuronGroup[2];
    for (int run = 0; run < 2; run++) {
      NeuronGroup pre = ProcessedModels.group(loader, "Leaky", "pre", 30);
      posts[run] = ProcessedModels.group(loader, "Leaky", "post", 20);
      Projection p = (Projection) loader.loadClass("test.models.NoisyExpProjection")
          .getConstructor(NeuronGroup.class, NeuronGroup.class, Connector.class)
          .newInstance(pre, posts[run], new FixedProb(0.3, 9));
      p.getClass().getMethod("method", Integrator.class).invoke(p, method);
      p.getClass().getMethod("seed", long.class).invoke(p, 11L);
      projections[run] = p;
      boolean jit = run == 0;
      double dt = 0.1;
      for (int k = 0; k < 300; k++) {
        for (int e = 0; e < 30; e++) {
          pre.doubles("input")[e] = 1.5 + 0.02 * e;
        }
        p.update(k * dt, dt, jit);
        pre.update(k * dt, dt, jit);
        posts[run].update(k * dt, dt, jit);
        pre.clearInputs();
        posts[run].clearInputs();
      }
    }
    assertWithMessage("%s g", method)
        .that(Arrays.equals(projections[0].doubles("g"), projections[1].doubles("g"))).isTrue();
    assertWithMessage("%s V", method)
        .that(Arrays.equals(posts[0].doubles("V"), posts[1].doubles("V"))).isTrue();
    assertThat(Arrays.stream(projections[0].doubles("g")).distinct().count()).isGreaterThan(10L);
  }
}
