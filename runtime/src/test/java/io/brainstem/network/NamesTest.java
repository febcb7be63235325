package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.testing.Pacemaker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suggestions never repeat the name given: a valid name of the wrong kind gets its own message. */
class NamesTest {

  @Test
  void theSuggestionIsNeverTheInputItself() {
    assertThat(Names.closest("spike", List.of("spike", "spikes", "V"))).isEqualTo("spikes");
    assertThat(Names.didYouMean("spike", List.of("spike"))).isEmpty();
    assertThat(Names.didYouMean("Spike", List.of("spike"))).isEqualTo(" (did you mean 'spike'?)");
    assertThat(Names.closest(null, List.of("V"))).isNull();
  }

  /** A synapse reading a postsynaptic variable, as generated code does for {@code @Post}. */
  static final class ReadsPost extends Projection {
    ReadsPost(NeuronGroup pre, NeuronGroup post, String varName) {
      super("P", "ReadsPost", pre, post, new All2All(), Integrator.EULER);
      postVariable(varName, "@Post");
    }

    @Override
    public void update(double t, double dt, int from, int to, boolean jit) {}
  }

  @Test
  void aSpikeVariableReadAsAValueSaysItIsBoolean() {
    Pacemaker e = new Pacemaker("E", 2, 1);
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> new ReadsPost(e, e, "spike"));
    assertThat(x).hasMessageThat().contains("E.spike is a spike (boolean) variable");
    assertThat(x).hasMessageThat().doesNotContain("did you mean 'spike'");
    IllegalArgumentException typo =
        assertThrows(IllegalArgumentException.class, () -> new ReadsPost(e, e, "inptu"));
    assertThat(typo).hasMessageThat().contains("(did you mean 'input'?)");
  }
}
