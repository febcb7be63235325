package io.brainstem.coupling;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.AdExGroup;
import io.brainstem.models.DeltaCobaProjection;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.NmdaCobaProjection;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import org.junit.jupiter.api.Test;

/** What STAGED coupling refuses, and how it says so. */
class CouplingErrorsTest {

  @Test
  void anOutputNotAffineInThePostVariableIsRefusedNamingTheProjection() {
    LifGroup a = new LifGroup("A", 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NmdaCobaProjection(a, a, new All2All()).coupling(Coupling.STAGED));
    assertThat(e).hasMessageThat().contains("projection A2A (NmdaCoba) cannot use "
        + "Coupling.STAGED: its @Output");
    assertThat(e).hasMessageThat().contains("is not affine in V");
    assertThat(e).hasMessageThat().endsWith("use Coupling.HELD");
  }

  @Test
  void aDeliveryOnlySynapseHasNothingToStage() {
    LifGroup a = new LifGroup("A", 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DeltaCobaProjection(a, a, new All2All()).coupling(Coupling.STAGED));
    assertThat(e).hasMessageThat().contains("DeltaCoba has no @Output");
  }

  @Test
  void anExponentialEulerPostGroupRunsItsExponentialStagedLoops() {
    Network net = new Network();
    LifGroup a = net.add(new LifGroup("A", 2)); // EXP_AUTO, the default
    net.add(new ExpCobaProjection("Syn", a, a, new All2All()).coupling(Coupling.STAGED));
    assertThat(a.stagedExponential()).isTrue();
    IllegalStateException e = assertThrows(IllegalStateException.class, a::stageTableau);
    assertThat(e).hasMessageThat().isEqualTo("group A integrates with EXP_AUTO, which has no "
        + "Runge-Kutta stages: its staged loops are the exponential ones");
    try (DSRunner runner = DSRunner.builder(net).build()) {
      runner.run(1.);
    }
    a.method(Integrator.RK4);
    assertThat(a.stagedExponential()).isFalse();
    try (DSRunner runner = DSRunner.builder(net).build()) {
      runner.run(1.);
    }
  }

  @Test
  void backToHeldDetachesAndTheGroupRunsItsUsualLoopsAgain() {
    LifGroup a = new LifGroup("A", 2).method(Integrator.RK4);
    ExpCobaProjection syn = new ExpCobaProjection(a, a, new All2All());
    assertThat(syn.coupling()).isEqualTo(Coupling.HELD);
    assertThat(a.staged()).isFalse();
    syn.coupling(Coupling.STAGED);
    assertThat(a.staged()).isTrue();
    syn.coupling(Coupling.HELD);
    assertThat(a.staged()).isFalse();
  }

  @Test
  void aNetworkSetsEveryProjectionAndNamesOneThatCannotStage() {
    Network net = new Network();
    LifGroup a = net.add(new LifGroup("A", 2).method(Integrator.RK4));
    ExpCobaProjection exp = net.add(new ExpCobaProjection("Exp", a, a, new All2All()));
    net.coupling(Coupling.STAGED);
    assertThat(exp.coupling()).isEqualTo(Coupling.STAGED);
    net.add(new NmdaCobaProjection("Nmda", a, a, new All2All()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.coupling(Coupling.STAGED));
    assertThat(e).hasMessageThat().startsWith("projection Nmda (NmdaCoba) cannot use");
    net.coupling(Coupling.HELD);
    assertThat(exp.coupling()).isEqualTo(Coupling.HELD);
    assertThat(a.staged()).isFalse();
  }

  @Test
  void currentSynapsesAndMultiStateNeuronsStageToo() {
    Network net = new Network();
    AdExGroup a = net.add(new AdExGroup("A", 3).method(Integrator.RK4));
    net.add(new ExpCubaProjection("Cuba", a, a, new All2All()).coupling(Coupling.STAGED));
    net.add(new ExpCobaProjection("Coba", a, a, new All2All()).coupling(Coupling.STAGED));
    DSRunner runner = DSRunner.builder(net).input("A.input", 500.).build();
    runner.run(20.);
    assertThat(a.totalSpikes()).isGreaterThan(0L);
  }
}
