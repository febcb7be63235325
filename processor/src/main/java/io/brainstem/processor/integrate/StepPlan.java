package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.ModelIR;
import java.util.List;
import java.util.Map;

/**
 * One integration step of a model's ODE system, as statements the emitter renders.
 *
 * <p>{@code hoisted} locals are the same for every element and go before the element loop (in order;
 * later ones may read earlier ones). {@code perElement} runs inside the loop on the element's
 * state, parameter and input values, which expressions read through their {@link Expr.Ref}s; locals
 * introduced here are {@link Expr.RefKind#LOCAL} references. Every {@link Store} comes after every
 * read of the state it writes, so the order of the ODEs does not change the result.
 *
 * @param integrator the method this plan implements
 * @param uniformity whether parameters counted as uniform when hoisting
 */
public record StepPlan(
    Integrator integrator, Uniformity uniformity, List<Let> hoisted, List<Step> perElement) {

  public StepPlan {
    hoisted = List.copyOf(hoisted);
    perElement = List.copyOf(perElement);
  }

  /** A statement of the element loop. */
  public sealed interface Step permits Let, Store, Stages, SaveSlope {}

  /** {@code final double name = value;} */
  public record Let(String name, Value value) implements Step {}

  /** Writes the new value of {@code state} (the element's state local). */
  public record Store(String state, Expr value) implements Step {}

  /**
   * The stages of an explicit Runge–Kutta step: {@code body} runs once per stage {@code stage} of
   * the method {@code method} (a hoisted {@link Tableau}), forming the stage's states and time and
   * saving each variable's slope.
   */
  public record Stages(String method, String stage, List<Step> body) implements Step {
    public Stages {
      body = List.copyOf(body);
    }
  }

  /** {@code slopes[stage] = value}: a variable's slope at the enclosing {@link Stages}' stage. */
  public record SaveSlope(String slopes, Expr value) implements Step {}

  /** The right-hand side of a {@link Let}. */
  public sealed interface Value permits Arith, Rate, ExpEulerFactor, Diffusion, StandardNormal,
      Tableau, Slopes, StageState, StageTime, Combined {}

  /** The runtime's {@code RungeKutta} of the model's current method (hoisted). */
  public record Tableau() implements Value {}

  /** A buffer for one variable's stage slopes, from the {@link Tableau} {@code method} (hoisted). */
  public record Slopes(String method) implements Value {}

  /** The stage state {@code x + dt·Σ a_sj·k_j} of {@code state} at the enclosing stage. */
  public record StageState(String method, String state, String slopes) implements Value {}

  /** The enclosing stage's time {@code t + c_s·dt}. */
  public record StageTime(String method, Expr.Ref time) implements Value {}

  /** The step's result {@code x + dt·Σ b_s·k_s} of {@code state}. */
  public record Combined(String method, String state, String slopes) implements Value {}

  /** Plain arithmetic. */
  public record Arith(Expr expr) implements Value {}

  /**
   * The right-hand side of {@code ode} with each bound variable (a state or {@code t}) replaced by
   * its binding, always a local reference, so it can be rendered either inlined or as a call of the
   * user's method with the bound values as arguments.
   *
   * @param inlined the right-hand side with the bindings substituted, which kernels render; in a
   *     kernel plan it may read the locals {@link CommonSubexpressions} shared, while the debug loop
   *     calls the user's method and never looks at it
   */
  public record Rate(ModelIR.Ode ode, Map<String, Expr.Ref> bindings, Expr inlined)
      implements Value {
    public Rate {
      bindings = Map.copyOf(bindings);
    }

    /** The right-hand side of {@code ode} at {@code bindings}, as written. */
    public Rate(ModelIR.Ode ode, Map<String, Expr.Ref> bindings) {
      this(ode, bindings, Exprs.substitute(ode.rhs(), bindings));
    }
  }

  /** Exponential Euler's step factor {@code dt · exprel(dt · linearPart)}. */
  public record ExpEulerFactor(Expr linearPart) implements Value {}

  /**
   * The diffusion coefficient of {@code noise} at the bound values, like {@link Rate}: inlined in
   * kernels, a call of the user's {@code @Noise} method in the debug loop.
   *
   * @param inlined the diffusion coefficient with the bindings substituted, as for {@link Rate}
   */
  public record Diffusion(ModelIR.Noise noise, Map<String, Expr.Ref> bindings, Expr inlined)
      implements Value {
    public Diffusion {
      bindings = Map.copyOf(bindings);
    }

    /** The diffusion coefficient of {@code noise} at {@code bindings}, as written. */
    public Diffusion(ModelIR.Noise noise, Map<String, Expr.Ref> bindings) {
      this(noise, bindings, Exprs.substitute(noise.diffusion(), bindings));
    }
  }

  /**
   * A standard normal draw of this element's Wiener process number {@code stream} for this step:
   * a pure function of (seed, element, step, stream), so it does not depend on the order in which
   * elements are updated.
   */
  public record StandardNormal(int stream) implements Value {}
}
