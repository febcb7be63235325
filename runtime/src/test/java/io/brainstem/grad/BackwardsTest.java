package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaBackward;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.models.TsodyksMarkramCobaProjection;
import io.brainstem.network.Network;
import io.brainstem.synapses.DepletingSynapseProjection;
import org.junit.jupiter.api.Test;

/** {@link Backwards}: the generated backward step of a projection, or an error naming it. */
class BackwardsTest {
  private final LifGroup pre = new LifGroup("pre", 4);
  private final LifGroup post = new LifGroup("post", 3);

  @Test
  void findsTheGeneratedStep() {
    ExpCobaProjection p = new ExpCobaProjection("syn", pre, post, new FixedProb(0.5, 1));
    assertThat(Backwards.of(p)).isInstanceOf(ExpCobaBackward.class);
    assertThat(Backwards.of(p).size()).isEqualTo(3);
  }

  @Test
  void refusesAPlasticProjectionNamingIt() {
    Network network = new Network();
    network.add(pre, post);
    network.add(new ExpCobaProjection("fine", pre, post, new FixedProb(0.5, 1)));
    network.add(new StdpSong2000Projection("stdp", pre, post, new FixedProb(0.5, 2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backwards.requireAll(network));
    assertThat(e).hasMessageThat().contains("projection stdp (StdpSong2000)");
    assertThat(e).hasMessageThat().contains("plastic");
    assertThat(e).hasMessageThat().contains("without the plasticity");
  }

  @Test
  void findsTheShortTermPlasticityStep() {
    TsodyksMarkramCobaProjection p =
        new TsodyksMarkramCobaProjection("stp", pre, post, new FixedProb(0.5, 3));
    BackwardStep step = Backwards.of(p);
    assertThat(step).isInstanceOf(SynapseStateBackward.class);
    assertThat(((SynapseStateBackward) step).synapseStates()).containsExactly("u", "x").inOrder();
    assertThat(((SynapseStateBackward) step).synapseCount()).isEqualTo(p.synapseCount());
  }

  @Test
  void refusesPerSynapseStateWithoutStepNamingIt() {
    DepletingSynapseProjection p =
        new DepletingSynapseProjection("dep", pre, post, new FixedProb(0.5, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backwards.of(p));
    assertThat(e).hasMessageThat().contains("projection dep (DepletingSynapse)");
    assertThat(e).hasMessageThat().contains("BS453");
    assertThat(e).hasMessageThat().contains("write @Synapse(backward = true) on DepletingSynapse");
  }
}
