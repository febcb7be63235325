package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.BackwardPlanner;
import io.brainstem.processor.integrate.BackwardPlanner.Forward;
import io.brainstem.processor.integrate.BackwardPlanner.Plan;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.Map;
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
