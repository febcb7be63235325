package io.brainstem.processor.emit;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.LogicOp;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lane-wise rendering performs the scalar expression's operations on the same operands in the
 * same order: only commutative operands swap and comparisons mirror; uniform parts stay scalar.
 */
class VectorExprRendererTest {
  /** Per element (a vector). */
  private static final Expr V = new Ref("v", RefKind.STATE);
  private static final Expr G = new Ref("g", RefKind.INPUT);
  /** Uniform (a scalar): a group-wide parameter. */
  private static final Expr TAU = new Ref("tau", RefKind.PARAM);

  private static final VectorExprRenderer RENDERER = new VectorExprRenderer(
      Ref::name, r -> r.kind() == RefKind.STATE || r.kind() == RefKind.INPUT, "S");

  private static String render(Expr e) {
    return RENDERER.render(e).code().toString();
  }

  @Test
  void uniformSubtreesStayScalarJava() {
    VectorExprRenderer.Code c = RENDERER.render(div(num(-1.0), TAU));
    assertThat(c.vector()).isFalse();
    assertThat(c.code().toString()).isEqualTo("-1.0 / tau");
    assertThat(render(mul(V, div(num(1.0), TAU)))).isEqualTo("v.mul(1.0 / tau)");
  }

  @Test
  void onlyCommutativeOperandsSwap() {
    assertThat(render(add(TAU, V))).isEqualTo("v.add(tau)");
    assertThat(render(mul(TAU, V))).isEqualTo("v.mul(tau)");
    assertThat(render(sub(TAU, V)))
        .isEqualTo("jdk.incubator.vector.DoubleVector.broadcast(S, tau).sub(v)");
    assertThat(render(div(TAU, V)))
        .isEqualTo("jdk.incubator.vector.DoubleVector.broadcast(S, tau).div(v)");
    // Left-associative chains keep their grouping: (v - g) - tau, not v - (g + tau).
    assertThat(render(sub(sub(V, G), TAU))).isEqualTo("v.sub(g).sub(tau)");
    assertThat(render(sub(V, sub(G, TAU)))).isEqualTo("v.sub(g.sub(tau))");
  }

  @Test
  void divisionsByAPowerOfTwoBecomeExactMultiplications() {
    assertThat(render(div(V, num(4.0)))).isEqualTo("v.mul(0.25)");
    assertThat(render(div(V, num(-0.5)))).isEqualTo("v.mul(-2.0)");
    // no exact reciprocal, or a uniform division (scalar Java, as written): unchanged
    assertThat(render(div(V, num(5.0)))).isEqualTo("v.div(5.0)");
    assertThat(render(div(V, num(0.0)))).isEqualTo("v.div(0.0)");
    assertThat(render(div(TAU, num(4.0)))).isEqualTo("tau / 4.0");
    assertThat(VectorExprRenderer.exactReciprocal(0x1p-1021)).isTrue();
    assertThat(VectorExprRenderer.exactReciprocal(0x1p1023)).isFalse(); // 2^-1023 is subnormal
    assertThat(VectorExprRenderer.exactReciprocal(Double.MIN_VALUE)).isFalse();
    assertThat(VectorExprRenderer.exactReciprocal(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(VectorExprRenderer.exactReciprocal(Double.NaN)).isFalse();
    assertThat(VectorExprRenderer.exactReciprocal(3.0)).isFalse();
    // the claim itself: x / 2^k == x * 2^-k for every kind of x, subnormal results included
    java.util.Random r = new java.util.Random(3);
    double[] ds = {4.0, 0.125, -2.0, 0x1p-1021, 0x1p1022};
    for (int k = 0; k < 200_000; k++) {
      double x = Double.longBitsToDouble(r.nextLong());
      for (double d : ds) {
        assertThat(Double.doubleToRawLongBits(x * (1 / d))).isEqualTo(Double.doubleToRawLongBits(x / d));
      }
    }
  }

  @Test
  void comparisonsWithAUniformLeftSideAreMirrored() {
    assertThat(render(new Compare(CmpOp.LT, TAU, V)))
        .isEqualTo("v.compare(jdk.incubator.vector.VectorOperators.GT, tau)");
    assertThat(render(new Compare(CmpOp.GE, V, num(-50.0))))
        .isEqualTo("v.compare(jdk.incubator.vector.VectorOperators.GE, -50.0)");
    assertThat(VectorExprRenderer.mirror(CmpOp.LE)).isEqualTo(CmpOp.GE);
    assertThat(VectorExprRenderer.mirror(CmpOp.NE)).isEqualTo(CmpOp.NE);
  }

  @Test
  void conditionsBecomeBlendsAndLogicBecomesMaskOperations() {
    Expr test = new Compare(CmpOp.GT, V, TAU);
    assertThat(render(new Cond(test, G, num(0.0)))).isEqualTo(
        "jdk.incubator.vector.DoubleVector.broadcast(S, 0.0)"
            + ".blend(g, v.compare(jdk.incubator.vector.VectorOperators.GT, tau))");
    assertThat(render(new Logic(LogicOp.AND, test, new Compare(CmpOp.LT, G, num(1.0)))))
        .isEqualTo("v.compare(jdk.incubator.vector.VectorOperators.GT, tau)"
            + ".and(g.compare(jdk.incubator.vector.VectorOperators.LT, 1.0))");
  }

  @Test
  void functionsUseTheVectorLibraryOrExactLaneOperations() {
    assertThat(render(new Call(Fn.EXP, List.of(new Neg(V)))))
        .isEqualTo("v.neg().lanewise(jdk.incubator.vector.VectorOperators.EXP)");
    assertThat(render(new Call(Fn.SQRT, List.of(V)))).isEqualTo("v.sqrt()");
    assertThat(render(new Call(Fn.MAX, List.of(TAU, V)))).isEqualTo("v.max(tau)");
    assertThat(render(new Call(Fn.EXP, List.of(TAU)))).isEqualTo("java.lang.Math.exp(tau)");
  }
}
