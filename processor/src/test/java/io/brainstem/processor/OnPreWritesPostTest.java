package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.SynapseIR;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** An @OnPre may assign @Post fields (a delta synapse); nothing else may. */
class OnPreWritesPostTest {

  @Test
  void deltaSynapseNeedsNoStateAndNoOutput() {
    JavaFileObject source = Models.source("p.Jump", """
        package p;
        import io.brainstem.annotations.*;
        @Synapse
        public class Jump {
          @Param double w = 1;
          @Post double V;
          @OnPre void on() { V += w; }
        }
        """);
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeededWithoutWarnings();
    SynapseIR model = (SynapseIR) result.models().get(0);
    assertThat(model.states()).isEmpty();
    assertThat(model.output()).isEmpty();
    Assign jump = model.onPre().orElseThrow().assignments().get(0);
    assertThat(jump.state()).isEqualTo("V");
    assertThat(jump.op()).isEqualTo(Assign.AssignOp.ADD);
  }

  @Test
  void aParameterIsStillNotAssignableAndTheMessageNamesBothKinds() {
    JavaFileObject source = Models.synapse(
        "  @OnPre void on() { g_max += 1; }\n  @Output double out() { return g; }\n");
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).hadErrorContaining(
        "[BS309 NOT_A_STATE] 'g_max' is a parameter, not a state; only states and @Post fields can be"
            + " assigned").inFile(source).onLineContaining("g_max += 1");
    assertThat(result.compilation()).hadErrorCount(1);
  }

  @Test
  void aSynapseWhoseOnPreWritesOnlyStatesStillNeedsAnOutput() {
    JavaFileObject source = Models.synapse("  @OnPre void on() { g += g_max; }\n");
    assertThat(Models.compile(source).compilation()).hadErrorContaining(
        "or write the postsynaptic variable in the @OnPre ('V += g_max;')");
  }
}
