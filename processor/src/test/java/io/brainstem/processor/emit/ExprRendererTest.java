package io.brainstem.processor.emit;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.dt;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.LogicOp;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Not;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering keeps the tree's exact grouping (so the same IEEE operations run) and no more parens. */
class ExprRendererTest {
  private static final Expr A = new Ref("a", RefKind.STATE);
  private static final Expr B = new Ref("b", RefKind.PARAM);
  private static final Expr C = new Ref("c", RefKind.INPUT);

  private static String render(Expr e) {
    return new ExprRenderer(r -> r.kind() == RefKind.DT ? "dt" : r.name()).render(e).toString();
  }

  @Test
  void leftAssociativeChainsNeedNoParentheses() {
    assertThat(render(div(add(add(new Neg(A), B), mul(B, C)), B))).isEqualTo("(-a + b + b * c) / b");
    assertThat(render(div(mul(A, B), C))).isEqualTo("a * b / c");
  }

  @Test
  void rightNestedOperationsKeepTheirGrouping() {
    assertThat(render(add(A, add(B, C)))).isEqualTo("a + (b + c)");
    assertThat(render(sub(A, sub(B, C)))).isEqualTo("a - (b - c)");
    assertThat(render(mul(A, mul(B, C)))).isEqualTo("a * (b * c)");
    assertThat(render(div(A, mul(B, C)))).isEqualTo("a / (b * c)");
    assertThat(render(mul(dt(), div(num(-1), B)))).isEqualTo("dt * (-1.0 / b)");
    assertThat(render(mul(add(A, B), C))).isEqualTo("(a + b) * c");
  }

  @Test
  void unaryOperandsAreParenthesised() {
    assertThat(render(new Neg(new Neg(A)))).isEqualTo("-(-a)");
    assertThat(render(new Neg(num(-2)))).isEqualTo("-(-2.0)");
    assertThat(render(sub(A, new Neg(B)))).isEqualTo("a - (-b)");
    assertThat(render(mul(A, num(-0.5)))).isEqualTo("a * (-0.5)");
    assertThat(render(new Neg(add(A, B)))).isEqualTo("-(a + b)");
    assertThat(render(new Not(new Compare(CmpOp.LT, A, B)))).isEqualTo("!(a < b)");
  }

  @Test
  void callsConditionalsAndLogic() {
    Expr call = new Expr.Call(Expr.Fn.POW, List.of(add(A, B), num(2)));
    // outside a JavaFile, $T renders qualified; generated files import-skip java.lang
    assertThat(render(call)).isEqualTo("java.lang.Math.pow(a + b, 2.0)");
    Expr test = new Logic(LogicOp.OR, new Compare(CmpOp.GE, A, B),
        new Logic(LogicOp.AND, new Compare(CmpOp.LT, A, C), new Compare(CmpOp.NE, B, C)));
    assertThat(render(test)).isEqualTo("a >= b || a < c && b != c");
    Expr nested = new Cond(new Compare(CmpOp.GT, A, num(0)), A, new Cond(test, B, C));
    assertThat(render(mul(num(2), nested)))
        .isEqualTo("2.0 * (a > 0.0 ? a : (a >= b || a < c && b != c ? b : c))");
  }

  @Test
  void literalsRoundTrip() {
    assertThat(ExprRenderer.literal(0.1)).isEqualTo("0.1");
    assertThat(ExprRenderer.literal(-1e7)).isEqualTo("-1.0E7");
    assertThat(ExprRenderer.literal(Double.POSITIVE_INFINITY)).isEqualTo("(1.0 / 0.0)");
  }
}
