package corpus;

import io.brainstem.annotations.*;

@Synapse(methods = {Integrator.RK4, Integrator.EULER}) // error: BS413 at `@Synapse` says `default integrator EXP_AUTO is not among its @Synapse(methods = ...) [EULER, RK4]`
public class RkOnly {
  @Param double tau = 5, w = 0.5;
  @State double g;

  @Ode("g") double dg(double g) { return -g / tau; }
  @OnPre void onSpike() { g += w; }
  @Output("input") double current() { return g; }
}
