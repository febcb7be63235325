package io.brainstem.processor.ir;

import io.brainstem.annotations.Integrator;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the later stages need to know about one checked model class. Built by parse, validated
 * by check; integrate and emit never look at javac trees.
 *
 * @param packageName the model's package
 * @param className the model's simple name (nested classes are not supported)
 * @param kind neuron or synapse
 * @param method the default integrator from the annotation
 * @param params parameters in declaration order
 * @param states states in declaration order
 * @param inputs input accumulators (neurons only)
 * @param posts postsynaptic variables read (synapses only)
 * @param odes one per integrated state, in declaration order of the methods
 * @param threshold the spike condition (neurons only)
 * @param reset the reset assignments (neurons only; empty when there is no reset)
 * @param refractoryParam the name of the {@code @Refractory} parameter, if any
 * @param onPre the per-event assignments (synapses only)
 * @param output the synaptic output (synapses only)
 * @param noises the diffusion coefficients of the states with a {@code @Noise}, in declaration order
 * @param methods the integrators to generate loops for (the annotation's {@code methods}; every
 *     one when it lists none)
 * @param synapseVars the {@code @PerSynapse} and {@code @PerPre} parameters and states of a synapse
 *     (parameters first, then states, each in declaration order); they are not in {@code params}
 *     or {@code states}, which hold the lumped (per-postsynaptic-neuron) ones only
 * @param synapseOdes the {@code @Ode}s of {@code @PerSynapse} states, integrated clock-driven over
 *     every synapse; they are not in {@code odes}
 */
