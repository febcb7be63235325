package io.brainstem.processor.ir;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.Noise;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.State;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A checked {@code @Synapse} model.
 *
 * @param packageName the model's package
 * @param className the model's simple name
 * @param method the default integrator from the annotation
 * @param params parameters in declaration order
 * @param states states in declaration order
 * @param posts postsynaptic variables read
 * @param odes one per integrated state, in declaration order of the methods
 * @param onPre the per-event assignments, if any
 * @param output the synaptic output, if any
 * @param noises the diffusion coefficients of the states with a {@code @Noise}
 * @param methods the integrators to generate loops for (every one when empty is given)
 */
public record SynapseIR(
    String packageName,
    String className,
    Integrator method,
    List<Param> params,
    List<State> states,
    List<Post> posts,
    List<Ode> odes,
    Optional<Action> onPre,
    Optional<Output> output,
    List<Noise> noises,
    Set<Integrator> methods) implements ModelIR {

  public SynapseIR {
    params = List.copyOf(params);
    states = List.copyOf(states);
    posts = List.copyOf(posts);
    odes = List.copyOf(odes);
    noises = List.copyOf(noises);
    methods = ModelIR.methodSet(methods);
  }

  /** A deterministic synapse with loops for every integrator. */
  public SynapseIR(
      String packageName,
      String className,
      Integrator method,
      List<Param> params,
      List<State> states,
      List<Post> posts,
      List<Ode> odes,
      Optional<Action> onPre,
      Optional<Output> output) {
    this(packageName, className, method, params, states, posts, odes, onPre, output, List.of(),
        Set.of());
  }

  @Override
  public Kind kind() {
    return Kind.SYNAPSE;
  }
}
