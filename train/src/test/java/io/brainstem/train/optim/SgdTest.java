package io.brainstem.train.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SgdTest {
  @Test
  void plainStepSubtractsRateTimesGradient() {
    double[] p = {1, 2};
    double[] g = {0.5, -4};
    Sgd sgd = Sgd.of(0.25);
    sgd.add("p", p, g);
    sgd.step();
    assertThat(p).usingExactEquality().containsExactly(0.875, 3.0).inOrder();
  }

  /** v ← 0.5·v + g, p ← p − 0.1·v with g = 1, 1, 1: v = 1, 1.5, 1.75; p = −0.1, −0.25, −0.425. */
  @Test
  void momentumAccumulatesVelocity() {
    double[] p = {0};
    double[] g = {1};
    Sgd sgd = Sgd.builder(Schedule.constant(0.1)).momentum(0.5).build();
    sgd.add("p", p, g);
    double[] expected = {-0.1, -0.25, -0.425};
    for (double e : expected) {
      sgd.step();
      assertThat(p[0]).isWithin(1e-15).of(e);
    }
  }

  /** Nesterov: v ← 0.5·v + g, p ← p − 0.1·(g + 0.5·v): v = 1, 1.5, steps 0.1·1.5, 0.1·1.75. */
  @Test
  void nesterovLooksAhead() {
    double[] p = {0};
    double[] g = {1};
    Sgd sgd = Sgd.builder(Schedule.constant(0.1)).momentum(0.5).nesterov().build();
    sgd.add("p", p, g);
    sgd.step();
    assertThat(p[0]).isWithin(1e-15).of(-0.15);
    sgd.step();
    assertThat(p[0]).isWithin(1e-15).of(-0.15 - 0.175);
  }

  @Test
  void momentumConvergesOnAQuadratic() {
    double[] p = {5, -5};
    double[] g = new double[2];
    Sgd sgd = Sgd.builder(Schedule.constant(0.05)).momentum(0.9).build();
    sgd.add("p", p, g);
    for (int i = 0; i < 500; i++) {
      g[0] = 2 * (p[0] - 1);
      g[1] = 4 * (p[1] - 2);
      sgd.step();
    }
    assertThat(p).usingTolerance(1e-9).containsExactly(1.0, 2.0).inOrder();
  }

  @Test
  void nesterovNeedsMomentum() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sgd.builder(Schedule.constant(0.1)).nesterov().build());
    assertThat(e).hasMessageThat().contains("momentum");
    assertThrows(IllegalArgumentException.class,
        () -> Sgd.builder(Schedule.constant(0.1)).momentum(1));
  }
}
