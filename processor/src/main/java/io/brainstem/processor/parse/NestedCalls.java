package io.brainstem.processor.parse;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names each function call nested in another call's argument as a body local ({@code tanh#1}),
 * so {@code tanh(tanh(...))} becomes a chain of locals: its derivative, which repeats each inner
 * call, then stays linear in the body's size. The local holds exactly the call it replaces and
 * calls have no side effects, so kernels compute the same doubles as the user's method. Calls in
 * a branch of {@code ?:} stay where they are, so no path computes more than it did.
 */
final class NestedCalls {
  private final Map<String, Expr> locals = new LinkedHashMap<>();
  private int count;

  private NestedCalls() {}

  /** {@code returned} and {@code locals} with nested calls named; the result's locals in order. */
  static BodyParser.Returned named(Expr returned, String sourceText, Map<String, Expr> locals) {
    NestedCalls names = new NestedCalls();
    locals.forEach((name, value) -> names.locals.put(name, names.rewrite(value, false)));
    Expr expr = names.rewrite(returned, false);
    return new BodyParser.Returned(expr, sourceText, names.locals);
  }

  private Expr rewrite(Expr e, boolean inCall) {
    if (e instanceof Expr.Call c) {
      List<Expr> args = c.args().stream().map(a -> rewrite(a, true)).toList();
      Expr call = new Expr.Call(c.fn(), args);
      if (!inCall) {
        return call;
      }
      String name = c.fn().javaName + "#" + ++count;
      locals.put(name, call);
      return new Expr.Ref(name, RefKind.BODY);
    } else if (e instanceof Expr.Cond c) {
      // Only the test is always evaluated.
      return new Expr.Cond(rewrite(c.test(), inCall), c.then(), c.otherwise());
    } else if (e instanceof Expr.Neg n) {
      return new Expr.Neg(rewrite(n.operand(), inCall));
    } else if (e instanceof Expr.Not n) {
      return new Expr.Not(rewrite(n.operand(), inCall));
    } else if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), rewrite(b.left(), inCall), rewrite(b.right(), inCall));
    } else if (e instanceof Expr.Compare c) {
      return new Expr.Compare(c.op(), rewrite(c.left(), inCall), rewrite(c.right(), inCall));
    } else if (e instanceof Expr.Logic l) {
      // The right operand of && and || is evaluated only sometimes.
      return new Expr.Logic(l.op(), rewrite(l.left(), inCall), l.right());
    }
    return e;
  }
}
