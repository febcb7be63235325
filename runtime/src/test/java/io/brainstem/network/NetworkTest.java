package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.testing.Counter;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class NetworkTest {

  /** The subclassing style of the seed's EINet. */
  static final class TwoGroups extends Network {
    final Pacemaker a = add(new Pacemaker("A", 4, 1));
    final Pacemaker b = add(new Pacemaker("B", 3, 1));
    final Counter a2b = add(new Counter("A2B", a, b, new FixedProb(1.0, 0)));
  }

  @Test
  void addReturnsTheArgumentAndKeepsOrder() {
    Network net = new Network();
    Pacemaker e = new Pacemaker("E", 5, 2);
    assertThat(net.add(e)).isSameInstanceAs(e);
    Pacemaker i = new Pacemaker("I", 5, 2);
    Counter e2i = new Counter("E2I", e, i, new FixedProb(0.4, 1));
    Counter i2e = new Counter("I2E", i, e, new FixedProb(0.4, 2));
    assertThat(net.add(i)).isSameInstanceAs(i);
    assertThat(net.add(e2i, i2e)).isSameInstanceAs(net);
    assertThat(net.groups()).containsExactly(e, i).inOrder();
    assertThat(net.projections()).containsExactly(e2i, i2e).inOrder();
    assertThat(net.group("I")).isSameInstanceAs(i);
    assertThat(net.projection("I2E")).isSameInstanceAs(i2e);
  }

  @Test
  void duplicateNamesAreRejectedAcrossGroupsAndProjections() {
    Network net = new Network();
    Pacemaker e = net.add(new Pacemaker("E", 5, 2));
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> net.add(new Pacemaker("E", 3, 1)));
    assertThat(twice).hasMessageThat().contains("'E'");
    assertThrows(IllegalArgumentException.class, () -> net.add(new Counter("E", e, e, new FixedProb(0.2, 0))));
    assertThrows(IllegalArgumentException.class, () -> net.add(e));
  }

  @Test
  void lookupsNameTheClosestMember() {
    TwoGroups net = new TwoGroups();
    IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> net.group("a"));
    assertThat(g).hasMessageThat().contains("'A'");
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> net.projection("A2C"));
    assertThat(p).hasMessageThat().contains("'A2B'");
    assertThrows(IllegalArgumentException.class, () -> net.group("A2B")); // a projection, not a group
  }

  @Test
  void variableResolvesGroupAndProjectionPaths() {
    TwoGroups net = new TwoGroups();
    assertThat(net.variable("A.V").doubles()).isSameInstanceAs(net.a.V);
    assertThat(net.variable("B.spike").booleans()).isSameInstanceAs(net.b.spike);
    assertThat(net.variable("A2B.received").doubles()).isSameInstanceAs(net.a2b.received);
    assertThat(net.paths()).containsAtLeast("A.V", "A.input", "B.spike", "A2B.received");
  }

  @Test
  void unknownVariablePathsSuggestTheClosestValidPath() {
    TwoGroups net = new TwoGroups();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.variable("A.v"));
    assertThat(e).hasMessageThat().contains("no variable 'A.v'; did you mean 'A.V'?");
    e = assertThrows(IllegalArgumentException.class, () -> net.variable("A2B.recieved"));
    assertThat(e).hasMessageThat().contains("'A2B.received'");
    e = assertThrows(IllegalArgumentException.class, () -> net.variable("B.input.x"));
    assertThat(e).hasMessageThat().contains("'B.input'");
    e = assertThrows(IllegalArgumentException.class, () -> net.variable("Binput"));
    assertThat(e).hasMessageThat().contains("'B.input'");
  }

  @Test
  void stepUpdatesProjectionsBeforeGroups() {
    TwoGroups net = new TwoGroups(); // every A neuron spikes every step; A2B is all-to-all
    net.step(0.0, 0.1, true);
    // Projections ran first and saw no spikes yet: B received nothing in step 0.
    assertThat(net.b.seen).isEqualTo(new double[] {0, 0, 0});
    net.clearInputs();
    net.step(0.1, 0.1, true);
    // A spiked in step 0: step 1's projection delivers 4 spikes before B updates.
    assertThat(net.b.seen).isEqualTo(new double[] {4, 4, 4});
    assertThat(net.b.t).isEqualTo(new double[] {0.1, 0.1, 0.1});
  }

  @Test
  void clearInputsZeroesInputsButNotStates() {
    TwoGroups net = new TwoGroups();
    net.step(0.0, 0.1, true);
    net.step(0.1, 0.1, true);
    assertThat(net.b.input[0]).isEqualTo(4.0);
    net.clearInputs();
    assertThat(net.b.input).isEqualTo(new double[3]);
    assertThat(net.b.V[0]).isEqualTo(4.0);
  }

  @Test
  void validateRejectsProjectionsToGroupsOutsideTheNetwork() {
    Network net = new Network();
    Pacemaker e = net.add(new Pacemaker("E", 5, 2));
    Pacemaker outside = new Pacemaker("X", 5, 2);
    net.add(new Counter("E2X", e, outside, new FixedProb(0.2, 0)));
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, net::validate);
    assertThat(ex).hasMessageThat().contains("'E2X'");
    assertThat(ex).hasMessageThat().contains("'X'");
  }

  @Test
  void validateRejectsAnImpostorWithAMemberName() {
    Network net = new Network();
    Pacemaker e = net.add(new Pacemaker("E", 5, 2));
    Pacemaker otherE = new Pacemaker("E", 5, 2);
    net.add(new Counter("E2E", otherE, e, new FixedProb(0.2, 0)));
    assertThrows(IllegalArgumentException.class, net::validate);
  }
}
