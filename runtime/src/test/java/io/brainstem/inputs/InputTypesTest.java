package io.brainstem.inputs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Pacemaker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTypesTest {

  private static Network net(int size) {
    Network net = new Network();
    net.add(new Pacemaker("E", size, 1000));
    return net;
  }

  private static double[] v(Network net) {
    return net.group("E").doubles("V");
  }

  @Test
  void fixAppliesEachOp() {
    double[][] expected = {{12, 12}, {8, 8}, {20, 20}, {5, 5}, {2, 2}};
    Op[] ops = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.SET};
    for (int o = 0; o < ops.length; o++) {
      Network net = net(2);
      v(net)[0] = 10;
      v(net)[1] = 10;
      Input.fix("E.V", 2, ops[o]).bind(net, 0.1).apply(0, 0);
      assertThat(v(net)).isEqualTo(expected[o]);
    }
  }

  @Test
  void fixPerElementWithOps() {
    Network net = net(3);
    System.arraycopy(new double[] {1, 2, 3}, 0, v(net), 0, 3);
    Input.fix("E.V", new double[] {2, 2, 0.5}, Op.MUL).bind(net, 0.1).apply(0, 0);
    assertThat(v(net)).isEqualTo(new double[] {2, 4, 1.5});
    Input.fix("E.V", new double[] {7, 8, 9}, Op.SET).bind(net, 0.1).apply(0, 0);
    assertThat(v(net)).isEqualTo(new double[] {7, 8, 9});
  }

  @Test
  void opSymbols() {
    for (Op op : Op.values()) {
      assertThat(Op.of(op.symbol())).isEqualTo(op);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Op.of("%"));
    assertThat(e).hasMessageThat().contains("+ - * / =");
  }

  @Test
  void iterIsIndexedByAbsoluteStepAcrossRuns() {
    Network net = net(2);
    double[] perStep = {1, 2, 3, 4, 5};
    DSRunner runner = DSRunner.builder(net).inputs(Input.iter("E.input", perStep)).monitors("E.seen").build();
    runner.run(0.3);
    assertThat(runner.mon().column("E.seen", 0)).isEqualTo(new double[] {1, 2, 3});
    runner.run(0.2);
    assertThat(runner.mon().column("E.seen", 1)).isEqualTo(new double[] {4, 5});
  }

  @Test
  void iterPastItsEndIsRejectedBeforeTheRunStarts() {
    Network net = net(2);
    DSRunner runner = DSRunner.builder(net).inputs(Input.iter("E.input", new double[] {1, 2, 3})).build();
    runner.run(0.2);
    double[] before = v(net).clone();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.run(0.2));
    assertThat(e).hasMessageThat().contains("input E.input (iter) has 3 values");
    assertThat(e).hasMessageThat().contains("steps 2..3");
    assertThat(runner.step()).isEqualTo(2);
    assertThat(v(net)).isEqualTo(before); // no step ran
  }

  @Test
  void iterPerElementChecksRowLengthsAtBuild() {
    Network net = net(2);
    double[][] rows = {{1, 10}, {2, 20}};
    DSRunner runner = DSRunner.builder(net).inputs(Input.iter("E.input", rows, Op.ADD)).monitors("E.seen").build();
    runner.run(0.2);
    assertThat(runner.mon().values("E.seen")).isEqualTo(rows);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(net(2)).inputs(Input.iter("E.input", new double[][] {{1, 2}, {3}}, Op.ADD)).build());
    assertThat(e).hasMessageThat().contains("row 1 of the iter array has 1 values; expected 2");
  }

  @Test
  void funcSeesTimeAndStep() {
    Network net = net(1);
    List<String> calls = new ArrayList<>();
    TimeFunction f = (t, step) -> {
      calls.add(step + "@" + t);
      return step * 10;
    };
    DSRunner runner = DSRunner.builder(net).inputs(Input.func("E.input", f)).dt(0.5).t0(2).monitors("E.seen").build();
    runner.run(1.5);
    assertThat(calls).containsExactly("0@2.0", "1@2.5", "2@3.0").inOrder();
    assertThat(runner.mon().column("E.seen", 0)).isEqualTo(new double[] {0, 10, 20});
  }

  @Test
  void perElementFuncFillsABufferAndAppliesTheOp() {
    Network net = net(3);
    ElementFunction f = (t, step, out) -> {
      for (int i = 0; i < out.length; i++) {
        out[i] = i + step;
      }
    };
    DSRunner runner = DSRunner.builder(net).inputs(Input.func("E.V", f, Op.SET)).monitors("E.V").build();
    runner.run(0.2);
    // Pacemaker adds its (zero) input to V after the input set it.
    assertThat(runner.mon().values("E.V")).isEqualTo(new double[][] {{0, 1, 2}, {1, 2, 3}});
  }

  @Test
  void actionSetsVariablesDirectly() {
    Network net = net(2);
    Input in = Input.action((network, t, step) -> network.group("E").doubles("input")[1] = step + 1);
    assertThat(in.path()).isNull();
    DSRunner runner = DSRunner.builder(net).inputs(in).monitors("E.seen").build();
    runner.run(0.3);
    assertThat(runner.mon().values("E.seen")).isEqualTo(new double[][] {{0, 1}, {0, 2}, {0, 3}});
  }

  @Test
  void brainPyTupleForm() {
    Network net = net(2);
    Input.of("E.V", 3.0, "fix", "=").bind(net, 0.1).apply(0, 0);
    assertThat(v(net)).isEqualTo(new double[] {3, 3});
    Input.of("E.V", new double[] {1, 2}, "iter", "-").bind(net, 0.1).apply(1, 0.1);
    assertThat(v(net)).isEqualTo(new double[] {1, 1});
    Input.of("E.V", (TimeFunction) (t, k) -> 4, "func", "*").bind(net, 0.1).apply(0, 0);
    assertThat(v(net)).isEqualTo(new double[] {4, 4});
    IllegalArgumentException type = assertThrows(
        IllegalArgumentException.class, () -> Input.of("E.V", 1.0, "loop", "+"));
    assertThat(type).hasMessageThat().contains("unknown type 'loop'");
    IllegalArgumentException value = assertThrows(
        IllegalArgumentException.class, () -> Input.of("E.V", "x", "func", "+"));
    assertThat(value).hasMessageThat().contains("cannot take a String");
  }

  @Test
  void runnerTimeFunctionShortcut() {
    Network net = net(1);
    DSRunner runner = DSRunner.builder(net).input("E.input", Inputs.section(new double[] {5, 7}, new double[] {0.2, 0.2}))
        .monitors("E.seen").build();
    runner.run(0.5);
    assertThat(runner.mon().column("E.seen", 0)).isEqualTo(new double[] {5, 5, 7, 7, 0});
  }

  @Test
  void toStringNamesTheInput() {
    assertThat(Input.fix("E.V", 2, Op.SUB).toString()).isEqualTo("Input(E.V, fix 2.0, op -)");
    assertThat(Input.iter("E.V", new double[3]).toString()).contains("iter over 3 steps");
  }

  @Test
  void inputsDoNotAllocateInTheLoop() {
    // One buffer per per-element func, made at build: the same array object is filled every step.
    Network net = net(4);
    List<double[]> buffers = new ArrayList<>();
    ElementFunction f = (t, step, out) -> {
      if (buffers.isEmpty() || buffers.get(buffers.size() - 1) != out) {
        buffers.add(out);
      }
    };
    DSRunner.builder(net).inputs(Input.func("E.input", f)).build().run(1.0);
    assertThat(buffers).hasSize(1);
  }
}
