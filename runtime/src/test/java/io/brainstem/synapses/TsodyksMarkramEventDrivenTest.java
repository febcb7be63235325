package io.brainstem.synapses;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Per-synapse event-driven integration against Brian2 2.5.1 (resources/brian2/
 * tsodyks_markram_event.py and .out): the Tsodyks–Markram synapses of
 * {@link TsodyksMarkramBrian2Test} with {@code u} and {@code x} {@code (event-driven)}, advanced in
 * closed form at their synapse's spikes only. The conductance and each synapse's stored u and x
 * (the values of its last event, in both) equal Brian2's to rounding.
 */
class TsodyksMarkramEventDrivenTest {
  @Test
  void eventDrivenUAndXMatchBrian2() throws IOException {
    TsodyksMarkramFixture.matchesBrian2(
        "/brian2/tsodyks_markram_event.out", "TsodyksMarkram event-driven",
        (net, g, p, brian2) -> net.add(
            new TsodyksMarkramEventDrivenProjection("S", g, p, new All2All()).tau(5).E(0)
                .method(Integrator.RK4))
        // Brian2 integrates ge with the membrane's rk4
        // one synapse per generator: CSR order is the generator's index, as Brian2's i
        .U(brian2.get("U")).tau_f(brian2.get("tau_f")).tau_d(brian2.get("tau_d"))
        .w(brian2.get("w")).u(brian2.get("U")));
  }
}
