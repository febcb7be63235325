package io.brainstem.synapses;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * {@code TsodyksMarkramCoba} with {@code u} and {@code x} event-driven (Brian2's
 * {@code (event-driven)}): each synapse advances them in closed form,
 * {@code u = (u0 − U)·exp(−Δ/tau_f) + U}, only at its own spikes, from its last update
 * ({@link TsodyksMarkramEventDrivenTest}).
 */
@Synapse
public class TsodyksMarkramEventDriven {
  @Param(unit = "uS") @PerSynapse double w = 1;
  @Param @PerSynapse double U = 0.5;
  @Param(unit = "ms") @PerSynapse double tau_f = 500;
  @Param(unit = "ms") @PerSynapse double tau_d = 200;
  @Param(unit = "ms") double tau = 5;
  @Param(unit = "mV") double E = 0;
  @State @PerSynapse double u = 0.5;
  @State @PerSynapse double x = 1;
  @State(unit = "uS") double g;
  @Post(unit = "mV") double V;

  @Ode(value = "u", eventDriven = true)
  double du(double u) {
    return (U - u) / tau_f;
  }

  @Ode(value = "x", eventDriven = true)
  double dx(double x) {
    return (1 - x) / tau_d;
  }

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    u += U * (1 - u);
    g += w * u * x;
    x -= u * x;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
