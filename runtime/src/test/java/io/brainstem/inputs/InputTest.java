package io.brainstem.inputs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Network;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class InputTest {

  private static Network net() {
    Network net = new Network();
    net.add(new Pacemaker("E", 3, 2));
    return net;
  }

  @Test
  void constantAddsToEveryElement() {
    Network net = net();
    Input.Bound bound = Input.constant("E.input", 20).bind(net, 0.1);
    bound.apply(0, 0.0);
    bound.apply(1, 0.1);
    assertThat(net.group("E").doubles("input")).isEqualTo(new double[] {40, 40, 40});
  }

  @Test
  void perElementValuesAreCopiedAndAdded() {
    Network net = net();
    double[] values = {1, 2, 3};
    Input in = Input.constant("E.input", values);
    values[0] = 100; // the spec keeps its own copy
    in.bind(net, 0.1).apply(0, 0.0);
    assertThat(net.group("E").doubles("input")).isEqualTo(new double[] {1, 2, 3});
    assertThat(in.path()).isEqualTo("E.input");
  }

  @Test
  void unknownPathNamesTheClosestValidPath() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Input.constant("E.inptu", 1).bind(net(), 0.1));
    assertThat(e).hasMessageThat().contains("'E.input'");
  }

  @Test
  void spikeVariablesCannotTakeInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Input.constant("E.spike", 1).bind(net(), 0.1));
    assertThat(e).hasMessageThat().contains("boolean");
  }

  @Test
  void wrongLengthSaysExpectedAndActual() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Input.constant("E.input", new double[] {1, 2}).bind(net(), 0.1));
    assertThat(e).hasMessageThat().contains("expected 3 values");
    assertThat(e).hasMessageThat().contains("got 2");
  }

  @Test
  void rejectsBadSpecs() {
    assertThrows(IllegalArgumentException.class, () -> Input.constant("E.input", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Input.constant("E.input", new double[] {1, Double.POSITIVE_INFINITY}));
    assertThrows(IllegalArgumentException.class, () -> Input.constant(" ", 1));
    assertThrows(IllegalArgumentException.class, () -> Input.constant("E.input", (double[]) null));
  }
}
