package io.brainstem.processor;

import io.brainstem.processor.ir.NeuronIR;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per error code (at least): the tagged message, on the exact line, and no other error,
 * so a mistake never cascades. The last stage only captures the IR, so a check that wrongly passes
 * shows up as a model that reached it.
 */
class ErrorCodeTest {

  private static Compilation assertSingleError(
      JavaFileObject source, String expectedTagAndText, String line) {
    Models.Captured result = Models.compile(source);
    Compilation compilation = result.compilation();
    assertThat(compilation).hadErrorContaining(expectedTagAndText).inFile(source)
        .onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(result.models()).isEmpty();
    return compilation;
  }

  // 1xx: the model class

  @Test
  void notTopLevel() {
    JavaFileObject source = Models.source("p.Outer", """
        package p;
        import io.brainstem.annotations.*;
        public class Outer {
          @Neuron static class Bad {
            @State double V;
          }
        }
        """);
    assertSingleError(source, "[BS101 NOT_TOP_LEVEL] Bad is nested", "@Neuron static class Bad");
  }

  @Test
  void notAClass() {
    JavaFileObject source = Models.source("p.Bad", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public interface Bad {}
        """);
    assertSingleError(source, "[BS102 NOT_A_CLASS] Bad is an interface", "@Neuron");
  }

  @Test
  void abstractModelIsNotInstantiable() {
    JavaFileObject source = Models.source("p.Bad", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public abstract class Bad {
          @State double V;
        }
        """);
    assertSingleError(source, "[BS103 NOT_INSTANTIABLE] Bad is abstract", "@Neuron");
  }

  @Test
  void privateConstructorIsNotInstantiable() {
    JavaFileObject source = Models.neuron("  private Bad() {}\n");
    assertSingleError(source, "[BS103 NOT_INSTANTIABLE] Bad has no non-private", "private Bad()");
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    JavaFileObject source = Models.neuronOde("(V_rst - V) / tau");
    assertSingleError(
        source,
        "[BS104 UNKNOWN_NAME] 'V_rst' is not a parameter, state or input of Bad (did you mean"
            + " 'V_rest'?). Declare it as a field annotated @Param, @State or @Input, or fix the"
            + " spelling.",
        "return (V_rst - V)");
  }

  @Test
  void unknownOdeParameter() {
    JavaFileObject source =
        Models.neuron("  @Ode(\"V\") double dV(double Vm) { return -Vm / tau; }\n");
    assertSingleError(
        source, "[BS104 UNKNOWN_NAME] @Ode parameter 'Vm' is not", "double dV(double Vm)");
  }

  @Test
  void timeOutsideAnOdeParameterIsUnknown() {
    JavaFileObject source =
        Models.neuron("  @Threshold boolean fire() { return V >= V_th && t > 100; }\n");
    Compilation compilation =
        assertSingleError(source, "[BS104 UNKNOWN_NAME] 't' is not", "return V >= V_th && t");
    assertThat(compilation).hadErrorContaining("add a parameter 'double t' to an @Ode method");
  }

  @Test
  void reservedName() {
    JavaFileObject source = Models.neuron("  @Param double dt = 0.1;\n");
    assertSingleError(source, "[BS105 RESERVED_NAME] 'dt' is reserved", "double dt = 0.1");
  }

