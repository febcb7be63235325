package io.brainstem.train;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;

/**
 * A leaky unit without coupling, {@code tau·dx/dt = −x + tanh(input)}: with per-unit time
 * constants a group of them is a reservoir of fading memories (the trainers' tests).
 */
@Neuron
public class Leaky {
  @Param(unit = "ms") double tau = 1;
  @State(unit = "1") double x;
  @Input(unit = "1") double input;

  @Ode("x")
  double dx(double x, double input) {
    return (-x + Math.tanh(input)) / tau;
  }
}