public record ModelIR(
    String packageName,
    String className,
    Kind kind,
    Integrator method,
    List<Param> params,
    List<State> states,
    List<String> inputs,
    List<Post> posts,
    List<Ode> odes,
    Optional<Threshold> threshold,
    Optional<Action> reset,
    Optional<String> refractoryParam,
    Optional<Action> onPre,
    Optional<Output> output,
    List<Noise> noises,
    Set<Integrator> methods,
    List<SynapseVar> synapseVars,
    List<Ode> synapseOdes) {

  public ModelIR {
    synapseVars = List.copyOf(synapseVars);
    synapseOdes = List.copyOf(synapseOdes);
    methods = Collections.unmodifiableSet(methods.isEmpty()
        ? EnumSet.allOf(Integrator.class) : EnumSet.copyOf(methods));
    params = List.copyOf(params);
    states = List.copyOf(states);
    inputs = List.copyOf(inputs);
    posts = List.copyOf(posts);
    odes = List.copyOf(odes);
    noises = List.copyOf(noises);
  }

  /** A model whose synapse variables are all per postsynaptic neuron. */
  public ModelIR(
      String packageName,
      String className,
      Kind kind,
      Integrator method,
      List<Param> params,
      List<State> states,
      List<String> inputs,
      List<Post> posts,
      List<Ode> odes,
      Optional<Threshold> threshold,
      Optional<Action> reset,
      Optional<String> refractoryParam,
      Optional<Action> onPre,
      Optional<Output> output,
      List<Noise> noises,
      Set<Integrator> methods) {
    this(packageName, className, kind, method, params, states, inputs, posts, odes, threshold,
        reset, refractoryParam, onPre, output, noises, methods, List.of(), List.of());
  }

  /** The synapse variables living in {@code home}, in declaration order. */
  public List<SynapseVar> synapseVars(Home home) {
    return synapseVars.stream().filter(v -> v.home() == home).toList();
  }

  /** The {@code @PerSynapse} or {@code @PerPre} variable called {@code name}, if any. */
  public Optional<SynapseVar> synapseVar(String name) {
    return synapseVars.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** A model with loops for every integrator. */
  public ModelIR(
      String packageName,
      String className,
      Kind kind,
      Integrator method,
      List<Param> params,
      List<State> states,
      List<String> inputs,
      List<Post> posts,
      List<Ode> odes,
      Optional<Threshold> threshold,
      Optional<Action> reset,
      Optional<String> refractoryParam,
      Optional<Action> onPre,
      Optional<Output> output,
      List<Noise> noises) {
    this(packageName, className, kind, method, params, states, inputs, posts, odes, threshold,
        reset, refractoryParam, onPre, output, noises, Set.of());
  }

  /** A deterministic model (no {@code @Noise}). */
  public ModelIR(
      String packageName,
      String className,
      Kind kind,
      Integrator method,
      List<Param> params,
      List<State> states,
      List<String> inputs,
      List<Post> posts,
      List<Ode> odes,
      Optional<Threshold> threshold,
      Optional<Action> reset,
      Optional<String> refractoryParam,
      Optional<Action> onPre,
      Optional<Output> output) {
    this(packageName, className, kind, method, params, states, inputs, posts, odes, threshold,
        reset, refractoryParam, onPre, output, List.of());
  }

  public enum Kind {
    NEURON,
    SYNAPSE
  }

  /** Where a synapse variable lives, besides per postsynaptic neuron (no marker). */
  public enum Home {
    /** {@code @PerSynapse}: one value per synapse, in CSR order. */
    SYNAPSE,
    /** {@code @PerPre}: one value per presynaptic neuron. */
    PRE
  }

  /**
   * A {@code @PerSynapse} or {@code @PerPre} variable: a parameter ({@code state} false) or a state,
   * with its initial value.
   */
  public record SynapseVar(String name, Home home, boolean state, double initialValue) {}

  /** A parameter and its default value. */
  public record Param(String name, double defaultValue) {}

  /** A state and its initial value. */
  public record State(String name, double initialValue) {}

  /** A synapse field reading the postsynaptic variable {@code postName}. */
  public record Post(String fieldName, String postName) {}

  /**
   * {@code d(state)/dt = rhs}, from method {@code methodName(argNames...)}. {@code argNames} are the
   * method's parameter names in order (each a model variable or {@code t}); {@code sourceText} is the
   * body's return expression as written, for the comment above the generated update; {@code locals}
   * are the body's locals in declaration order (plus each call nested in another call's argument,
   * named like {@code tanh#1}), which {@code rhs} and later locals read as
   * {@link Expr.RefKind#BODY} references; kernels compute each once, as a local named after it.
   */
  public record Ode(
      String state, String methodName, List<String> argNames, Expr rhs, String sourceText,
      Map<String, Expr> locals) {
    public Ode {
      argNames = List.copyOf(argNames);
      locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
    }

    /** An ODE whose body has no locals. */
    public Ode(
        String state, String methodName, List<String> argNames, Expr rhs, String sourceText) {
      this(state, methodName, argNames, rhs, sourceText, Map.of());
    }
  }

  /**
   * The diffusion coefficient {@code g} of {@code d(state) = f dt + g dW}, from method
   * {@code methodName(argNames...)} (named like an {@link Ode}'s); {@code sourceText} is the body's
   * return expression as written; {@code milstein} whether Milstein's correction is added when
   * the diffusion depends on the state; {@code locals} as for an {@link Ode}.
   */
  public record Noise(
      String state, String methodName, List<String> argNames, Expr diffusion, String sourceText,
      boolean milstein, Map<String, Expr> locals) {
    public Noise {
      argNames = List.copyOf(argNames);
      locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
    }

    /** A diffusion coefficient whose body has no locals. */
    public Noise(
        String state, String methodName, List<String> argNames, Expr diffusion, String sourceText,
        boolean milstein) {
      this(state, methodName, argNames, diffusion, sourceText, milstein, Map.of());
    }
  }

  /**
   * The spike condition from the no-argument method {@code methodName}; with {@code crossing}, a
   * spike needs the condition false on the state at the start of the step as well.
   */
  public record Threshold(String methodName, Expr condition, String sourceText, boolean crossing) {
    /** A level condition: a spike in every step that ends with it true. */
    public Threshold(String methodName, Expr condition, String sourceText) {
      this(methodName, condition, sourceText, false);
    }
  }

  /** A no-argument void method made of state assignments ({@code @Reset}, {@code @OnPre}). */
  public record Action(String methodName, List<Assign> assignments, String sourceText) {
    public Action {
      assignments = List.copyOf(assignments);
    }
  }

  /** The value a synapse adds to the postsynaptic input {@code target}. */
  public record Output(String methodName, String target, Expr value, String sourceText) {}
}
