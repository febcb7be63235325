package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Home;
import io.brainstem.processor.ir.ModelIR.SynapseVar;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Where synapse variables live: {@code @PerSynapse}, {@code @PerPre} or per postsynaptic neuron,
 * and the rule that a shared (per-postsynaptic) state may only be updated additively.
 */
class SynapseHomesTest {

  private static JavaFileObject stp(String fields, String onPre) {
    return Models.source("p.Stp", """
        package p;
        import io.brainstem.annotations.*;
        @Synapse
        public class Stp {
          @Param double U = 0.5, tau = 8, E = 0;
          @State double g;
        %s
          @Post double V;
          @Ode("g") double dg(double g) { return -g / tau; }
          @OnPre void on() {
        %s
          }
          @Output("input") double out() { return g * (E - V); }
        }
        """.formatted(fields, onPre));
  }

  @Test
  void tsodyksMarkramCompilesWhenItsStateIsPerSynapse() {
    Models.Captured result = Models.compile(stp(
        "  @State @PerSynapse double u;\n  @State @PerSynapse double x = 1;\n"
            + "  @Param @PerSynapse double w = 1;",
        "    u += U * (1 - u);\n    g += w * u * x;\n    x -= u * x;"));
    assertThat(result.compilation()).succeeded();
    ModelIR model = result.models().get(0);
    assertThat(model.states().stream().map(ModelIR.State::name).toList()).containsExactly("g");
    assertThat(model.params().stream().map(ModelIR.Param::name).toList())
        .containsExactly("U", "tau", "E");
    assertThat(model.synapseVars()).containsExactly(
        new SynapseVar("w", Home.SYNAPSE, false, 1),
        new SynapseVar("u", Home.SYNAPSE, true, 0),
        new SynapseVar("x", Home.SYNAPSE, true, 1)).inOrder();
  }

  @Test
  void theSameModelWithSharedStateIsRejectedNamingTheState() {
    Models.Captured result = Models.compile(stp(
        "  @State double u;\n  @State double x = 1;",
        "    u += U * (1 - u);\n    g += u * x;\n    x -= u * x;"));
    assertThat(result.compilation()).hadErrorContaining("[BS432 SHARED_STATE_NOT_ADDITIVE] "
        + "@OnPre updates 'u += ...', 'g += ...', 'x -= ...', but u, g, x (no @PerSynapse or"
        + " @PerPre) are one value per postsynaptic neuron");
    assertThat(result.compilation()).hadErrorContaining("('@State @PerSynapse double u')");
    assertThat(result.compilation()).hadErrorCount(1);
  }

  @Test
  void additiveFormsAndPartnerIndependentSetsAreAccepted() {
    Models.Captured result = Models.compile(stp(
        "  @Param @PerSynapse double w = 1;\n  @Param @PerPre double s = 1;\n"
            + "  @State double h;\n  @State double r;",
        "    g = g + w * s;\n    h = 2 * U + h;\n    g -= w;\n    r = U;"));
    assertThat(result.compilation()).succeeded();
  }

  @Test
  void aSetThatDependsOnThePartnerIsRejected() {
    Models.Captured result = Models.compile(stp(
        "  @Param @PerSynapse double w = 1;\n  @State double r;",
        "    g += w;\n    r = w;"));
    assertThat(result.compilation()).hadErrorContaining("@OnPre updates 'r = ...', but r (no");
    assertThat(result.compilation()).hadErrorCount(1);
  }

  @Test
  void anOdeOfASharedStateCannotReadAWeight() {
    JavaFileObject source = Models.source("p.Leak", """
        package p;
        import io.brainstem.annotations.*;
        @Synapse
        public class Leak {
          @Param @PerSynapse double w = 1;
          @Param double E = 0;
          @State double g;
          @Post double V;
          @Ode("g") double dg(double g) { return -g * w; }
          @OnPre void on() { g += 1; }
          @Output("input") double out() { return g * (E - V); }
        }
        """);
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).hadErrorContaining(
        "[BS433 LUMPED_READS_SYNAPSE] @Ode of 'g' runs once per postsynaptic neuron, but reads [w]");
  }

  @Test
  void perPreOnAnInputIsNotAVariableHome() {
    JavaFileObject source = Models.source("p.Bad", """
        package p;
        import io.brainstem.annotations.*;
        @Synapse
        public class Bad {
          @Param double w = 1;
          @PerPre @Post double V;
          @OnPre void on() { V += w; }
        }
        """);
    assertThat(Models.compile(source).compilation()).hadErrorContaining(
        "[BS431 HOME_WITHOUT_VARIABLE] @PerPre on 'V', which is a @Post field");
  }
}
