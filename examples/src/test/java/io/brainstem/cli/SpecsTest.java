package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.monitors.Monitor;
import io.brainstem.network.Network;
import io.brainstem.network.Parameters;
import io.brainstem.network.Projection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecsTest {

  @Test
  void monitorSpecs() {
    Monitor all = MonitorSpec.parse("E.spike");
    assertThat(all.path()).isEqualTo("E.spike");
    assertThat(all.indices()).isNull();
    Monitor some = MonitorSpec.parse("E.V[0:3, 7]");
    assertThat(some.path()).isEqualTo("E.V");
    assertThat(some.name()).isEqualTo("E.V[0:3, 7]");
    assertThat(some.indices()).asList().containsExactly(0, 1, 2, 7).inOrder();
    assertThrows(IllegalArgumentException.class, () -> MonitorSpec.parse("E.V[a]"));
    assertThrows(IllegalArgumentException.class, () -> MonitorSpec.parse("E.V[3:3]"));
    assertThrows(IllegalArgumentException.class, () -> MonitorSpec.parse("E.V[0"));
    assertThrows(IllegalArgumentException.class, () -> MonitorSpec.parse("E.V[-1]"));
  }

  @Test
  void inputSpecs() {
    assertThat(InputSpec.parse("E.input=20")).isEqualTo(new InputSpec("E.input", 20.));
    assertThat(InputSpec.parse(" I.input = -2.5e1 ")).isEqualTo(new InputSpec("I.input", -25.));
    for (String bad : new String[] {"E.input", "=3", "E.input=", "E.input=NaN", "E.input=1/0"}) {
      assertThrows(IllegalArgumentException.class, () -> InputSpec.parse(bad), bad);
    }
  }

  @Test
  void registryIsCaseInsensitiveAndRejectsDuplicates() {
    assertThat(ExampleNetworks.get("EINET").name()).isEqualTo("einet");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExampleNetworks.register(new ExampleNetwork("EINet", "again", 1., List.of(), Map.of(),
            o -> null)));
    assertThat(e).hasMessageThat().contains("already registered");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ExampleNetworks.get("adaptaton"));
    assertThat(unknown).hasMessageThat().contains("did you mean 'adaptation'?");
  }

  @Test
  void networkOptionsScaleGroups() {
    NetworkOptions o = new NetworkOptions(1, Integrator.EULER, 0.25);
    assertThat(o.scaled(3200)).isEqualTo(800);
    assertThat(new NetworkOptions(1, Integrator.EULER, 1e-6).scaled(800)).isEqualTo(1);
    assertThrows(IllegalArgumentException.class, () -> new NetworkOptions(1, Integrator.EULER, 0));
  }

  @Test
  void einetScaleDividesTheWeightsAsBrainPysScaledBenchmark() {
    Network half = ExampleNetworks.get("einet").build(new NetworkOptions(42, Integrator.EXP_AUTO, 0.5));
    assertThat(half.group("E").size()).isEqualTo(1600);
    assertThat(half.group("I").size()).isEqualTo(400);
    List<Double> gMax = new java.util.ArrayList<>();
    for (Projection p : half.projections()) {
      Parameters params = ((ExpCobaProjection) p).params();
      gMax.add(params.scalar(params.indexOf("g_max")));
    }
    assertThat(gMax).containsExactly(1.2, 1.2, 13.4, 13.4).inOrder();
    Network full = ExampleNetworks.get("einet").build(new NetworkOptions(42, Integrator.EXP_AUTO, 1));
    Parameters first = ((ExpCobaProjection) full.projections().get(0)).params();
    assertThat(first.scalar(first.indexOf("g_max"))).isEqualTo(0.6);
  }

  @Test
  void jsonEscapesAndNests() {
    String text = Json.write(Map.of("a\"b", List.of(1, 2.5, true, "x\ny", Double.NaN)));
    assertThat(text).isEqualTo(
        "{\n  \"a\\\"b\": [\n    1,\n    2.5,\n    true,\n    \"x\\ny\",\n    null\n  ]\n}\n");
  }
}
