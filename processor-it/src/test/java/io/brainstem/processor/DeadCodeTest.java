package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The dead-code checks themselves can fail. */
class DeadCodeTest {
  @Test
  void findsALocalNeverReadAgain() {
    String source = """
        class X {
          private void step(double t, double dt) {
            final double tau = params.scalar(TAU_INDEX);
            final double halfDt = dt / 2.0;
            double V = this.V[i];
            // halfDt appears only in this comment
            V = V + dt;
            this.V[i] = V;
          }
        }
        """;
    assertThat(DeadCode.unusedLocals(source)).containsExactly(
        "private void step(double t, double dt) {: tau",
        "private void step(double t, double dt) {: halfDt");
  }

  @Test
  void acceptsLocalsThatAreRead() {
    String source = """
        class X {
          private void step(double t, double dt) {
            final double tau = params.scalar(TAU_INDEX);
            double V = this.V[i];
            V = V - dt / tau;
            this.V[i] = V;
          }
        }
        """;
    assertThat(DeadCode.unusedLocals(source)).isEmpty();
  }

  @Test
  void findsEmptyBlocks() {
    String source = """
        class X {
          private void step() {
            if (spiked) {
            }
            spike[i] = spiked;
          }
        }
        """;
    assertThat(DeadCode.emptyBlocks(source)).containsExactly("line 3: if (spiked) {");
  }
}
