package io.brainstem.processor.ir;

import io.brainstem.annotations.Integrator;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the later stages need to know about one checked model class: a {@link NeuronIR} or a
 * {@link SynapseIR}. Built by parse, validated by check; integrate and emit never look at javac
 * trees. The parts both kinds share are declared here, with the records they are made of.
 */
public sealed interface ModelIR permits NeuronIR, SynapseIR {
  /** The model's package. */
  String packageName();

  /** The model's simple name (nested classes are not supported). */
  String className();

  /** The default integrator from the annotation. */
  Integrator method();

  /** Parameters in declaration order. */
  List<Param> params();

  /** States in declaration order. */
  List<State> states();

  /** One per integrated state, in declaration order of the methods. */
  List<Ode> odes();

  /** The diffusion coefficients of the states with a {@code @Noise}, in declaration order. */
  List<Noise> noises();

  /**
   * The integrators to generate loops for (the annotation's {@code methods}; every one when it
   * lists none).
   */
  Set<Integrator> methods();

  /** Which annotation made this model. */
  Kind kind();

  /** The annotation as written in messages, {@code @Neuron} or {@code @Synapse}. */
  default String annotation() {
    return kind() == Kind.NEURON ? "@Neuron" : "@Synapse";
  }

  /** {@code methods} as stored: every integrator when the annotation lists none. */
  static Set<Integrator> methodSet(Set<Integrator> listed) {
    return Collections.unmodifiableSet(listed.isEmpty()
        ? EnumSet.allOf(Integrator.class) : EnumSet.copyOf(listed));
  }

  public enum Kind {
    NEURON,
    SYNAPSE
  }

  /** Where a synapse variable lives when it is not per postsynaptic neuron. */
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
  public record SynapseVar(String name, Home home, boolean state, double initialValue,
      boolean trainable) {
    /** A variable that is not {@code @Trainable}. */
    public SynapseVar(String name, Home home, boolean state, double initialValue) {
      this(name, home, state, initialValue, false);
    }
  }

  /** A parameter, its default value, and whether it is {@code @Trainable}. */
  public record Param(String name, double defaultValue, boolean trainable) {
    /** A parameter that is not {@code @Trainable}. */
    public Param(String name, double defaultValue) {
      this(name, defaultValue, false);
    }
  }

  /** A state and its initial value. */
  public record State(String name, double initialValue) {}

  /** A synapse field reading the postsynaptic variable {@code postName}. */
  public record Post(String fieldName, String postName) {}

  /** A graded synapse's field reading the presynaptic variable {@code preName} ({@code @Pre}). */
  public record Pre(String fieldName, String preName) {}

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
   * spike needs the condition false on the state at the start of the step as well. {@code locals}
   * are the body's locals in declaration order, which {@code condition} and later locals read as
   * {@link Expr.RefKind#BODY} references (as an {@link Ode}'s); kernels compute each once.
   */
  public record Threshold(String methodName, Expr condition, String sourceText, boolean crossing,
      Map<String, Expr> locals) {
    public Threshold {
      locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
    }

    /** A condition whose body has no locals. */
    public Threshold(String methodName, Expr condition, String sourceText, boolean crossing) {
      this(methodName, condition, sourceText, crossing, Map.of());
    }

    /** A level condition without locals: a spike in every step that ends with it true. */
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

  /**
   * The value a synapse adds to the postsynaptic input {@code target}; {@code locals} as for a
   * {@link Threshold}.
   */
  public record Output(String methodName, String target, Expr value, String sourceText,
      Map<String, Expr> locals) {
    public Output {
      locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
    }

    /** An output whose body has no locals. */
    public Output(String methodName, String target, Expr value, String sourceText) {
      this(methodName, target, value, sourceText, Map.of());
    }
  }
}