  @Test
  void neuronAndSynapse() {
    JavaFileObject source = Models.source("p.Bad", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        @Synapse
        public class Bad {}
        """);
    assertSingleError(source, "[BS106 NEURON_AND_SYNAPSE]", "@Synapse");
  }

  @Test
  void postInANeuron() {
    JavaFileObject source = Models.neuron("  @Post double V_post;\n");
    assertSingleError(
        source, "[BS107 WRONG_MODEL_KIND] @Post belongs in a synapse model", "double V_post");
  }

  @Test
  void thresholdInASynapse() {
    JavaFileObject source = Models.synapse("""
          @OnPre void on() { g += g_max; }
          @Output double out() { return g * (E - V); }
          @Threshold boolean fire() { return g > 1; }
        """);
    assertSingleError(
        source, "[BS107 WRONG_MODEL_KIND] @Threshold belongs in a neuron model", "boolean fire()");
  }

  // 2xx: fields

  @Test
  void fieldNotDouble() {
    JavaFileObject source = Models.neuron("  @Param float gain = 2;\n");
    assertSingleError(source, "[BS201 FIELD_NOT_DOUBLE] @Param field 'gain' has type float",
        "float gain");
  }

  @Test
  void badFieldModifier() {
    JavaFileObject source = Models.neuron("  @State private final double w = 0;\n");
    assertSingleError(source, "[BS202 BAD_FIELD_MODIFIER] @State field 'w' is private final",
        "double w = 0");
  }

  @Test
  void initializerNotAConstant() {
    JavaFileObject source = Models.neuron("  @Param double a = Math.exp(1);\n");
    assertSingleError(source, "[BS203 NOT_A_CONSTANT] 'Math.exp(1)' is not a numeric constant",
        "double a = Math.exp(1)");
  }

  @Test
  void initializerReadingAnotherField() {
    JavaFileObject source = Models.neuron("  @Param double b = 2 * tau;\n");
    assertSingleError(source, "[BS203 NOT_A_CONSTANT] 'tau' is not", "double b = 2 * tau");
  }

  @Test
  void conflictingFieldRoles() {
    JavaFileObject source = Models.neuron("  @Param @State double w;\n");
    assertSingleError(
        source, "[BS204 CONFLICTING_ROLES] 'w' is annotated both @Param and @State",
        "@Param @State double w");
  }

  @Test
  void conflictingMethodRoles() {
    JavaFileObject source = Models.neuron(
        "  @Threshold @Reset boolean fire() { return V > V_th; }\n");
    assertSingleError(source, "[BS204 CONFLICTING_ROLES]", "boolean fire()");
  }

  /** A @Refractory field without @Param that a body reads: BS205 only, no echoed BS104. */
  @Test
  void refractoryWithoutRoleReadInABodyIsOneError() {
    JavaFileObject source = Models.neuron("""
          @Refractory double tau_ref = 2;
          @Ode("V") double dV(double V) { return (V_rest - V) / tau + 0 * tau_ref; }
        """);
    assertSingleError(source, "[BS205 REFRACTORY_NOT_PARAM]", "double tau_ref = 2;");
  }

  /** A runtime superclass member is public API: BS105 says what uses it and suggests a name. */
  @Test
  void superclassMemberIsReserved() {
    JavaFileObject source = Models.neuron("  @State double spikeIndex;\n");
    assertSingleError(source, "[BS105 RESERVED_NAME] 'spikeIndex' is reserved: the generated class"
        + " uses it as NeuronGroup.spikeIndex", "double spikeIndex;");
  }

  @Test
  void refractoryNotParam() {
    JavaFileObject source = Models.neuron("  @State @Refractory double w;\n");
    assertSingleError(source, "[BS205 REFRACTORY_NOT_PARAM]", "double w;");
  }

  @Test
  void trainableNotParam() {
    JavaFileObject source = Models.neuron("  @Input @Trainable double drive;\n");
    assertSingleError(source, "[BS209 TRAINABLE_NOT_PARAM] @Trainable on 'drive' (a @Input) needs"
        + " a @Param", "double drive;");
  }

  /** A trainable parameter passes the checks and reaches the IR marked so; the others do not. */
  @Test
  void trainableParamReachesTheIr() {
    Models.Captured result = Models.compile(Models.neuron("  @Param @Trainable double bias = 0;\n"));
    assertThat(result.compilation()).hadErrorCount(0);
    assertThat(result.models()).hasSize(1);
    assertThat(result.models().get(0).params().stream()
        .filter(io.brainstem.processor.ir.ModelIR.Param::trainable)
        .map(io.brainstem.processor.ir.ModelIR.Param::name).toList())
        .containsExactly("bias");
  }

  @Test
  void duplicateRefractory() {
    JavaFileObject source = Models.neuron("""
          @Param @Refractory double tau_ref = 2;
          @Param @Refractory double tau_ref2 = 3;
        """);
    assertSingleError(source, "[BS206 DUPLICATE_REFRACTORY] only one @Refractory", "tau_ref2");
  }

  @Test
  void invalidOutputTarget() {
    JavaFileObject source = Models.synapse("""
          @OnPre void on() { g += g_max; }
          @Output("in put") double out() { return g * (E - V); }
        """);
    assertSingleError(source, "[BS207 INVALID_NAME] @Output(\"in put\")", "in put");
  }

  @Test
  void invalidPostName() {
    JavaFileObject source = Models.synapse("""
          @Post("V.x") double Vx;
          @OnPre void on() { g += g_max; }
          @Output double out() { return g * (E - V); }
        """);
    assertSingleError(source, "[BS207 INVALID_NAME] @Post(\"V.x\")", "double Vx");
  }

  // 3xx: methods and expressions

  @Test
  void thresholdReturningDouble() {
    JavaFileObject source = Models.neuron("  @Threshold double fire() { return V - V_th; }\n");
    assertSingleError(
        source, "[BS301 BAD_SIGNATURE] 'fire' returns double; @Threshold methods are",
        "double fire()");
  }

  @Test
  void resetWithParameter() {
    JavaFileObject source = Models.neuron("""
          @Threshold boolean fire() { return V > V_th; }
          @Reset void reset(double x) { V = x; }
        """);
    assertSingleError(source, "[BS301 BAD_SIGNATURE] 'reset' has parameters", "void reset(");
  }

  @Test
  void privateOde() {
    JavaFileObject source =
        Models.neuron("  @Ode(\"V\") private double dV(double V) { return -V / tau; }\n");
    assertSingleError(source, "[BS301 BAD_SIGNATURE] 'dV' is private", "private double dV");
  }

  @Test
  void statementInReset() {
    JavaFileObject source = Models.neuron("""
          @Threshold boolean fire() { return V > V_th; }
          @Reset void reset() {
            if (V > 100) V = 0;
          }
        """);
    assertSingleError(source, "[BS302 BAD_BODY] 'if (V > 100)", "if (V > 100)");
  }

  @Test
  void localWithoutInitializer() {
    JavaFileObject source = Models.neuron("""
          @Ode("V") double dV(double V) {
            double x;
            x = 2;
            return x;
          }
        """);
    assertSingleError(source, "[BS302 BAD_BODY]", "double x;");
  }

  @Test
  void castIsUnsupported() {
    JavaFileObject source = Models.neuronOde("(V_rest - V) / tau + (int) input");
    assertSingleError(
        source, "[BS303 UNSUPPORTED_EXPRESSION] '(int) input' (type cast) is not supported",
        "(int) input");
  }

  @Test
  void foreignFieldIsUnsupported() {
    JavaFileObject source = Models.neuronOde("(V_rest - V) / Double.MAX_VALUE");
    assertSingleError(
        source, "[BS303 UNSUPPORTED_EXPRESSION] 'Double.MAX_VALUE' reads something outside",
        "Double.MAX_VALUE");
  }

  @Test
  void thisFieldShadowedByParameter() {
    JavaFileObject source = Models.neuronOde("(V_rest - this.V) / tau");
    assertSingleError(source, "[BS303 UNSUPPORTED_EXPRESSION] 'this.V' bypasses", "this.V");
  }

  @Test
  void unsupportedMathFunction() {
    JavaFileObject source = Models.neuronOde("(V_rest - V) / tau * Math.exq(V)");
    assertSingleError(
        source,
        "[BS304 UNSUPPORTED_FUNCTION] 'Math.exq' is not a supported function (did you mean"
            + " 'Math.exp'?)",
        "Math.exq(V)");
  }

  @Test
  void atanIsUnsupported() {
    JavaFileObject source = Models.neuronOde("Math.atan(V) / tau");
    assertSingleError(source, "[BS304 UNSUPPORTED_FUNCTION] 'Math.atan'", "Math.atan(V)");
  }

  @Test
  void bareMathNameWithoutStaticImport() {
    JavaFileObject source = Models.neuronOde("exp(-V) / tau");
    assertSingleError(
        source, "[BS304 UNSUPPORTED_FUNCTION] 'exp' is not a supported function (did you mean"
            + " 'Math.exp'?)", "exp(-V)");
  }

  @Test
  void ownMethodIsUnsupported() {
    JavaFileObject source = Models.neuron("""
          double helper() { return 1.0; }
          @Ode("V") double dV(double V) { return helper() - V / tau; }
        """);
    assertSingleError(source, "[BS304 UNSUPPORTED_FUNCTION] 'helper'", "return helper()");
  }

  @Test
  void wrongArity() {
    JavaFileObject source = Models.neuronOde("Math.pow(V) / tau");
    assertSingleError(
        source, "[BS305 WRONG_ARITY] Math.pow takes 2 arguments but 'Math.pow(V)' passes 1",
        "Math.pow(V)");
  }

  @Test
  void integerDivision() {
    JavaFileObject source = Models.neuronOde("(1 / 2) * (V_rest - V) / tau");
    assertSingleError(
        source, "[BS306 INTEGER_DIVISION] '1 / 2' divides two integers", "(1 / 2) * (V_rest");
  }

  @Test
  void integerDivisionInInitializer() {
    JavaFileObject source = Models.neuron("  @Param double half = 1/2;\n");
    assertSingleError(source, "[BS306 INTEGER_DIVISION] '1/2'", "double half = 1/2");
  }

  @Test
  void floatArithmetic() {
    JavaFileObject source = Models.neuronOde("(V_rest - V) / tau * (0.1f * 3)");
    assertSingleError(
        source, "[BS307 NARROW_ARITHMETIC] '0.1f * 3' is computed by Java in float precision",
        "(0.1f * 3)");
  }

  @Test
  void integerOverflow() {
    JavaFileObject source = Models.neuron("  @Param double big = 65536 * 65536;\n");
    assertSingleError(
        source, "[BS307 NARROW_ARITHMETIC] '65536 * 65536' overflows Java's int arithmetic",
        "double big");
  }

  @Test
  void numberWhereConditionIsRequired() {
    JavaFileObject source = Models.neuron("  @Threshold boolean fire() { return V - V_th; }\n");
    assertSingleError(
        source, "[BS308 TYPE_MISMATCH] 'V - V_th' is a number where a condition", "return V - V_th");
  }

  @Test
  void conditionWhereNumberIsRequired() {
    JavaFileObject source = Models.neuronOde("(V > V_th) / tau");
    assertSingleError(source, "[BS308 TYPE_MISMATCH] '(V > V_th)' is a condition", "(V > V_th)");
  }

  @Test
  void odeOfUnknownState() {
    JavaFileObject source = Models.neuron("  @Ode(\"Vv\") double dV() { return -V / tau; }\n");
    assertSingleError(
        source, "[BS309 NOT_A_STATE] @Ode(\"Vv\") names no state of Bad (did you mean 'V'?)",
        "@Ode(\"Vv\")");
  }

  @Test
  void resetAssigningAParameter() {
    JavaFileObject source = Models.neuron("""
          @Threshold boolean fire() { return V > V_th; }
          @Reset void reset() {
            V = V_rest;
            V_th += 1;
          }
        """);
    assertSingleError(
        source, "[BS309 NOT_A_STATE] 'V_th' is a parameter, not a state; only states can be assigned",
        "V_th += 1");
  }

  // 4xx: the whole model

  @Test
  void duplicateOde() {
    JavaFileObject source = Models.neuron("""
          @Ode("V") double dV(double V) { return -V / tau; }
          @Ode("V") double dV2(double V) { return V / tau; }
        """);
    assertSingleError(source, "[BS401 DUPLICATE_ODE] 'V' already has an @Ode", "double dV2");
  }

  @Test
  void duplicateThreshold() {
    JavaFileObject source = Models.neuron("""
          @Threshold boolean fire() { return V > V_th; }
          @Threshold boolean fire2() { return V > 2 * V_th; }
        """);
    assertSingleError(
        source, "[BS402 DUPLICATE_METHOD] only one @Threshold is allowed per model, and 'fire'",
        "boolean fire2()");
  }

  @Test
  void resetWithoutThreshold() {
    JavaFileObject source = Models.neuron("  @Reset void reset() { V = V_rest; }\n");
    assertSingleError(source, "[BS403 RESET_WITHOUT_THRESHOLD]", "void reset()");
  }

  @Test
  void synapseWithoutOnPre() {
    JavaFileObject source =
        Models.synapse("  @Output double out() { return g * (E - V); }\n");
    assertSingleError(source, "[BS404 MISSING_ON_PRE] Bad has no @OnPre", "public class Bad");
  }

  @Test
  void synapseWithoutOutput() {
    JavaFileObject source = Models.synapse("  @OnPre void on() { g += g_max; }\n");
    assertSingleError(source, "[BS405 MISSING_OUTPUT] Bad has no @Output", "public class Bad");
  }

  @Test
  void crossingThresholdThatReadsNoIntegratedState() {
    JavaFileObject source = Models.neuron("""
          @Ode("V") double dV(double V) { return -V / tau; }
          @Threshold(crossing = true) boolean fire() { return input > V_th; }
        """);
    assertSingleError(source, "[BS420 CROSSING_WITHOUT_DYNAMICS] the crossing threshold 'fire'"
        + " reads no state that has an @Ode", "@Threshold(crossing = true)");
  }

  @Test
  void crossingThresholdOnAnIntegratedStateCompiles() {
    JavaFileObject source = Models.neuron("""
          @Ode("V") double dV(double V, double input) { return (-V + input) / tau; }
          @Threshold(crossing = true) boolean fire() { return V >= V_th; }
        """);
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeeded();
    assertThat(((NeuronIR) result.models().get(0)).threshold().get().crossing()).isTrue();
  }

  // One mistake, one error: members that fail still count for the whole-model rules.

  @Test
  void failedOutputBodyIsNotAlsoMissing() {
    JavaFileObject source = Models.synapse("""
          @OnPre void on() { g += g_max; }
          @Output double out() { return g * (E - Vpost); }
        """);
    assertSingleError(source, "[BS104 UNKNOWN_NAME] 'Vpost'", "(E - Vpost)");
  }

  @Test
  void failedLocalIsNotReportedAgainAtItsUses() {
    JavaFileObject source = Models.neuron("""
          @Ode("V") double dV(double V) {
            final double a = Math.atan(V);
            final double b = a * 2;
            return b - V / tau;
          }
        """);
    assertSingleError(source, "[BS304 UNSUPPORTED_FUNCTION]", "Math.atan(V)");
  }

  @Test
  void failedThresholdStillEnablesTheReset() {
    JavaFileObject source = Models.neuron("""
          @Threshold boolean fire() { return V >= V_thr; }
          @Reset void reset() { V = V_rest; }
        """);
    assertSingleError(source, "(did you mean 'V_th'?)", "V >= V_thr");
  }

  @Test
  void wrongKindMembersAreNotAlsoDuplicates() {
    JavaFileObject source = Models.synapse("""
          @OnPre void on() { g += g_max; }
          @Output double out() { return g * (E - V); }
          @Reset void reset1() { g = 0; }
          @Reset void reset2() { g = 0; }
        """);
    Compilation compilation = Models.compile(source).compilation();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[BS107 WRONG_MODEL_KIND]").inFile(source)
        .onLineContaining("reset1");
    assertThat(compilation).hadErrorContaining("[BS107 WRONG_MODEL_KIND]").inFile(source)
        .onLineContaining("reset2");
  }

  @Test
  void incrementInsideExpression() {
    JavaFileObject source = Models.neuronOde("V++ / tau");
    assertSingleError(source, "[BS303 UNSUPPORTED_EXPRESSION] 'V++' (postfix increment)", "V++");
  }

  @Test
  void assignmentInsideExpression() {
    JavaFileObject source = Models.neuronOde("(V = 2) / tau");
    assertSingleError(source, "[BS303 UNSUPPORTED_EXPRESSION] 'V = 2' (assignment)", "(V = 2)");
  }

  // Models that would be accepted silently but wrong

  @Test
  void modelMembersFromAnInterfaceDefaultMethodAreRejectedOnTheClause() {
    JavaFileObject source = Models.source("p.Bad", """
        package p;
        import io.brainstem.annotations.*;
        interface Decay {
          @Ode("V") default double dV(double V) { return -V; }
        }
        @Neuron
        public class Bad implements Decay {
          @State double V;
        }
        """);
    assertSingleError(source, "[BS108 INHERITED_MEMBER] Bad inherits @Ode Decay.dV;",
        "public class Bad implements Decay");
  }

  @Test
  void aSuperclassWithoutModelMembersIsFine() {
    JavaFileObject source = Models.source("p.Fine", """
        package p;
        import io.brainstem.annotations.*;
        class Base {
          double scratch;
          double helper() { return 1; }
        }
        @Neuron
        public class Fine extends Base {
          @State double V;
          Fine() {
            super();
          }
          @Ode("V") double dV(double V) { return -V; }
        }
        """);
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeeded();
    assertThat(result.models()).hasSize(1);
  }

  @Test
  void aConstructorWithArgumentsThatAssignsIsRejected() {
    JavaFileObject source = Models.neuron("""
          Bad() {}
          Bad(double tau) {
            this.tau = tau;
          }
        """);
    assertSingleError(source, "[BS109 CONSTRUCTOR_CODE] 'this.tau = tau;' is in a constructor of Bad",
        "this.tau = tau;");
  }

  @Test
  void aModelInALambdaIsReported() {
    JavaFileObject source = Models.source("p.Host", """
        package p;
        public class Host {
          Runnable r = () -> {
            @io.brainstem.annotations.Synapse
            class Syn {}
          };
        }
        """);
    assertSingleError(source, "[BS101 NOT_TOP_LEVEL] Syn is declared inside", "@io.brainstem");
  }

  @Test
  void throwsOfAnUncheckedExceptionIsRejectedToo() {
    JavaFileObject source = Models.neuron(
        "  @Ode(\"V\") double dV(double V) throws IllegalStateException { return -V / tau; }\n");
    assertSingleError(source,
        "[BS301 BAD_SIGNATURE] 'dV' declares 'throws IllegalStateException'", "throws");
  }
}
