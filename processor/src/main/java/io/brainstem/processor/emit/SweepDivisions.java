package io.brainstem.processor.emit;

import io.brainstem.processor.ir.Expr;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The backward sweep's divisions of a per-element value by a parameter-only one, as
 * multiplications by the divisor's reciprocal: {@code x / u} becomes {@code x * (1 / u)}. A
 * loop computes the reciprocal once per call where the parameters are group-wide (the division
 * was the vector sweep's bottleneck), and the scalar and vector loops, group-wide or per-element,
 * all compute the same {@code 1 / u} and so agree bit for bit. Only the sweep's partial derivatives
 * are rewritten, never the replayed forward step, whose bits decide the spikes.
 */
final class SweepDivisions {
  private SweepDivisions() {}

  /**
   * {@code e} with each such division rewritten; {@code paramOnly} tells which expressions read
   * only parameters, {@code dt} and {@code t}; {@code inverse} gives the expression of a divisor's
   * reciprocal.
   */
  static Expr rewrite(Expr e, Predicate<Expr> paramOnly, Function<Expr, Expr> inverse) {
    Function<Expr, Expr> rec = x -> rewrite(x, paramOnly, inverse);
    if (e instanceof Expr.Binary b) {
      if (b.op() == Expr.BinOp.DIV && paramOnly.test(b.right()) && !paramOnly.test(b.left())) {
        return new Expr.Binary(Expr.BinOp.MUL, rec.apply(b.left()), inverse.apply(b.right()));
      }
      return new Expr.Binary(b.op(), rec.apply(b.left()), rec.apply(b.right()));
    } else if (e instanceof Expr.Neg n) {
      return new Expr.Neg(rec.apply(n.operand()));
    } else if (e instanceof Expr.Call c) {
      return new Expr.Call(c.fn(), c.args().stream().map(rec).toList());
    } else if (e instanceof Expr.Cond c) {
      return new Expr.Cond(rec.apply(c.test()), rec.apply(c.then()), rec.apply(c.otherwise()));
    }
    return e;
  }

  /** The reciprocal {@code 1.0 / u} as an expression, as a scalar loop computes it in place. */
  static Expr reciprocal(Expr u) {
    return new Expr.Binary(Expr.BinOp.DIV, new Expr.Num(1.0), u);
  }
}
