package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import org.junit.jupiter.api.Test;

/** What {@link NetworkGradient} refuses, each with a message naming the thing and the fix. */
class NetworkGradientErrorsTest {
  private final Network net = new Network();
  private final LifGroup in = net.add(new LifGroup("In", 3));
  private final LifGroup hidden = net.add(new LifGroup("H", 2));

  private String refused() {
    return assertThrows(IllegalArgumentException.class,
        () -> NetworkGradient.builder(net).input("In").build()).getMessage();
  }

  @Test
  void nothingTrainable() {
    net.add(new ExpCubaProjection("A", in, hidden, new FixedProb(0.5, 1)));
    assertThat(refused()).contains("has nothing trainable");
  }

  @Test
  void plasticProjectionNamesItAndTheFix() {
    net.add(new WeightedExpCubaProjection("A", in, hidden, new FixedProb(0.5, 1)));
    net.add(new StdpSong2000Projection("Plastic", in, hidden, new FixedProb(0.5, 1)));
    assertThat(refused()).contains("projection Plastic (StdpSong2000) has no backward step");
  }

  @Test
  void delayNamesTheProjection() {
    net.add(new WeightedExpCubaProjection("A", in, hidden, new FixedProb(0.5, 1)).delaySteps(2));
    assertThat(refused()).contains("projection A has a delay (2 steps)");
  }

  @Test
  void unknownInputGroupNamesTheChoices() {
    net.add(new WeightedExpCubaProjection("A", in, hidden, new FixedProb(0.5, 1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NetworkGradient.builder(net).input("Inn").build());
    assertThat(e).hasMessageThat().contains("In");
  }

  @Test
  void projectionOntoAnInputGroup() {
    net.add(new WeightedExpCubaProjection("Back", hidden, in, new FixedProb(0.5, 1)));
    assertThat(refused()).contains("projection Back targets In, an input group");
  }

  @Test
  void floatPrecision() {
    Network f = new Network(Precision.FLOAT);
    LifGroup a = f.add(new LifGroup("In", 3, Precision.FLOAT));
    LifGroup b = f.add(new LifGroup("H", 2, Precision.FLOAT));
    f.add(new WeightedExpCubaProjection("A", a, b, new FixedProb(0.5, 1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NetworkGradient.builder(f).input("In").build());
    assertThat(e).hasMessageThat().contains("build it with Precision.DOUBLE");
  }

  @Test
  void adjointOfAnInputGroupIsRefused() {
    net.add(new WeightedExpCubaProjection("A", in, hidden, new FixedProb(0.5, 1)));
    try (NetworkGradient g = NetworkGradient.builder(net).input("In").build()) {
      assertThat(g.parameters()).containsExactly("A.tau", "A.w");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> g.spikeAdjoint(in));
      assertThat(e).hasMessageThat().contains("stepped: [H]");
      assertThat(assertThrows(IllegalArgumentException.class, () -> g.stateAdjoint(hidden, "U"))
          .getMessage()).contains("its states: [V]");
      assertThat(assertThrows(IllegalStateException.class, () -> g.backward((t, a) -> {}))
          .getMessage()).contains("backward before forward");
    }
  }
}
