package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Assign.AssignOp;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.LogicOp;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Not;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid models become exactly the expected IR; the emitter is never called. */
class ModelIRTest {
  private static final Ref V = new Ref("V", RefKind.STATE);
  private static final Ref TAU = new Ref("tau", RefKind.PARAM);
  private static final Ref V_REST = new Ref("V_rest", RefKind.PARAM);
  private static final Ref INPUT = new Ref("input", RefKind.INPUT);

  private static ModelIR single(JavaFileObject source) {
    Models.Captured result = Models.compile(source);
    // Many of these models are deliberately partial (unused parameters): warnings are allowed.
    assertThat(result.compilation()).succeeded();
    assertThat(result.models()).hasSize(1);
    return result.models().get(0);
  }

  /** The ODE right-hand side of {@code p.Bad}'s only @Ode method. */
  private static Expr rhs(String source) {
    return single(Models.neuronOde(source)).odes().get(0).rhs();
  }

  @Test
  void lifFromTheModelLibrary() {
    ModelIR lif = single(Models.library("Lif"));
    Expr rhs = new Binary(BinOp.DIV,
        new Binary(BinOp.ADD,
            new Binary(BinOp.ADD, new Neg(V), V_REST),
            new Binary(BinOp.MUL, new Ref("R", RefKind.PARAM), INPUT)),
        TAU);
    ModelIR expected = new NeuronIR(
        "io.brainstem.models",
        "Lif",
        Integrator.EXP_AUTO,
        List.of(
            new ModelIR.Param("V_rest", 0),
            new ModelIR.Param("V_reset", -5),
            new ModelIR.Param("V_th", 20),
            new ModelIR.Param("R", 1),
            new ModelIR.Param("tau", 10),
            new ModelIR.Param("tau_ref", 0)),
        List.of(new ModelIR.State("V", 0)),
        List.of("input"),
        List.of(new ModelIR.Ode(
            "V", "dV", List.of("V", "input"), rhs, "(-V + V_rest + R * input) / tau")),
        Optional.of(new ModelIR.Threshold(
            "fire", new Compare(CmpOp.GE, V, new Ref("V_th", RefKind.PARAM)), "V >= V_th")),
        Optional.of(new ModelIR.Action(
            "reset",
            List.of(new Assign("V", AssignOp.SET, new Ref("V_reset", RefKind.PARAM))),
            "V = V_reset;")),
        Optional.of("tau_ref"));
    assertThat(lif).isEqualTo(expected);
  }

  @Test
  void expCobaFromTheModelLibrary() {
    ModelIR coba = single(Models.library("ExpCoba"));
    Ref g = new Ref("g", RefKind.STATE);
    ModelIR expected = new SynapseIR(
        "io.brainstem.models",
        "ExpCoba",
        Integrator.EXP_AUTO,
        List.of(
            new ModelIR.Param("g_max", 1),
            new ModelIR.Param("tau", 8),
            new ModelIR.Param("E", 0)),
        List.of(new ModelIR.State("g", 0)),
        List.of(new ModelIR.Post("V", "V")),
        List.of(new ModelIR.Ode(
            "g", "dg", List.of("g"), new Binary(BinOp.DIV, new Neg(g), TAU), "-g / tau")),
        Optional.of(new ModelIR.Action(
            "onSpike",
            List.of(new Assign("g", AssignOp.ADD, new Ref("g_max", RefKind.PARAM))),
            "g += g_max;")),
        Optional.of(new ModelIR.Output(
            "current",
            "input",
            new Binary(BinOp.MUL, g,
                new Binary(BinOp.SUB, new Ref("E", RefKind.PARAM), new Ref("V", RefKind.POST))),
            "g * (E - V)")));
    assertThat(coba).isEqualTo(expected);
  }

  @Test
  void structureIsKeptAsWritten() {
    // a + b + c and a + (b + c) round differently, so they must stay different trees.
    assertThat(rhs("V + tau + input"))
        .isEqualTo(new Binary(BinOp.ADD, new Binary(BinOp.ADD, V, TAU), INPUT));
    assertThat(rhs("V + (tau + input)"))
        .isEqualTo(new Binary(BinOp.ADD, V, new Binary(BinOp.ADD, TAU, INPUT)));
    assertThat(rhs("+V - -tau")).isEqualTo(new Binary(BinOp.SUB, V, new Neg(TAU)));
    // ...except integer constants, which Java itself computes exactly in int before the double.
    assertThat(rhs("2 * 3 * V")).isEqualTo(new Binary(BinOp.MUL, new Num(6), V));
    assertThat(rhs("2.0 * 3 * V"))
        .isEqualTo(new Binary(BinOp.MUL, new Binary(BinOp.MUL, new Num(2), new Num(3)), V));
  }

  @Test
  void literalsAndConstants() {
    assertThat(rhs("0.1f * V"))
        .isEqualTo(new Binary(BinOp.MUL, new Num((double) 0.1f), V));
    assertThat(rhs("3L * V")).isEqualTo(new Binary(BinOp.MUL, new Num(3), V));
    assertThat(rhs("Math.PI * java.lang.Math.E"))
        .isEqualTo(new Binary(BinOp.MUL, new Num(Math.PI), new Num(Math.E)));
  }

  @Test
  void functionsConditionsAndLogic() {
    assertThat(rhs("Math.max(V, 0) > tau && !(V < 1) || V == 2 ? Math.exp(-V) : Math.pow(V, 2)"))
        .isEqualTo(new Cond(
            new Logic(LogicOp.OR,
                new Logic(LogicOp.AND,
                    new Compare(CmpOp.GT, new Call(Fn.MAX, List.of(V, new Num(0))), TAU),
                    new Not(new Compare(CmpOp.LT, V, new Num(1)))),
                new Compare(CmpOp.EQ, V, new Num(2))),
            new Call(Fn.EXP, List.of(new Neg(V))),
            new Call(Fn.POW, List.of(V, new Num(2)))));
  }

