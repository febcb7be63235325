package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.BackwardPlanner;
import io.brainstem.processor.integrate.BackwardPlanner.Forward;
import io.brainstem.processor.integrate.BackwardPlanner.Plan;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.integrate.LocalNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What the backward emitters (neuron scalar and vector, synapse) read from a plan alike. */
final class BackwardCode {
  private BackwardCode() {}

  /** {@code seed * partial}, without a factor of one. */
  static CodeBlock product(String seed, Expr partial, ExprRenderer render) {
    if (partial instanceof Expr.Num n && n.value() == 1) {
      return CodeBlock.of("$L", seed);
    } else if (partial instanceof Expr.Num n && n.value() == -1) {
      return CodeBlock.of("-($L)", seed);
    }
    boolean atom = partial instanceof Ref || partial instanceof Expr.Call
        || partial instanceof Expr.Num n && n.value() >= 0;
    return CodeBlock.of(atom ? "$L * $L" : "$L * ($L)", seed, render.render(partial));
  }

  /** The exprel factor whose partial {@code seed} is, or null. */
  static Forward exprelOf(Ref seed, Map<String, Forward> byName) {
    for (Forward f : byName.values()) {
      if (f.exprelFactor() && seed.name().equals(BackwardPlanner.exprelPartialName(f.name()))) {
        return f;
      }
    }
    return null;
  }

  /** Passes every expression of {@code plan}'s step and sweep to {@code add}. */
  static void forEachExpr(Plan plan, Consumer<Expr> add) {
    plan.forward().forEach(f -> add.accept(f.value()));
    plan.next().values().forEach(add);
    plan.sweep().forEach(a -> add.accept(a.partial()));
  }

  /** Whether {@code plan}'s forward step reads the time. */
  static boolean usesTime(Plan plan) {
    boolean[] uses = {false};
    plan.forward().forEach(f -> Exprs.forEachRef(f.value(), r -> uses[0] |= r.kind() == RefKind.TIME));
    plan.next().values().forEach(e -> Exprs.forEachRef(e, r -> uses[0] |= r.kind() == RefKind.TIME));
    return uses[0];
  }

  /**
   * The names of {@code plan}'s forward lets that read only parameters, dt, t and such lets: with
   * group-wide parameters, the same for every element, so computed once per call.
   */
  static Set<String> uniformLets(Plan plan) {
    Set<String> uniform = new HashSet<>();
    for (Forward f : plan.forward()) {
      boolean[] ok = {true};
      Exprs.forEachRef(f.value(), r -> ok[0] &= r.kind() == RefKind.PARAM
          || r.kind() == RefKind.DT || r.kind() == RefKind.TIME
          || r.kind() == RefKind.LOCAL && uniform.contains(r.name()));
      if (ok[0]) {
        uniform.add(f.name());
      }
    }
    return uniform;
  }

  /**
   * Before a group-wide loop: the lets {@code uniform} names, each exprel factor's derivative with
   * it; returns the derivatives' names by factor (the sweep multiplies by them).
   */
  static Map<String, String> hoistLets(CodeBlock.Builder code, Plan plan, Set<String> uniform,
      ExprRenderer plain, LocalNames locals) {
    Map<String, String> slopes = new HashMap<>();
    for (Forward f : plan.forward()) {
      if (uniform.contains(f.name())) {
        forwardLet(code, f, plain);
        if (f.exprelFactor()) {
          String slope = locals.allocate(f.name() + "_slope");
          slopes.put(f.name(), slope);
          code.addStatement("final double $L = dt * dt * $T.derivative(dt * ($L))", slope,
              RuntimeNames.EXPREL, plain.render(f.value()));
        }
      }
    }
    return slopes;
  }

  /** A forward let: exponential Euler's factor {@code dt·exprel(dt·a)}, or the expression. */
  static void forwardLet(CodeBlock.Builder code, Forward f, ExprRenderer plain) {
    if (f.exprelFactor()) {
      code.addStatement("final double $L = dt * $T.exprel(dt * ($L))", f.name(),
          RuntimeNames.EXPREL, plain.render(f.value()));
    } else {
      code.addStatement("final double $L = $L", f.name(), plain.render(f.value()));
    }
  }

  /** A reference's Java name; states read {@code renamed}'s names when given (after a step). */
  static String name(Ref r, Map<String, String> renamed) {
    return switch (r.kind()) {
      case STATE -> renamed == null ? r.name() : renamed.get(r.name());
      case DT -> "dt";
      case TIME -> "t";
      default -> r.name();
    };
  }
}
