package corpus;

import io.brainstem.annotations.*;

@Synapse
public class OutputReadsTrace {
  @Param double tau = 5, E = 0;
  @State @PerSynapse double w = 1;
  @State double g, apost;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode(value = "apost", eventDriven = true)
  double dapost(double apost) {
    return -apost / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
  }

  @OnPost
  void onPostSpike() {
    apost += 1;
  }

  @Output("input") // error: BS439 at `@Output` says `integrated event-driven`
  double current() {
    return (g + apost) * (E - V);
  }
}
