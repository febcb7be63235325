package corpus;

import io.brainstem.annotations.*;

@Synapse
public class ReadBeforeWrite {
  @Param double tau = 5, E = 0;
  @Param @PerPre double dApre = 0.1;
  @State @PerSynapse double w = 1;
  @State @PerPre double apre;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre // error: BS435 at `@OnPre` says `reads 'apre' before the body writes it`
  void onSpike() {
    g += w * apre;
    apre += dApre;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
