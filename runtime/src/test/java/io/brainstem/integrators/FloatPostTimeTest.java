package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A synapse reading the postsynaptic {@code t_last_spike} (a time: double under either precision)
 * works in a double network and is refused, with the reason and the fix, in a float one.
 */
class FloatPostTimeTest {
  private static final String NEURON = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron
      public class Lagging {
        @Param double tau = 10, V_th = 1;
        @Param @Refractory double tau_ref = 2;
        @State double V;
        @Input double input;

        @Ode("V") double dV(double V, double input) { return (-V + input) / tau; }
        @Threshold boolean fire() { return V >= V_th; }
        @Reset void reset() { V = 0; }
      }
      """;
  private static final String SYNAPSE = """
      package test.models;

      import io.brainstem.annotations.*;

      @Synapse
      public class SinceSpike {
        @Param double w = 0.5;
        @State double last;
        @Post("t_last_spike") double lastSpike;

        @OnPre void on() { last = lastSpike + w; }
        @Output("input") double current() { return 0 * last; }
      }
      """;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile(Map.of("Lagging", NEURON, "SinceSpike", SYNAPSE));
  }

  private static Object projection(Precision precision) throws Throwable {
    NeuronGroup post = (NeuronGroup) loader.loadClass("test.models.LaggingGroup")
        .getConstructor(String.class, int.class, Precision.class).newInstance("N", 10, precision);
    try {
      return loader.loadClass("test.models.SinceSpikeProjection")
          .getConstructor(NeuronGroup.class, NeuronGroup.class, Connector.class)
          .newInstance(post, post, new FixedProb(0.5, 1));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aDoubleNetworkReadsThePostsynapticTime() throws Throwable {
    assertThat(projection(Precision.DOUBLE)).isNotNull();
  }

  @Test
  void aFloatNetworkRefusesTheModelAndSaysWhy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> projection(Precision.FLOAT));
    assertThat(e).hasMessageThat().isEqualTo("projection N2N (SinceSpike) reads @Post field "
        + "lastSpike 't_last_spike', a time that N keeps in double under Precision.FLOAT; "
        + "build the network with Precision.DOUBLE to use this model");
  }
}
