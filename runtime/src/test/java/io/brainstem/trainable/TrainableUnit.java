package io.brainstem.trainable;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Trainable;

/** A leaky unit whose time constant and bias are trainable and whose gain is not. */
@Neuron
public class TrainableUnit {
  @Param double gain = 1;
  @Param @Trainable double tau = 10;
  @Param @Trainable double bias = 0;
  @State double x;
  @Input double input;

  @Ode("x")
  double dx(double x, double input) {
    return (-x + gain * Math.tanh(input + bias)) / tau;
  }
}
