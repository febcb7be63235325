package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.List;

/** Short constructors for hand-written test expressions. */
final class TestExprs {
  private TestExprs() {}

  static Ref state(String name) {
    return new Ref(name, RefKind.STATE);
  }

  static Ref param(String name) {
    return new Ref(name, RefKind.PARAM);
  }

  static Ref input(String name) {
    return new Ref(name, RefKind.INPUT);
  }

  static Expr neg(Expr e) {
    return new Neg(e);
  }

  static Expr call(Fn fn, Expr... args) {
    return new Call(fn, List.of(args));
  }
}
