package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.SynapseInit;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.PoissonGroup;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The bytes a plastic projection keeps per synapse: every array of one element per synapse that a
 * {@code StdpSong2000Projection} (and its {@code Projection} superclass) holds after weights from a
 * {@code SynapseInit} and a run with spikes on both sides: the weight, the CSR target index and
 * the by-postsynaptic index, one packed int per synapse that also carries the presynaptic neuron
 * its {@code @OnPost} reads: 16 bytes (12 under {@code Precision.FLOAT}), as
 * docs/plasticity.md says.
 */
class PlasticMemoryTest {
  private static long bytesPerSynapse(Precision precision) throws IllegalAccessException {
    Network net = new Network(precision);
    PoissonGroup p = net.add(new PoissonGroup("P", 300, 40, 7));
    LifGroup n = net.add(new LifGroup("N", 50, precision).V_rest(-74).V_reset(-60).V_th(-54));
    StdpSong2000Projection s = net.add(new StdpSong2000Projection("S", p, n,
        new FixedProb(0.5, 3)).gmax(0.1).w(SynapseInit.uniform(0, 0.1)));
    try (DSRunner r = DSRunner.builder(net).input("N.input", 15.0).monitors("N.spike").build()) {
      r.run(50);
      assertThat(r.mon().events("N.spike").count()).isGreaterThan(0);
    }
    int nnz = s.synapseCount();
    assertThat(nnz).isGreaterThan(Math.max(300, 50) + 1); // no other array has this length
    long bytes = 0;
    // The generated class and its superclass may hold one array in two fields: count it once.
    java.util.Set<Object> seen = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    for (Class<?> c = s.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!f.getType().isArray() || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Object array = f.get(s);
        if (array != null && Array.getLength(array) == nnz && seen.add(array)) {
          Class<?> element = f.getType().getComponentType();
          bytes += (long) nnz * (element == double.class || element == long.class ? 8
              : element == int.class || element == float.class ? 4 : 1);
        }
      }
    }
    return bytes / nnz;
  }

  @Test
  void sixteenBytesPerPlasticSynapseTwelveInFloat() throws IllegalAccessException {
    assertThat(bytesPerSynapse(Precision.DOUBLE)).isEqualTo(16L);
    assertThat(bytesPerSynapse(Precision.FLOAT)).isEqualTo(12L);
  }
}
