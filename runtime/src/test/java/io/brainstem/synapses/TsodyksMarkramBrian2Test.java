package io.brainstem.synapses;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.TsodyksMarkramCobaProjection;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Tsodyks–Markram synapses with their own U, tau_f, tau_d and w against Brian2 2.5.1
 * (resources/brian2/tsodyks_markram.py and .out): a depressing, a facilitating and a mixed synapse
 * onto one passive membrane; the postsynaptic conductance and each synapse's u and x equal
 * Brian2's within 1e-9 over 300 ms (rk4 for the projection, whose ge Brian2 integrates with the
 * membrane's rk4; Brian2's 'exact' u and x then differ by rounding only).
 */
class TsodyksMarkramBrian2Test {
  @Test
  void conductanceAndEachSynapsesUAndXMatchBrian2() throws IOException {
    TsodyksMarkramFixture.matchesBrian2("/brian2/tsodyks_markram.out", "TsodyksMarkramCoba",
        (net, g, p, brian2) -> net.add(
            new TsodyksMarkramCobaProjection("S", g, p, new All2All()).tau(5).E(0)
                .method(Integrator.RK4))
        // Brian2 integrates ge with the membrane's rk4
        // one synapse per generator: CSR order is the generator's index, as Brian2's i
        .U(brian2.get("U")).tau_f(brian2.get("tau_f")).tau_d(brian2.get("tau_d"))
        .w(brian2.get("w")).u(brian2.get("U")));
  }
}
