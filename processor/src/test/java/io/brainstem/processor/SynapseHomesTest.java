package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
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
    SynapseIR model = (SynapseIR) result.models().get(0);
    assertThat(model.states().stream().map(ModelIR.State::name).toList()).containsExactly("g");
    assertThat(model.params().stream().map(ModelIR.Param::name).toList())
        .containsExactly("U", "tau", "E");
    assertThat(model.synapseVars()).containsExactly(
        new SynapseVar("w", Home.SYNAPSE, false, 1),
        new SynapseVar("u", Home.SYNAPSE, true, 0),
        new SynapseVar("x", Home.SYNAPSE, true, 1)).inOrder();
  }

  @Test
  void deliveryIndexesEachHomeByItsOwnIndex() {
    Models.Captured result = Models.compile(stp(
        "  @State @PerSynapse double x = 1;\n  @Param @PerSynapse double w = 1;\n"
            + "  @Param @PerPre double r = 1;",
        "    g += w * r * U * x;\n    x -= U * x;"));
    assertThat(result.compilation()).succeeded();
    String text = io.brainstem.processor.emit.EmittedText.of(result.models().get(0));
    String kernel = method(text, "private void deliver(double dt, int from, int to)");
    assertThat(kernel).contains("final int j = indices[k];\n");
    assertThat(kernel).contains("final int pre = synapsePre[k];\n");
    assertThat(kernel).contains("double g = this.g[j];\n"
        + "        final double w = this.w[k];\n"
        + "        final double r = this.r[pre];\n"
        + "        double x = this.x[k];\n"
        + "        g += w * r * U * x;\n"
        + "        x -= U * x;\n"
        + "        this.g[j] = g;\n"
        + "        this.x[k] = x;\n");
    assertThat(method(text, "private void deliverFloat(double dt, int from, int to)"))
        .contains("this.x_float[k] = (float) x;\n");
    String debug = method(text, "private void deliverDebug(double dt, int from, int to)");
    assertThat(debug).contains("m.w = this.w[k];\n"
        + "        m.r = this.r[pre];\n"
        + "        m.x = this.x[k];\n"
        + "        m.on();\n"
        + "        this.g[j] = m.g;\n"
        + "        this.x[k] = m.x;\n");
    assertThat(text).contains("this.x = perSynapse(\"x\", 1.0);");
    assertThat(text).contains("this.r_float = perPreFloat(\"r\", 1.0);");
    assertThat(text).contains("public StpProjection w(SynapseInit init) {");
  }

  private static String method(String source, String signature) {
    int start = source.indexOf(signature);
    assertThat(start).isAtLeast(0);
    return source.substring(start, source.indexOf("\n  }\n", start));
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
  void aPerSynapseOdeIsIntegratedOverEverySynapse() {
    JavaFileObject source = Models.source("p.Trace", """
        package p;
        import io.brainstem.annotations.*;
        @Synapse
        public class Trace {
          @Param @PerSynapse double tau_pre = 20;
          @Param double tau = 5, E = 0;
          @State @PerSynapse double apre;
          @State double g;
          @Post double V;
          @Ode("apre") double dapre(double apre) { return -apre / tau_pre; }
          @Ode("g") double dg(double g) { return -g / tau; }
          @OnPre void on() { apre += 1; g += apre; }
          @Output("input") double out() { return g * (E - V); }
        }
        """);
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeededWithoutWarnings();
    SynapseIR model = (SynapseIR) result.models().get(0);
    assertThat(model.odes().stream().map(ModelIR.Ode::state).toList()).containsExactly("g");
    assertThat(model.synapseOdes().stream().map(ModelIR.Ode::state).toList())
        .containsExactly("apre");
    String text = io.brainstem.processor.emit.EmittedText.of(model);
    String kernel = method(text, "private void stepSynapsesEuler(double dt, int from, int to)");
    assertThat(kernel).contains("final int[] rowCut = rowCuts(from, to);\n"
        + "    final int cutStride = rowCutStride(from, to);\n"
        + "    final int cutAt = rowCutAt(from, to);\n"
        + "    for (int row = 0; row < indptr.length - 1; row++) {\n"
        + "      final int cut = row * cutStride + cutAt;\n"
        + "      final int rowEnd = rowCut[cut + 1];\n"
        + "      for (int k = rowCut[cut]; k < rowEnd; k++) {\n"
        + "        final int j = indices[k];\n"
        + "        if (j < from || j >= to) {\n"
        + "          continue;\n"
        + "        }\n"
        + "        final double tau_pre = this.tau_pre[k];\n"
        + "        double apre = this.apre[k];\n");
    assertThat(kernel).contains("this.apre[k] = apre;\n");
    assertThat(text).contains("case EULER -> { if (!jit) stepRungeKuttaDebug(dt, from, to); else if"
        + " (params.heterogeneous()) stepRungeKuttaPerElement(dt, from, to); else stepRungeKutta(dt,"
        + " from, to); if (!jit) stepSynapsesEulerDebug(dt, from, to); else stepSynapsesEuler(dt, from,"
        + " to); }");
    assertThat(text).contains("setCoupling(coupling, \"its @PerSynapse states are integrated by the"
        + " projection's own method\", null, null);");
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
