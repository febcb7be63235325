package io.brainstem.math;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shared Runge–Kutta combinations: the same operations as the inlined forms the generated
 * loops had (and the staged loops still have), and VectorMath's block form equal to the
 * per-element one, as is the scalar loops' block form.
 */
class RungeKuttaTest {
  private static final double DT = 0.1;

  @Test
  void rk4IsTheClassicalFormulaBitForBit() {
    RungeKutta rk4 = RungeKutta.of(Integrator.RK4);
    assertThat(rk4.stages()).isEqualTo(4);
    Random random = new Random(1);
    for (int n = 0; n < 1000; n++) {
      double y = random.nextGaussian();
      double[] k = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
          random.nextGaussian()};
      double halfDt = DT / 2.0;
      double sixthDt = DT / 6.0;
      assertThat(rk4.stage(0, y, k, DT)).isEqualTo(y);
      assertThat(rk4.stage(1, y, k, DT)).isEqualTo(y + halfDt * k[0]);
      assertThat(rk4.stage(2, y, k, DT)).isEqualTo(y + halfDt * k[1]);
      assertThat(rk4.stage(3, y, k, DT)).isEqualTo(y + DT * k[2]);
      assertThat(rk4.step(y, k, DT))
          .isEqualTo(y + sixthDt * (k[0] + 2.0 * k[1] + 2.0 * k[2] + k[3]));
    }
  }

  @Test
  void negativeAndFractionalRowsKeepIntegerWeights() {
    RungeKutta rk38 = RungeKutta.of(Integrator.RK4_38);
    RungeKutta rk3 = RungeKutta.of(Integrator.RK3);
    RungeKutta ralston = RungeKutta.of(Integrator.RALSTON2);
    double y = 0.3;
    double[] k = {1.7, -0.4, 2.9, 0.11};
    double thirdDt = DT / 3.0;
    assertThat(rk38.stage(2, y, k, DT)).isEqualTo(y + thirdDt * (-k[0] + 3.0 * k[1]));
    assertThat(rk38.stage(3, y, k, DT)).isEqualTo(y + DT * (k[0] - k[1] + k[2]));
    assertThat(rk38.step(y, k, DT))
        .isEqualTo(y + DT / 8.0 * (k[0] + 3.0 * k[1] + 3.0 * k[2] + k[3]));
    assertThat(rk3.stage(2, y, k, DT)).isEqualTo(y + DT * (-k[0] + 2.0 * k[1]));
    assertThat(rk38.time(1, 2.0, DT)).isEqualTo(2.0 + DT / 3.0);
    assertThat(ralston.time(1, 2.0, DT)).isEqualTo(2.0 + 2.0 * DT / 3.0);
    assertThat(ralston.stage(1, y, k, DT)).isEqualTo(y + 2.0 * DT / 3.0 * k[0]);
    assertThat(RungeKutta.of(Integrator.MIDPOINT).step(y, k, DT)).isEqualTo(y + DT * k[1]);
    assertThat(RungeKutta.of(Integrator.EULER).time(0, 2.0, DT)).isEqualTo(2.0);
  }

  @Test
  void theVectorKernelsBlockFormIsThePerElementFormForEveryMethod() {
    int stride = 16;
    int n = 13;
    Random random = new Random(2);
    for (Integrator method : Integrator.values()) {
      if (method == Integrator.EXP_AUTO || method == Integrator.EXP_EULER) {
        continue;
      }
      RungeKutta rk = RungeKutta.of(method);
      double[] y = new double[n + 3];
      float[] yf = new float[n + 3];
      for (int i = 0; i < y.length; i++) {
        yf[i] = (float) random.nextGaussian();
        y[i] = random.nextGaussian();
      }
      double[] buffer = new double[(1 + RungeKutta.MAX_STAGES) * stride];
      for (int i = stride; i < buffer.length; i++) {
        buffer[i] = random.nextGaussian();
      }
      for (int s = 0; s <= rk.stages(); s++) {
        for (boolean floats : new boolean[] {false, true}) {
          if (floats) {
            VectorMath.rungeKutta(rk, s, yf, 3, 3 + n, buffer, 0, stride, stride, DT);
          } else {
            VectorMath.rungeKutta(rk, s, y, 3, 3 + n, buffer, 0, stride, stride, DT);
          }
          for (int at = 0; at < n; at++) {
            double[] k = new double[rk.stages()];
            for (int j = 0; j < k.length; j++) {
              k[j] = buffer[stride + j * stride + at];
            }
            double start = floats ? yf[3 + at] : y[3 + at];
            double expected = s < rk.stages() ? rk.stage(s, start, k, DT) : rk.step(start, k, DT);
            assertThat(buffer[at]).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void theUnrolledKernelsRowsAreThePerElementFormForEveryMethod() {
    jdk.incubator.vector.VectorSpecies<Double> species =
        jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
    int lanes = species.length();
    Random random = new Random(4);
    for (Integrator method : Integrator.values()) {
      if (method == Integrator.EXP_AUTO || method == Integrator.EXP_EULER) {
        continue;
      }
      RungeKutta rk = RungeKutta.of(method);
      double[] steps = VectorMath.steps(rk, DT);
      double[] y = new double[lanes];
      double[][] k = new double[RungeKutta.MAX_STAGES][lanes];
      for (int at = 0; at < lanes; at++) {
        y[at] = at == 0 ? -0.0 : random.nextGaussian();
        for (double[] slopes : k) {
          slopes[at] = at == 0 ? 0.0 : at == 1 ? Double.POSITIVE_INFINITY : random.nextGaussian();
        }
      }
      jdk.incubator.vector.DoubleVector[] kv = new jdk.incubator.vector.DoubleVector[k.length];
      for (int j = 0; j < k.length; j++) {
        kv[j] = jdk.incubator.vector.DoubleVector.fromArray(species, k[j], 0);
      }
      jdk.incubator.vector.DoubleVector yv =
          jdk.incubator.vector.DoubleVector.fromArray(species, y, 0);
      for (int s = 1; s <= rk.stages(); s++) {
        double[] row = (switch (s) {
          case 1 -> VectorMath.row1(rk, yv, kv[0], steps);
          case 2 -> VectorMath.row2(rk, yv, kv[0], kv[1], steps);
          case 3 -> VectorMath.row3(rk, yv, kv[0], kv[1], kv[2], steps);
          default -> VectorMath.row4(rk, yv, kv[0], kv[1], kv[2], kv[3], steps);
        }).toArray();
        for (int at = 0; at < lanes; at++) {
          double[] lane = new double[rk.stages()];
          for (int j = 0; j < lane.length; j++) {
            lane[j] = k[j][at];
          }
          double expected = s < rk.stages() ? rk.stage(s, y[at], lane, DT)
              : rk.step(y[at], lane, DT);
          assertWithMessage("%s row %s lane %s", method, s, at)
              .that(Double.doubleToLongBits(row[at]))
              .isEqualTo(Double.doubleToLongBits(expected));
        }
      }
    }
  }

  @Test
  void theScalarLoopsBlockFormIsThePerElementFormForEveryMethod() {
    Random random = new Random(3);
    int from = 5;
    int to = from + RungeKutta.BLOCK - 3;
    double[] y = new double[to + 2];
    float[] yFloat = new float[to + 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = random.nextGaussian();
      yFloat[i] = (float) random.nextGaussian();
    }
    for (Integrator method : Integrator.values()) {
      if (method == Integrator.EXP_AUTO || method == Integrator.EXP_EULER) {
        continue;
      }
      RungeKutta rk = RungeKutta.of(method);
      double[][] buffers = RungeKutta.buffers(0, to);
      for (double[] stage : buffers) {
        for (int e = 0; e < stage.length; e++) {
          stage[e] = random.nextGaussian();
        }
      }
      for (int s = 0; s <= rk.stages(); s++) {
        double[] doubles = rk.stages(s, y, from, to, buffers, DT).clone();
        double[] floats = rk.stages(s, yFloat, from, to, buffers, DT).clone();
        for (int i = from; i < to; i++) {
          double[] k = new double[rk.stages()];
          for (int j = 0; j < k.length; j++) {
            k[j] = buffers[j][i];
          }
          double expected = s == rk.stages() ? rk.step(y[i], k, DT) : rk.stage(s, y[i], k, DT);
          double expectedFloat =
              s == rk.stages() ? rk.step(yFloat[i], k, DT) : rk.stage(s, yFloat[i], k, DT);
          assertThat(Double.doubleToRawLongBits(doubles[i]))
              .isEqualTo(Double.doubleToLongBits(expected));
          assertThat(Double.doubleToRawLongBits(floats[i]))
              .isEqualTo(Double.doubleToRawLongBits(expectedFloat));
        }
      }
    }
    // One set of buffers per state number and thread, reused from call to call, grown on demand.
    assertThat(RungeKutta.buffers(0, to)).isSameInstanceAs(RungeKutta.buffers(0, 1));
    assertThat(RungeKutta.buffers(0, to)[0]).isSameInstanceAs(RungeKutta.buffers(0, to)[0]);
    assertThat(RungeKutta.buffers(1, to)).isNotSameInstanceAs(RungeKutta.buffers(0, to));
    assertThat(RungeKutta.buffers(1, to)).hasLength(RungeKutta.MAX_STAGES + 1);
    for (double[] buffer : RungeKutta.buffers(1, 3 * to)) {
      assertThat(buffer.length).isAtLeast(3 * to);
    }
  }

  @Test
  void theExponentialIntegratorsHaveNoTableau() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RungeKutta.of(Integrator.EXP_AUTO));
    assertThat(e).hasMessageThat().contains("EXP_AUTO is not an explicit Runge–Kutta method");
  }
}
