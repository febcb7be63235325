package io.brainstem.trainable;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Network;
import org.junit.jupiter.api.Test;

/** {@code @Trainable} parameters are listed by the parameter table, the owner and the network. */
class TrainableParametersTest {
  @Test
  void groupsProjectionsAndTheNetworkListTheirTrainableParameters() {
    TrainableUnitGroup a = new TrainableUnitGroup("A", 3);
    TrainableUnitGroup b = new TrainableUnitGroup("B", 2);
    TrainableSynapseProjection ab = new TrainableSynapseProjection("AB", a, b, new All2All());
    Network net = new Network();
    net.add(a, b);
    net.add(ab);
    assertThat(a.params().trainable()).containsExactly("tau", "bias").inOrder();
    assertThat(a.trainable()).containsExactly("tau", "bias").inOrder();
    assertThat(ab.params().trainable()).containsExactly("gain");
    assertThat(ab.trainable()).containsExactly("gain", "w", "scale").inOrder();
    assertThat(net.trainableParameters())
        .containsExactly("A.tau", "A.bias", "B.tau", "B.bias", "AB.gain", "AB.w", "AB.scale")
        .inOrder();
    // the per-synapse and per-presynaptic values are the variables a trainer reads and writes
    assertThat(net.variable("AB.w").size()).isEqualTo(6);
    assertThat(net.variable("AB.scale").size()).isEqualTo(3);
  }

  /** A lumped parameter can also be marked at run time, on one group only. */
  @Test
  void aParameterCanBeMarkedTrainableAtRunTime() {
    LifGroup e = new LifGroup("E", 2);
    LifGroup i = new LifGroup("I", 2);
    e.params().markTrainable(e.params().indexOf("tau"));
    Network net = new Network();
    net.add(e, i);
    assertThat(net.trainableParameters()).containsExactly("E.tau");
  }

  @Test
  void aNetworkOfModelsWithoutTrainableParametersListsNone() {
    Network net = new Network();
    net.add(new LifGroup("E", 2));
    assertThat(net.trainableParameters()).isEmpty();
    assertThat(net.group("E").trainable()).isEmpty();
  }
}
