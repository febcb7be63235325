package corpus;

import io.brainstem.annotations.*;

@Synapse(backward = true)
public class Depleting {
  @Param @PerPre double U = 0.5; // error: BS453 at `U` says `kept per presynaptic neuron`
  @Param @PerSynapse double w = 1;
  @State @PerSynapse double x = 1;
  @Param double tau = 5;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w * U * x;
    x -= U * x;
  }

  @Output("input")
  double current() {
    return g;
  }
}
