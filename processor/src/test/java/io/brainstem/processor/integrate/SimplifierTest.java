package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.call;
import static io.brainstem.processor.integrate.TestExprs.input;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import org.junit.jupiter.api.Test;

class SimplifierTest {
  private static final Expr V = state("V");
  private static final Expr TAU = param("tau");

  @Test
  void aConditionalWhoseBranchesAreZerosOfEitherSignIsZero() {
    // d/dm of an HH rate guarded against 0/0 gives Cond(test, 0, -0): still zero, so the gate is linear.
    Expr cond = new Cond(new Compare(CmpOp.EQ, V, num(0)), num(0), num(-0.0));
    assertThat(Simplifier.simplify(cond)).isEqualTo(num(0));
  }

  @Test
  void lifSlopeIsMinusOneOverTau() {
    // (-V + V_rest + R * input) / tau, as parsed (left-associative)
    Expr rhs = div(add(add(neg(V), param("V_rest")), mul(param("R"), input("input"))), TAU);
    assertThat(Simplifier.simplify(Derivative.of(rhs, "V")))
        .isEqualTo(new Binary(BinOp.DIV, num(-1), TAU));
  }

  @Test
  void synapseSlopeIsMinusOneOverTau() {
    Expr g = state("g");
    assertThat(Simplifier.simplify(Derivative.of(div(neg(g), TAU), "g")))
        .isEqualTo(new Binary(BinOp.DIV, num(-1), TAU));
  }

  @Test
  void identities() {
    assertThat(Simplifier.simplify(add(V, num(0)))).isEqualTo(V);
    assertThat(Simplifier.simplify(add(num(0), V))).isEqualTo(V);
    assertThat(Simplifier.simplify(sub(V, num(0)))).isEqualTo(V);
    assertThat(Simplifier.simplify(sub(num(0), V))).isEqualTo(neg(V));
    assertThat(Simplifier.simplify(mul(num(0), V))).isEqualTo(num(0));
    assertThat(Simplifier.simplify(mul(V, num(1)))).isEqualTo(V);
    assertThat(Simplifier.simplify(mul(num(-1), V))).isEqualTo(neg(V));
    assertThat(Simplifier.simplify(div(V, num(1)))).isEqualTo(V);
    assertThat(Simplifier.simplify(div(num(0), V))).isEqualTo(num(0));
    assertThat(Simplifier.simplify(neg(neg(V)))).isEqualTo(V);
    assertThat(Simplifier.simplify(neg(num(0)))).isEqualTo(num(-0.0));
    assertThat(Simplifier.simplify(add(V, neg(TAU)))).isEqualTo(sub(V, TAU));
    assertThat(Simplifier.simplify(sub(V, neg(TAU)))).isEqualTo(add(V, TAU));
    assertThat(Simplifier.simplify(div(neg(V), TAU))).isEqualTo(neg(div(V, TAU)));
    assertThat(Simplifier.simplify(mul(V, neg(TAU)))).isEqualTo(neg(mul(V, TAU)));
  }

  @Test
  void foldsConstants() {
    assertThat(Simplifier.simplify(add(mul(num(2), num(3)), div(num(1), num(4))))).isEqualTo(num(6.25));
    assertThat(Simplifier.simplify(call(Fn.EXP, num(0)))).isEqualTo(num(1));
    assertThat(Simplifier.simplify(call(Fn.POW, num(2), num(10)))).isEqualTo(num(1024));
  }

  @Test
  void divisionByLiteralZeroIsKept() {
    assertThat(Simplifier.simplify(div(num(1), num(0)))).isEqualTo(div(num(1), num(0)));
  }

  @Test
  void conditionalWithEqualBranchesCollapses() {
    Expr cond = new Cond(new Compare(CmpOp.LT, V, num(0)), mul(num(1), TAU), add(TAU, num(0)));
    assertThat(Simplifier.simplify(cond)).isEqualTo(TAU);
  }
}
