package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.call;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DerivativeTest {
  private static final Expr X = state("x");
  private static final Expr Y = state("y");
  private static final Expr A = param("a");

  static Stream<Expr> expressions() {
    return Stream.of(
        X,
        A,
        neg(X),
        add(mul(A, X), Y),
        sub(mul(X, X), mul(Y, X)),
        div(add(neg(X), add(A, Y)), A),
        div(A, add(X, num(3))),
        div(mul(X, Y), sub(num(5), X)),
        call(Fn.EXP, mul(A, X)),
        call(Fn.EXPM1, div(X, num(2))),
        call(Fn.LOG, add(mul(X, X), num(1))),
        call(Fn.SQRT, add(X, num(4))),
        call(Fn.POW, X, num(3)),
        call(Fn.POW, add(X, num(2)), A),
        call(Fn.POW, add(X, num(2)), X),
        call(Fn.POW, A, X),
        call(Fn.TANH, mul(X, Y)),
        call(Fn.SIN, mul(A, X)),
        call(Fn.COS, add(mul(X, X), Y)),
        call(Fn.ABS, sub(X, num(0.5))),
        call(Fn.MIN, mul(X, X), Y),
        call(Fn.MAX, mul(X, num(3)), Y),
        new Cond(new Compare(CmpOp.GT, X, Y), mul(X, X), call(Fn.EXP, X)),
        // Hodgkin–Huxley style rate: 0.1 (V + 40) / (1 − exp(−(V + 40)/10))
        div(mul(num(0.1), add(X, num(40))),
            sub(num(1), call(Fn.EXP, neg(div(add(X, num(40)), num(10)))))));
  }

  @ParameterizedTest
  @MethodSource("expressions")
  void matchesCentralDifferences(Expr e) {
    Expr derivative = Simplifier.simplify(Derivative.of(e, "x"));
    for (double x : List.of(-1.7, -0.3, 0.8, 1.3, 2.9)) {
      for (double y : List.of(-0.6, 1.1)) {
        Map<String, Double> at = Map.of("x", x, "y", y, "a", 1.4);
        double h = 1e-6;
        double numeric = (Evaluator.eval(e, with(at, x + h)) - Evaluator.eval(e, with(at, x - h))) / (2 * h);
        double symbolic = Evaluator.eval(derivative, at);
        assertThat(symbolic).isWithin(1e-6 * Math.max(1, Math.abs(numeric))).of(numeric);
      }
    }
  }

  @Test
  void unsimplifiedDerivativeHasTheSameValue() {
    Expr e = div(add(neg(X), add(A, Y)), call(Fn.SQRT, add(X, num(4))));
    Map<String, Double> at = Map.of("x", 0.7, "y", 0.2, "a", 2.0);
    assertThat(Evaluator.eval(Derivative.of(e, "x"), at))
        .isWithin(1e-15)
        .of(Evaluator.eval(Simplifier.simplify(Derivative.of(e, "x")), at));
  }

  @Test
  void otherVariablesAreConstants() {
    assertThat(Simplifier.simplify(Derivative.of(add(mul(A, Y), call(Fn.EXP, Y)), "x")))
        .isEqualTo(num(0));
  }

  @Test
  void booleanExpressionsAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> Derivative.of(new Compare(CmpOp.LT, X, Y), "x"));
  }

  private static Map<String, Double> with(Map<String, Double> at, double x) {
    Map<String, Double> copy = new java.util.HashMap<>(at);
    copy.put("x", x);
    return copy;
  }
}