  @Test
  void staticallyImportedMathFunctions() {
    ModelIR model = single(Models.source("p.Imp", """
        package p;
        import static java.lang.Math.exp;
        import io.brainstem.annotations.*;
        @Neuron
        public class Imp {
          @Param double tau = 10;
          @State double V;
          @Ode("V") double dV(double V) { return exp(-V) / tau; }
        }
        """));
    assertThat(model.odes().get(0).rhs()).isEqualTo(
        new Binary(BinOp.DIV, new Call(Fn.EXP, List.of(new Neg(V))), TAU));
  }

  @Test
  void localsAreReadByNameAndShadowFields() {
    NeuronIR model = (NeuronIR) single(Models.neuron("""
          @Ode("V") double dV(double V, double input) {
            final double tau = 2.0;
            double drive = input / tau;
            return drive - V;
          }
        """));
    Ref tau = new Ref("tau", RefKind.BODY);
    Ref drive = new Ref("drive", RefKind.BODY);
    // A local is read by name (not pasted into its uses), so the IR stays linear in the body.
    assertThat(model.odes().get(0).rhs()).isEqualTo(new Binary(BinOp.SUB, drive, V));
    assertThat(model.odes().get(0).sourceText()).isEqualTo("drive - V");
    assertThat(model.odes().get(0).locals())
        .containsExactly("tau", new Num(2), "drive", new Binary(BinOp.DIV, INPUT, tau)).inOrder();
  }

  @Test
  void integerInitializedLocalIsADouble() {
    // Java divides 'one / 2' in double because 'one' is declared double: no INTEGER_DIVISION.
    NeuronIR model = (NeuronIR) single(Models.neuron(
        "  @Ode(\"V\") double dV(double V) { final double one = 1; return one / 2 - V; }\n"));
    assertThat(model.odes().get(0).rhs()).isEqualTo(new Binary(BinOp.SUB,
        new Binary(BinOp.DIV, new Ref("one", RefKind.BODY), new Num(2)), V));
    assertThat(model.odes().get(0).locals()).containsExactly("one", new Num(1));
  }

  @Test
  void timeIsAnOdeParameterAndThisReadsFields() {
    NeuronIR model = (NeuronIR) single(Models.neuron(
        "  @Ode(\"V\") double dV(double t) { return (this.V_rest - V) / tau + t; }\n"));
    ModelIR.Ode ode = model.odes().get(0);
    assertThat(ode.argNames()).containsExactly("t");
    assertThat(ode.rhs()).isEqualTo(new Binary(BinOp.ADD,
        new Binary(BinOp.DIV, new Binary(BinOp.SUB, V_REST, V), TAU),
        new Ref("t", RefKind.TIME)));
  }

  @Test
  void sourceTextIsTheExactSubstring() {
    NeuronIR model = (NeuronIR) single(Models.neuron(
        "  @Threshold boolean fire() { return V>=V_th   &&  V>0; }\n"));
    assertThat(model.threshold().get().sourceText()).isEqualTo("V>=V_th   &&  V>0");
  }

  @Test
  void everyAssignmentOperator() {
    NeuronIR model = (NeuronIR) single(Models.neuron("""
          @State double w;
          @Threshold boolean fire() { return V > V_th; }
          @Reset void reset() {
            V = V_rest;
            this.w += 1;
            w -= 2;
            w *= 3;
            w /= tau;
          }
        """));
    Ref w = new Ref("w", RefKind.STATE);
    assertThat(model.reset().get().assignments()).containsExactly(
        new Assign("V", AssignOp.SET, V_REST),
        new Assign("w", AssignOp.ADD, new Num(1)),
        new Assign("w", AssignOp.SUB, new Num(2)),
        new Assign("w", AssignOp.MUL, new Num(3)),
        new Assign("w", AssignOp.DIV, TAU)).inOrder();
    assertThat(model.refractoryParam()).isEmpty();
  }

  @Test
  void initializersAreEvaluatedLikeJava() {
    NeuronIR model = (NeuronIR) single(Models.neuron(
        "  @Param double a = -(1 + 2) * 0.5, b = +4 / 8.0, c = 1e-3, d = -2147483648, e = Math.PI / 2;\n"));
    assertThat(model.params().subList(3, 8)).containsExactly(
        new ModelIR.Param("a", -1.5),
        new ModelIR.Param("b", 0.5),
        new ModelIR.Param("c", 1e-3),
        new ModelIR.Param("d", -2147483648.0),
        new ModelIR.Param("e", Math.PI / 2)).inOrder();
  }

  @Test
  void synapseMethodAndPostRename() {
    SynapseIR model = (SynapseIR) single(Models.source("p.Syn", """
        package p;
        import io.brainstem.annotations.*;
        @Synapse(method = Integrator.RK4)
        public class Syn {
          @State double g;
          @Post("V") double V_post;
          @OnPre void on() { g += 1; }
          @Output("I_syn") double out() { return g * V_post; }
        }
        """));
    assertThat(model.method()).isEqualTo(Integrator.RK4);
    assertThat(model.posts()).containsExactly(new ModelIR.Post("V_post", "V"));
    assertThat(model.output().get().target()).isEqualTo("I_syn");
    assertThat(model.output().get().value())
        .isEqualTo(new Binary(BinOp.MUL, new Ref("g", RefKind.STATE),
            new Ref("V_post", RefKind.POST)));
  }
}
