package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;

/**
 * Which expressions have the same value for every element of a group during one step, so they can
 * be computed once before the element loop: literals, {@code dt}, {@code t}, hoisted locals and,
 * when parameters are group-wide, parameters.
 */
public enum Uniformity {
  /** Parameters hold one value for the whole group. */
  GROUP_WIDE_PARAMS,
  /** Parameters are per element, so nothing that reads one is uniform. */
  PER_ELEMENT_PARAMS;

  /** True when {@code e} is the same for all elements. */
  public boolean isUniform(Expr e) {
    boolean[] uniform = {true};
    Exprs.forEachRef(e, r -> uniform[0] &= isUniform(r));
    return uniform[0];
  }

  private boolean isUniform(Ref r) {
    return switch (r.kind()) {
      case PARAM -> this == GROUP_WIDE_PARAMS;
      case DT, TIME, LOCAL -> true;
      // A body local counts as per element: the planner computes it in the loop.
      case STATE, INPUT, POST, PRE, BODY -> false;
    };
  }

  /**
   * Worth a local of its own: more than a literal or a plain (possibly negated) reference, and a
   * number (hoisted locals are doubles; a uniform condition keeps its place in the expression).
   */
  static boolean isNonTrivial(Expr e) {
    if (e instanceof Expr.Compare || e instanceof Expr.Logic || e instanceof Expr.Not) {
      return false;
    }
    Expr core = e instanceof Neg n ? n.operand() : e;
    return !(core instanceof Num || core instanceof Ref);
  }
}
