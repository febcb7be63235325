package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import org.junit.jupiter.api.Test;

/**
 * {@code -Abrainstem.fastMath=true}: which divisions become products with a reciprocal, and that
 * without the option every division stays as written.
 */
class FastMathTest {
  private static final Ref V = new Ref("V", RefKind.STATE);
  private static final Ref TAU = new Ref("tau", RefKind.PARAM);

  private static Expr rhs(Models.Captured captured) {
    assertThat(captured.compilation().errors()).isEmpty();
    ModelIR model = captured.models().get(0);
    return model.odes().get(0).rhs();
  }

  private static Expr fast(String rhs) {
    return rhs(Models.processFastMath(Models.neuronOde(rhs)));
  }

  private static Expr reciprocal(Expr divisor) {
    return new Binary(BinOp.DIV, new Num(1.0), divisor);
  }

  @Test
  void aDivisionByAParameterBecomesAProductWithItsReciprocal() {
    assertThat(fast("-V / tau"))
        .isEqualTo(new Binary(BinOp.MUL, new Expr.Neg(V), reciprocal(TAU)));
    Expr twoTau = new Binary(BinOp.MUL, new Num(2.0), TAU);
    assertThat(fast("V / (2 * tau)")).isEqualTo(new Binary(BinOp.MUL, V, reciprocal(twoTau)));
    // so is a literal that is not a power of two
    assertThat(fast("V / 3.0")).isEqualTo(new Binary(BinOp.MUL, V, reciprocal(new Num(3.0))));
  }

  @Test
  void otherDivisionsStayAsWritten() {
    // by a state (per element), by a power of two (the product is the same bits), of a literal
    assertThat(fast("tau / V")).isEqualTo(new Binary(BinOp.DIV, TAU, V));
    assertThat(fast("V / 4.0")).isEqualTo(new Binary(BinOp.DIV, V, new Num(4.0)));
    assertThat(fast("V / 0.5")).isEqualTo(new Binary(BinOp.DIV, V, new Num(0.5)));
    assertThat(fast("V + 1.0 / tau")).isEqualTo(
        new Binary(BinOp.ADD, V, new Binary(BinOp.DIV, new Num(1.0), TAU)));
    assertThat(fast("V / (tau + V)"))
        .isEqualTo(new Binary(BinOp.DIV, V, new Binary(BinOp.ADD, TAU, V)));
  }

  @Test
  void withoutTheOptionEveryDivisionStays() {
    assertThat(rhs(Models.process(Models.neuronOde("-V / tau"))))
        .isEqualTo(new Binary(BinOp.DIV, new Expr.Neg(V), TAU));
  }
}
