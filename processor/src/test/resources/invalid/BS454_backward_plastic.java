package corpus;

import io.brainstem.annotations.*;

@Synapse(backward = true)
public class Learning {
  @Param double dApost = -0.01, tau = 5, tau_post = 20;
  @State @PerSynapse double w = 0.5;
  @State double Apost, g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode(value = "Apost", eventDriven = true)
  double postTrace(double Apost) {
    return -Apost / tau_post;
  }

  @OnPre
  void onPre() {
    g += w;
    w = w + Apost;
  }

  @OnPost
  void onPost() { // error: BS454 at `onPost` says `does not differentiate weight updates`
    Apost += dApost;
  }

  @Output("input")
  double current() {
    return g;
  }
}
