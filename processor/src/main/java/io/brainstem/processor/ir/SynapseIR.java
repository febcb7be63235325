package io.brainstem.processor.ir;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.Home;
import io.brainstem.processor.ir.ModelIR.Noise;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.Pre;
import io.brainstem.processor.ir.ModelIR.State;
import io.brainstem.processor.ir.ModelIR.SynapseVar;
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
 * @param synapseVars the {@code @PerSynapse} and {@code @PerPre} parameters and states (parameters
 *     first, then states, each in declaration order); they are not in {@code params} or
 *     {@code states}, which hold the lumped (per-postsynaptic-neuron) ones only
 * @param synapseOdes the {@code @Ode}s of {@code @PerSynapse} states, integrated clock-driven over
 *     every synapse; they are not in {@code odes}
 * @param pres presynaptic variables read ({@code @Pre}), by a graded synapse only
 * @param graded the {@code @Graded} coupling, if any: then there is no {@code onPre}, {@code
 *     output}, state or ODE
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
    Set<Integrator> methods,
    List<SynapseVar> synapseVars,
    List<Ode> synapseOdes,
    List<Pre> pres,
    Optional<Output> graded) implements ModelIR {

  public SynapseIR {
    params = List.copyOf(params);
    states = List.copyOf(states);
    posts = List.copyOf(posts);
    odes = List.copyOf(odes);
    noises = List.copyOf(noises);
    methods = ModelIR.methodSet(methods);
    synapseVars = List.copyOf(synapseVars);
    synapseOdes = List.copyOf(synapseOdes);
    pres = List.copyOf(pres);
  }

  /** A spiking synapse (no {@code @Graded} coupling, no {@code @Pre} fields). */
  public SynapseIR(
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
      Set<Integrator> methods,
      List<SynapseVar> synapseVars,
      List<Ode> synapseOdes) {
    this(packageName, className, method, params, states, posts, odes, onPre, output, noises,
        methods, synapseVars, synapseOdes, List.of(), Optional.empty());
  }

  /** A synapse whose variables are all per postsynaptic neuron. */
  public SynapseIR(
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
      Set<Integrator> methods) {
    this(packageName, className, method, params, states, posts, odes, onPre, output, noises,
        methods, List.of(), List.of());
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

  /** The synapse variables living in {@code home}, in declaration order. */
  public List<SynapseVar> synapseVars(Home home) {
    return synapseVars.stream().filter(v -> v.home() == home).toList();
  }

  /** The {@code @PerSynapse} or {@code @PerPre} variable called {@code name}, if any. */
  public Optional<SynapseVar> synapseVar(String name) {
    return synapseVars.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  @Override
  public Kind kind() {
    return Kind.SYNAPSE;
  }
}
