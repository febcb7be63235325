package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.inputs.Input;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.testing.Counter;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

/** The opt-in NaN guard: off by default, and when on it names the first bad element and step. */
class NanGuardTest {

  /** A LIF group whose neuron {@code bad} has tau 0, so its V becomes NaN in the first step. */
  private static Network zeroTau(int size, int bad, Precision precision) {
    Network net = new Network(precision);
    double[] tau = new double[size];
    java.util.Arrays.fill(tau, 10);
    tau[bad] = 0;
    net.add(new LifGroup("E", size, precision).tau(tau));
    return net;
  }

  @Test
  void withoutTheGuardNanReachesTheStateSilently() {
    Network net = zeroTau(8, 5, Precision.DOUBLE);
    DSRunner runner = DSRunner.builder(net).build();
    runner.run(1);
    assertThat(Double.isNaN(((LifGroup) net.group("E")).V[5])).isTrue();
  }

  @Test
  void guardEveryStepNamesElementVariableAndStep() {
    Network net = zeroTau(8, 5, Precision.DOUBLE);
    DSRunner runner = DSRunner.builder(net).nanGuard(1).build();
    NonFiniteStateException x = assertThrows(NonFiniteStateException.class, () -> runner.run(1));
    assertThat(x.path()).isEqualTo("E.V");
    assertThat(x.element()).isEqualTo(5);
    assertThat(x.step()).isEqualTo(0);
    assertThat(Double.isNaN(x.value())).isTrue();
    assertThat(x).hasMessageThat().startsWith("E.V[5] is NaN after step 0 (t = 0.0 ms)");
  }

  @Test
  void guardEveryKStepsFindsItAtTheNextCheck() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 3));
    DSRunner runner = DSRunner.builder(net).nanGuard(10)
        .inputs(Input.action((n, t, step) -> {
          if (step == 23) {
            e.V[1] = Double.POSITIVE_INFINITY; // integrated into NaN in this very step
          }
        }))
        .build();
    NonFiniteStateException x = assertThrows(NonFiniteStateException.class, () -> runner.run(10));
    assertThat(x.step()).isEqualTo(29); // found at the first check after it happened
    assertThat(x).hasMessageThat().contains("last checked finite after step 19");
    assertThat(x.element()).isEqualTo(1);
  }

  @Test
  void theLastStepOfEveryRunIsChecked() {
    Network net = zeroTau(4, 2, Precision.DOUBLE);
    DSRunner runner = DSRunner.builder(net).nanGuard(1000).build();
    NonFiniteStateException x = assertThrows(NonFiniteStateException.class, () -> runner.run(0.5));
    assertThat(x.step()).isEqualTo(4);
    assertThat(x.element()).isEqualTo(2);
  }

  @Test
  void floatStateAndReportRunnerAreGuardedToo() {
    Network net = zeroTau(6, 3, Precision.FLOAT);
    ReportRunner runner = ReportRunner.builder(net).progressBar(false).nanGuard(1).build();
    NonFiniteStateException x = assertThrows(NonFiniteStateException.class, () -> runner.run(1));
    assertThat(x.path()).isEqualTo("E.V");
    assertThat(x.element()).isEqualTo(3);
  }

  @Test
  void projectionStatesAreGuarded() {
    Network net = new Network();
    Pacemaker a = net.add(new Pacemaker("A", 3, 2));
    Counter a2a = net.add(new Counter("A2A", a, a, new All2All()));
    DSRunner runner = DSRunner.builder(net).nanGuard(1)
        .inputs(Input.action((n, t, step) -> {
          if (step == 3) {
            a2a.received[2] = Double.NaN;
          }
        }))
        .build();
    NonFiniteStateException x = assertThrows(NonFiniteStateException.class, () -> runner.run(1));
    assertThat(x.path()).isEqualTo("A2A.received");
    assertThat(x.element()).isEqualTo(2);
    assertThat(x.step()).isEqualTo(3);
  }

  @Test
  void aHealthyRunIsUnchangedByTheGuard() {
    double[] guarded = runLif(true);
    double[] plain = runLif(false);
    assertThat(guarded).isEqualTo(plain);
  }

  private static double[] runLif(boolean guard) {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 50).tau_ref(2));
    DSRunner.Builder b = DSRunner.builder(net).input("E.input", 25.).monitors("E.V");
    if (guard) {
      b.nanGuard(3);
    }
    DSRunner runner = b.build();
    runner.run(20);
    runner.reset();
    runner.run(20);
    return runner.mon().values("E.V")[199];
  }

  @Test
  void intervalMustBePositive() {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(new Network()).nanGuard(0));
    assertThat(x).hasMessageThat().contains("needs k >= 1, got 0");
  }
}
