package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Neuron(methods = ...)} / {@code @Synapse(methods = ...)}: the listed integrators run,
 * any other is refused when it is chosen, with a message naming the attribute to change.
 */
class NarrowedMethodsTest {
  private static final String NARROW_NEURON = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron(methods = {Integrator.EXP_AUTO, Integrator.RK4})
      public class NarrowLif {
        @Param double tau = 10, V_th = 1;
        @State double V;
        @Input double input;

        @Ode("V") double dV(double V, double input) { return (-V + input) / tau; }
        @Threshold boolean fire() { return V >= V_th; }
        @Reset void reset() { V = 0; }
      }
      """;
  private static final String NARROW_SYNAPSE = """
      package test.models;

      import io.brainstem.annotations.*;

      @Synapse(method = Integrator.EULER, methods = {Integrator.EULER})
      public class NarrowExp {
        @Param double tau = 5, w = 0.5;
        @State double g;

        @Ode("g") double dg(double g) { return -g / tau; }
        @OnPre void onSpike() { g += w; }
        @Output("input") double current() { return g; }
      }
      """;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile(
        Map.of("NarrowLif", NARROW_NEURON, "NarrowExp", NARROW_SYNAPSE));
  }

  private static void method(Object target, Integrator method) throws Throwable {
    try {
      target.getClass().getMethod("method", Integrator.class).invoke(target, method);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aGroupRunsTheListedIntegratorsAndRefusesTheOthers() throws Throwable {
    NeuronGroup group = ProcessedModels.group(loader, "NarrowLif", "n", 8);
    method(group, Integrator.RK4);
    Arrays.fill(group.doubles("input"), 2.0);
    group.update(0, 0.1, true);
    assertThat(group.doubles("V")[0]).isGreaterThan(0.0);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> method(group, Integrator.EULER));
    assertThat(e).hasMessageThat().isEqualTo("NarrowLifGroup has no loops for EULER: "
        + "@Neuron(methods = {EXP_AUTO, RK4}) on test.models.NarrowLif generates only those. "
        + "Add EULER to its methods to use it.");
    assertThat(group.method()).isEqualTo(Integrator.RK4);
    // Loops for the listed integrators only (one serves every Runge–Kutta method): the group's
    // kernels and its debug loops.
    assertThat(steps(group.getClass())).containsExactly(
        "stepExpAuto", "stepExpAutoPerElement", "stepRungeKutta", "stepRungeKuttaPerElement");
    assertThat(steps(loader.loadClass("test.models.NarrowLifGroupDebug"))).containsExactly(
        "stepExpAutoDebug", "stepExpAutoDebugFloat", "stepRungeKuttaDebug",
        "stepRungeKuttaDebugFloat");
  }

  @Test
  void aProjectionStartsWithItsDefaultAndRefusesTheOthers() throws Throwable {
    NeuronGroup pre = ProcessedModels.group(loader, "NarrowLif", "pre", 10);
    NeuronGroup post = ProcessedModels.group(loader, "NarrowLif", "post", 10);
    Projection p = (Projection) loader.loadClass("test.models.NarrowExpProjection")
        .getConstructor(NeuronGroup.class, NeuronGroup.class, Connector.class)
        .newInstance(pre, post, new FixedProb(0.5, 3));
    assertThat(p.method()).isEqualTo(Integrator.EULER);
    p.update(0, 0.1, true);
    p.update(0.1, 0.1, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> method(p, Integrator.EXP_AUTO));
    assertThat(e).hasMessageThat().contains("@Synapse(methods = {EULER})");
    assertThat(e).hasMessageThat().contains("Add EXP_AUTO to its methods");
  }

  private static List<String> steps(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).map(m -> m.getName())
        .filter(n -> n.startsWith("step")).distinct().sorted().toList();
  }
}
