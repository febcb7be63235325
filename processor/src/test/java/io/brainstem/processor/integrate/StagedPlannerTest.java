package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.ModelIR.Output;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which models can run staged, and the layout a neuron's staged loop reads. */
class StagedPlannerTest {

  @Test
  void anAffineOutputStagesAndNamesItsPostField() {
    SynapseIR coba = TestModels.expCoba();
    assertThat(StagedPlanner.refusal(coba)).isEmpty();
    assertThat(StagedPlanner.readPost(coba).orElseThrow().postName()).isEqualTo("V");
    StagedPlanner.SynapseStages stages = StagedPlanner.synapse(coba,
        Uniformity.GROUP_WIDE_PARAMS, new LocalNames(java.util.Set.of()), "rk", false);
    assertThat(stages.offsets()).hasSize(4);
    assertThat(stages.slopes()).hasSize(4);
  }

  @Test
  void aMagnesiumBlockIsNotAffineInV() {
    Ref v = new Ref("V", RefKind.POST);
    Expr block = div(mul(state("g"), sub(param("E"), v)),
        Exprs.add(Exprs.num(1), new Expr.Call(Fn.EXP, List.of(new Expr.Neg(v)))));
    SynapseIR nmda = withOutput(TestModels.expCoba(), block, "g * (E - V) / (1 + Math.exp(-V))");
    assertThat(StagedPlanner.refusal(nmda)).hasValue("its @Output g * (E - V) / (1 + "
        + "Math.exp(-V)) is not affine in V (its derivative depends on it)");
  }

  @Test
  void aNeuronStagesEachInputWithTheStatesWhoseOdeReadsIt() {
    assertThat(StagedPlanner.neuronLayout(TestModels.lif()))
        .isEqualTo(Map.of("input", List.of("V")));
  }

  private static SynapseIR withOutput(SynapseIR m, Expr value, String source) {
    return new SynapseIR(m.packageName(), m.className(), m.method(), m.params(), m.states(),
        m.posts(), m.odes(), m.onPre(), Optional.of(new Output("current", "input", value, source)),
        m.noises(), m.methods());
  }
}
