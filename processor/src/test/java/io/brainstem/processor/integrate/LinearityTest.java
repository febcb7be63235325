package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.input;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** The slope's divisions by step constants become products with a reciprocal computed once. */
class LinearityTest {

  /** COBA's dv/dt = (ge·(Ee − v) − (v − El)) / taum: the slope (−ge − 1)/taum multiplies. */
  @Test
  void aSlopeDividedByAParameterMultipliesByItsReciprocal() {
    Expr v = state("v");
    Expr rhs = div(sub(mul(input("ge"), sub(param("Ee"), v)), sub(v, param("El"))),
        param("taum"));
    Expr slope = Linearity.slope(ode("v", rhs, "v", "ge"), new HashMap<>());
    assertThat(slope).isInstanceOf(Binary.class);
    Binary product = (Binary) slope;
    assertThat(product.op()).isEqualTo(BinOp.MUL);
    assertThat(product.right()).isEqualTo(div(num(1), param("taum")));
    assertThat(Exprs.mentions(product.left(), "ge")).isTrue();
    assertThat(Exprs.mentions(product.left(), "taum")).isFalse();
  }

  @Test
  void aSlopeThatHoldsOverTheStepKeepsItsDivision() {
    Expr constant = div(neg(num(1)), mul(param("tau"), Exprs.dt()));
    assertThat(Linearity.reciprocals(constant)).isEqualTo(constant);
  }

  @Test
  void aDivisionByStateOrInputStays() {
    Expr byState = div(param("a"), state("w"));
    Expr byInput = div(state("x"), sub(input("g"), param("c")));
    assertThat(Linearity.reciprocals(byState)).isEqualTo(byState);
    assertThat(Linearity.reciprocals(byInput)).isEqualTo(byInput);
  }

  @Test
  void divisorsOfNumbersDtAndTimeCountAsStepConstants() {
    Expr byNumber = div(state("x"), num(3));
    Expr byDt = div(input("g"), mul(param("tau"), Exprs.dt()));
    assertThat(Linearity.reciprocals(byNumber)).isEqualTo(mul(state("x"), div(num(1), num(3))));
    assertThat(Linearity.reciprocals(byDt))
        .isEqualTo(mul(input("g"), div(num(1), mul(param("tau"), Exprs.dt()))));
  }

  @Test
  void nestedDivisionsByParametersAreAllRewritten() {
    Expr rhs = div(sub(div(state("x"), param("a")), input("g")), param("b"));
    assertThat(Linearity.reciprocals(rhs)).isEqualTo(
        mul(sub(mul(state("x"), div(num(1), param("a"))), input("g")), div(num(1), param("b"))));
  }
}
