package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.processor.emit.FusedShape;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which synapse models a postsynaptic group's step may take over (FusedShape, the runtime's
 * FusedInput): the exact shapes only, since the fused step must repeat the projection's operations
 * in their order.
 */
class FusedShapeTest {

  private static Optional<FusedShape> shapeOf(String members) {
    Models.Captured captured = Models.process(Models.synapse(members));
    assertThat(captured.compilation().errors()).isEmpty();
    ModelIR model = captured.models().get(0);
    return FusedShape.of((SynapseIR) model);
  }

  private static final String ON_PRE = "  @OnPre void on() { g += g_max; }\n";

  @Test
  void aCurrentAndAConductanceHaveTheShape() {
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -g / tau; }\n" + ON_PRE
        + "  @Output(\"input\") double out() { return g; }\n"))
        .hasValue(new FusedShape("g", "tau", null, null));
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -(g / tau); }\n" + ON_PRE
        + "  @Output(\"input\") double out() { return (E - V) * g; }\n"))
        .hasValue(new FusedShape("g", "tau", "E", "V"));
  }

  @Test
  void theLibrarysExponentialSynapsesHaveIt() {
    for (String name : new String[] {"ExpCoba", "ExpCuba", "WeightedExpCoba", "WeightedExpCuba"}) {
      Models.Captured captured = Models.process(Models.library(name));
      assertThat(FusedShape.of((SynapseIR) captured.models().get(0))).isPresent();
    }
  }

  @Test
  void aDecayByTheReciprocalIsMarked() {
    // as fast math parses -g / tau; only a group compiled with fast math fuses it
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -g * (1 / tau); }\n" + ON_PRE
        + "  @Output(\"input\") double out() { return g; }\n"))
        .hasValue(new FusedShape("g", "tau", null, null, true));
    Models.Captured fast = Models.processFastMath(Models.library("ExpCoba"));
    assertThat(FusedShape.of((SynapseIR) fast.models().get(0)).map(FusedShape::reciprocal))
        .hasValue(true);
  }

  @Test
  void otherFormsAreLeftToTheProjection() {
    // the same decay by other operations would round differently
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -g * (2 / tau); }\n" + ON_PRE
        + "  @Output(\"input\") double out() { return g; }\n")).isEmpty();
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -g / (2 * tau); }\n" + ON_PRE
        + "  @Output(\"input\") double out() { return g; }\n")).isEmpty();
    // the output reads the state otherwise
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -g / tau; }\n" + ON_PRE
        + "  @Output(\"input\") double out() { return g * (V - E); }\n")).isEmpty();
    // the event writes the postsynaptic variable
    assertThat(shapeOf("  @Ode(\"g\") double dg(double g) { return -g / tau; }\n"
        + "  @OnPre void on() { g += g_max; V += 1; }\n"
        + "  @Output(\"input\") double out() { return g; }\n")).isEmpty();
  }
}
