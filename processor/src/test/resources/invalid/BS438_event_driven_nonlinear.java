package corpus;

import io.brainstem.annotations.*;

@Synapse
public class NonlinearTrace {
  @Param double tau = 5, E = 0;
  @State @PerSynapse double w = 1;
  @State @PerPre double apre;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode(value = "apre", eventDriven = true) // error: BS438 at `@Ode` says `not linear in 'apre'`
  double dapre(double apre) {
    return -apre * apre;
  }

  @OnPre
  void onSpike() {
    g += w;
    apre += 1;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
