package io.brainstem.processor.ir;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.Noise;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.State;
import io.brainstem.processor.ir.ModelIR.Threshold;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A checked {@code @Neuron} model.
 *
 * @param packageName the model's package
 * @param className the model's simple name
 * @param method the default integrator from the annotation
 * @param params parameters in declaration order
 * @param states states in declaration order
 * @param inputs input accumulators
 * @param odes one per integrated state, in declaration order of the methods
 * @param threshold the spike condition, if the model spikes
 * @param reset the reset assignments, if any
 * @param refractoryParam the name of the {@code @Refractory} parameter, if any
 * @param noises the diffusion coefficients of the states with a {@code @Noise}
 * @param methods the integrators to generate loops for (every one when empty is given)
 */
public record NeuronIR(
    String packageName,
    String className,
    Integrator method,
    List<Param> params,
    List<State> states,
    List<String> inputs,
    List<Ode> odes,
    Optional<Threshold> threshold,
    Optional<Action> reset,
    Optional<String> refractoryParam,
    List<Noise> noises,
    Set<Integrator> methods) implements ModelIR {

  public NeuronIR {
    params = List.copyOf(params);
    states = List.copyOf(states);
    inputs = List.copyOf(inputs);
    odes = List.copyOf(odes);
    noises = List.copyOf(noises);
    methods = ModelIR.methodSet(methods);
  }

  /** A deterministic neuron with loops for every integrator. */
  public NeuronIR(
      String packageName,
      String className,
      Integrator method,
      List<Param> params,
      List<State> states,
      List<String> inputs,
      List<Ode> odes,
      Optional<Threshold> threshold,
      Optional<Action> reset,
      Optional<String> refractoryParam) {
    this(packageName, className, method, params, states, inputs, odes, threshold, reset,
        refractoryParam, List.of(), Set.of());
  }

  @Override
  public Kind kind() {
    return Kind.NEURON;
  }
}
