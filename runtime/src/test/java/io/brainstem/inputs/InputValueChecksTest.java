package io.brainstem.inputs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Network;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

/** Every input type refuses values that would make its variable NaN or infinite. */
class InputValueChecksTest {

  private static Network net(int size) {
    Network net = new Network();
    net.add(new Pacemaker("E", size, 1000));
    return net;
  }

  @Test
  void funcReturningNanOrInfinityStopsAtThatStep() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      Input.Bound in = Input.func("E.V", (t, step) -> step == 7 ? bad : 1.0).bind(net(3), 0.5);
      for (int k = 0; k < 7; k++) {
        in.apply(k, k * 0.5);
      }
      IllegalStateException x = assertThrows(IllegalStateException.class, () -> in.apply(7, 3.5));
      assertThat(x).hasMessageThat().contains(
          "input E.V (func): the function returned " + bad + " at step 7 (t = 3.5 ms)");
      assertThat(x).hasMessageThat().contains("values must be finite");
    }
  }

  @Test
  void elementFuncNamesTheElement() {
    Network net = net(4);
    Input.Bound in = Input.func("E.V", (double t, long step, double[] out) -> {
      java.util.Arrays.fill(out, 1);
      out[2] = Double.NEGATIVE_INFINITY;
    }).bind(net, 0.1);
    IllegalStateException x = assertThrows(IllegalStateException.class, () -> in.apply(3, 0.3));
    assertThat(x).hasMessageThat().contains(
        "the function gave element 2 the value -Infinity at step 3");
    assertThat(net.group("E").doubles("V")).isEqualTo(new double[4]); // nothing applied
  }

  @Test
  void divisionByZeroIsRefusedForEveryInputType() {
    IllegalArgumentException fix =
        assertThrows(IllegalArgumentException.class, () -> Input.fix("E.V", 0, Op.DIV));
    assertThat(fix).hasMessageThat().contains("input E.V: the value is 0 and the op is Op.DIV");
    IllegalArgumentException fixArray = assertThrows(IllegalArgumentException.class,
        () -> Input.fix("E.V", new double[] {1, 0}, Op.DIV));
    assertThat(fixArray).hasMessageThat().contains("the value for element 1 is 0");
    IllegalArgumentException iter = assertThrows(IllegalArgumentException.class,
        () -> Input.iter("E.V", new double[] {2, 2, 0}, Op.DIV));
    assertThat(iter).hasMessageThat().contains("the value for step 2 is 0");
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> Input.iter("E.V", new double[][] {{1, 1}, {1, 0}}, Op.DIV).bind(net(2), 0.1));
    assertThat(rows).hasMessageThat().contains("the value for step 1, element 1 is 0");
    Input.Bound func = Input.func("E.V", (t, step) -> 0.0, Op.DIV).bind(net(2), 0.1);
    IllegalStateException f = assertThrows(IllegalStateException.class, () -> func.apply(0, 0));
    assertThat(f).hasMessageThat().contains("0 cannot divide the variable (Op.DIV)");
    // zero is fine for every other op
    for (Op op : new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.SET}) {
      Input.fix("E.V", 0, op).bind(net(2), 0.1).apply(0, 0);
      Input.func("E.V", (t, step) -> 0.0, op).bind(net(2), 0.1).apply(0, 0);
    }
  }

  @Test
  void perStepIterRowsMustBeFinite() {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
        () -> Input.iter("E.V", new double[][] {{1, 1}, {Double.NaN, 1}}, Op.ADD).bind(net(2), 0.1));
    assertThat(x).hasMessageThat().contains("step 1, element 0 is NaN; values must be finite");
  }

  @Test
  void nullFunctionsAndOpsSayWhatWasNull() {
    NullPointerException f = assertThrows(NullPointerException.class,
        () -> Input.func("E.V", (TimeFunction) null));
    assertThat(f).hasMessageThat().contains("input E.V: the function is null");
    NullPointerException op = assertThrows(NullPointerException.class, () -> Input.fix("E.V", 1, null));
    assertThat(op).hasMessageThat().contains("input E.V: op is null");
  }
}
