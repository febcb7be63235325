package io.brainstem.precision;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.AdExGroup;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpIfGroup;
import io.brainstem.models.FitzHughNagumoGroup;
import io.brainstem.models.HodgkinHuxleyGroup;
import io.brainstem.models.IzhikevichGroup;
import io.brainstem.models.LifGroup;
import io.brainstem.models.QifGroup;
import io.brainstem.models.TraubHHGroup;
import io.brainstem.models.WilsonCowanGroup;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.sources.PoissonGroup;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Precision.FLOAT: float state, double arithmetic. A float kernel's step is the double kernel's
 * step on the widened state, rounded to float when stored, bit for bit, for every library model,
 * integrator and kernel kind (vector kernels run in these tests; scalar ones when forced).
 */
class FloatPrecisionTest {
  private static final int SIZE = 37; // whole vectors and a scalar tail

  interface Maker extends BiFunction<String, Precision, NeuronGroup> {}

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("Lif", (Maker) (n, p) -> new LifGroup(n, SIZE, p).tau_ref(0.5), 30.0),
        Arguments.of("Qif", (Maker) (n, p) -> new QifGroup(n, SIZE, p), 10.0),
        Arguments.of("Izhikevich", (Maker) (n, p) -> new IzhikevichGroup(n, SIZE, p), 10.0),
        Arguments.of("FitzHughNagumo", (Maker) (n, p) -> new FitzHughNagumoGroup(n, SIZE, p), 0.5),
        Arguments.of("ExpIf", (Maker) (n, p) -> new ExpIfGroup(n, SIZE, p), 12.0),
        Arguments.of("AdEx", (Maker) (n, p) -> new AdExGroup(n, SIZE, p), 12.0),
        Arguments.of("HodgkinHuxley", (Maker) (n, p) -> new HodgkinHuxleyGroup(n, SIZE, p), 10.0),
        Arguments.of("TraubHH", (Maker) (n, p) -> new TraubHHGroup(n, SIZE, p), 300.0),
        Arguments.of("WilsonCowan", (Maker) (n, p) -> new WilsonCowanGroup(n, SIZE, p), 0.5));
  }

  static Stream<Arguments> modelsIntegratorsKernels() {
    return models().flatMap(a -> Stream.of(Integrator.values())
        .filter(m -> offers((Maker) a.get()[1], m))
        .flatMap(m -> Stream.of(true, false)
            .map(scalar -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], m, scalar))));
  }

  @ParameterizedTest(name = "{0} {3} scalar={4}")
  @MethodSource("modelsIntegratorsKernels")
  void aFloatStepIsTheDoubleStepRoundedToFloat(String model, Maker make, double input,
      Integrator method, boolean scalar) throws Exception {
    NeuronGroup f = make.apply("N", Precision.FLOAT).scalarKernels(scalar);
    NeuronGroup d = make.apply("N", Precision.DOUBLE).scalarKernels(scalar);
    assertThat(f.kernels()).isEqualTo(scalar ? "scalar" : "vector (" + lanes(d) + " x double, float storage)");
    setMethod(f, method);
    setMethod(d, method);
    spread(f);
    double dt = 0.02;
    long spikes = 0;
    for (int step = 0; step < 1000; step++) {
      copyWidened(f, d); // the double group starts each step from the float group's state
      for (Variable in : f.variables()) {
        if (in.kind() == Variable.Kind.INPUT) {
          for (int i = 0; i < SIZE; i++) {
            in.set(i, input * (1 + 0.01 * i));
            d.variable(in.name()).set(i, (float) (input * (1 + 0.01 * i)));
          }
        }
      }
      f.update(step * dt, dt, true);
      d.update(step * dt, dt, true);
      f.clearInputs();
      d.clearInputs();
      for (Variable fv : f.variables()) {
        Variable dv = d.variable(fv.name());
        for (int i = 0; i < SIZE; i++) {
          double expected = fv.isFloat() ? (float) dv.get(i) : dv.get(i);
          assertWithMessage("%s %s[%s] at step %s", model, fv.name(), i, step)
              .that(fv.get(i)).isEqualTo(expected);
        }
      }
      spikes += f.spikeCount();
    }
    if (!model.equals("WilsonCowan") && !model.equals("FitzHughNagumo")) {
      assertWithMessage("%s spiked", model).that(spikes).isGreaterThan(0L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void jitFalseRunsTheUsersMethodsWithTheSameFloatResults(String model, Maker make, double input) {
    double[][] kernel = runFloat(make, input, true);
    double[][] debug = runFloat(make, input, false);
    for (int v = 0; v < kernel.length; v++) {
      assertWithMessage("%s variable %s", model, v).that(debug[v]).usingExactEquality()
          .containsExactly(kernel[v]).inOrder();
    }
  }

  private static double[][] runFloat(Maker make, double input, boolean jit) {
    NeuronGroup g = make.apply("N", Precision.FLOAT).scalarKernels(true);
    spread(g);
    Network net = new Network(Precision.FLOAT);
    net.add(g);
    DSRunner.Builder b = DSRunner.builder(net).dt(0.01).jit(jit);
    g.variables().stream().filter(v -> v.kind() == Variable.Kind.INPUT)
        .forEach(v -> b.input(v.path(), input));
    b.build().run(3.0);
    return g.variables().stream().map(Variable::toDoubles).toArray(double[][]::new);
  }

  @Test
  void floatGroupsKeepFloatArraysOnlyAndTimesInDouble() {
    LifGroup f = new LifGroup("E", 10, Precision.FLOAT);
    assertThat(f.precision()).isEqualTo(Precision.FLOAT);
    assertThat(f.V).isNull();
    assertThat(f.input).isNull();
    assertThat(f.V_float).hasLength(10);
    assertThat(f.floats("V")).isSameInstanceAs(f.V_float);
    assertThat(f.t_last_spike).hasLength(10);
    assertThat(f.variable("t_last_spike").isFloat()).isFalse();
    LifGroup d = new LifGroup("E", 10);
    assertThat(d.precision()).isEqualTo(Precision.DOUBLE);
    assertThat(d.V_float).isNull();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.doubles("V"));
    assertThat(e).hasMessageThat().contains("E.V is stored as float");
    assertThat(e).hasMessageThat().contains("floats(\"V\")");
    e = assertThrows(IllegalArgumentException.class, () -> d.floats("V"));
    assertThat(e).hasMessageThat().contains("use doubles(\"V\")");
  }

  @Test
  void aNetworkRefusesGroupsOfTheOtherPrecisionButTakesSpikeSources() {
    Network net = new Network(Precision.FLOAT);
    assertThat(net.precision()).isEqualTo(Precision.FLOAT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.add(new LifGroup("E", 100)));
    assertThat(e).hasMessageThat().isEqualTo("group 'E' stores DOUBLE state but this network is "
        + "FLOAT; construct it with Precision.FLOAT (e.g. new LifGroup(\"E\", 100, Precision.FLOAT))");
    LifGroup post = net.add(new LifGroup("E", 100, Precision.FLOAT));
    PoissonGroup source = net.add(new PoissonGroup("P", 50, 10., 1));
    ExpCobaProjection p = net.add(new ExpCobaProjection(source, post, new FixedProb(0.1, 1)));
    assertThat(p.precision()).isEqualTo(Precision.FLOAT);
    assertThat(p.g).isNull();
    assertThat(p.floats("g")).hasLength(100);
    assertThat(new Network().precision()).isEqualTo(Precision.DOUBLE);
  }

  /**
   * The EINet in float and in double: projections round between decay, delivery and output, so
   * the two drift apart by float rounding, and the spikes stay statistically the same.
   */
  @Test
  void aFloatEINetTracksTheDoubleOneAndFiresAtTheSameRates() {
    double[] rates = new double[2];
    double[][] early = new double[2][];
    Precision[] both = {Precision.DOUBLE, Precision.FLOAT};
    for (int k = 0; k < 2; k++) {
      Network net = einet(both[k]);
      DSRunner runner = DSRunner.builder(net).dt(0.1).monitors("E.spike", "E.V")
          .input("E.input", 20.).input("I.input", 20.).build();
      runner.run(2.);
      early[k] = net.group("E").variable("V").toDoubles();
      runner.run(198.);
      rates[k] = runner.mon().meanRate("E.spike");
      assertThat(runner.mon().values("E.V")[0]).hasLength(3200);
    }
    for (int i = 0; i < early[0].length; i++) {
      assertThat(early[1][i]).isWithin(1e-4).of(early[0][i]);
    }
    assertThat(rates[1]).isWithin(0.05 * rates[0]).of(rates[0]);
    assertThat(rates[0]).isGreaterThan(5.);
  }

  @Test
  void reportRunnerAndResetWorkOnFloatState() {
    Network a = einet(Precision.FLOAT);
    Network b = einet(Precision.FLOAT);
    DSRunner ds = DSRunner.builder(a).dt(0.1).monitors("E.V").input("E.input", 20.)
        .input("I.input", 20.).build();
    ReportRunner report = ReportRunner.builder(b).dt(0.1).monitors("E.V").input("E.input", 20.)
        .input("I.input", 20.).build();
    ds.run(20.);
    report.run(20.);
    assertThat(a.group("E").floats("V")).isEqualTo(b.group("E").floats("V"));
    double[][] first = ds.mon().values("E.V");
    float[] atEnd = a.group("E").floats("V").clone();
    for (int i = 0; i < atEnd.length; i++) {
      assertThat(first[first.length - 1][i]).isEqualTo((double) atEnd[i]); // recorded widened, exactly
    }
    ds.reset();
    ds.run(20.);
    assertThat(a.group("E").floats("V")).isEqualTo(atEnd);
  }

  private static Network einet(Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", 3200, precision));
    LifGroup i = net.add(lif("I", 800, precision));
    for (LifGroup g : List.of(e, i)) {
      for (int k = 0; k < g.size(); k++) {
        g.variable("V").set(k, -60 + 10 * ((k * 0.618034) % 1.0));
      }
    }
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.02, 1)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(e, i, new FixedProb(0.02, 2)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.02, 3)).E(-80.).g_max(6.7).tau(10.));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.02, 4)).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  private static LifGroup lif(String name, int size, Precision precision) {
    return new LifGroup(name, size, precision).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.)
        .tau_ref(5.);
  }

  private static int lanes(NeuronGroup d) {
    String k = d.kernels(); // "vector (8 x double)"
    return Integer.parseInt(k.substring(k.indexOf('(') + 1, k.indexOf(' ', k.indexOf('('))));
  }

  /** Whether the model offers {@code method} (EXP_EULER only for ODEs linear in their variable). */
  private static boolean offers(Maker make, Integrator method) {
    try {
      setMethod(make.apply("N", Precision.DOUBLE), method);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  private static void setMethod(NeuronGroup g, Integrator method) {
    try {
      g.getClass().getMethod("method", Integrator.class).invoke(g, method);
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves each neuron's states apart so that lanes differ (values then rounded to float). */
  private static void spread(NeuronGroup g) {
    for (Variable v : g.variables()) {
      if (v.kind() == Variable.Kind.STATE && !v.isBoolean() && !v.name().equals("t_last_spike")) {
        for (int i = 0; i < v.size(); i++) {
          double x = v.get(i);
          v.set(i, x + 0.01 * i * Math.max(0.05, Math.abs(x)) / SIZE * 10);
        }
      }
    }
  }

  private static void copyWidened(NeuronGroup from, NeuronGroup to) {
    for (Variable v : from.variables()) {
      Variable target = to.variable(v.name());
      for (int i = 0; i < v.size(); i++) {
        target.set(i, v.get(i));
      }
    }
  }
}
