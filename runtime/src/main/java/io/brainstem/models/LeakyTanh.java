package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;

/**
 * Leaky tanh rate unit, the reservoir unit of an echo-state network (BrainPy's {@code Reservoir}
 * layer). Its state is the rate {@code r} itself, which a {@link RateProjection} reads:
 *
 * <pre>
 *   tau · dr/dt = −r + tanh(input + bias)
 * </pre>
 *
 * With the default {@link Integrator#EULER} and {@code dt / tau = a} one step is BrainPy's leaky
 * reservoir update {@code r ← (1 − a)·r + a·tanh(W_in·u + W·r + b)}: the recurrent input is the
 * {@link RateProjection}'s sum over the rates at the start of the step, as in BrainPy. (Sussillo and
 * Abbott's FORCE network, {@code tau·dx/dt = −x + J·tanh(x)}, keeps the tanh inside the coupling
 * instead: {@link TanhProjection}.) There is no threshold, so the group never spikes.
 *
 * <p>Dimensionless rates; time in ms. Defaults: tau 1 ms, bias 0; r starts at 0. Use the generated
 * {@link LeakyTanhGroup}.
 */
@Neuron(method = Integrator.EULER, backward = true)
public class LeakyTanh {
  @Param(unit = "ms") double tau = 1;
  @Param(unit = "1") double bias = 0;
  @State(unit = "1") double r;
  @Input(unit = "1") double input;

  @Ode("r")
  double dr(double r, double input) {
    return (-r + Math.tanh(input + bias)) / tau;
  }
}
