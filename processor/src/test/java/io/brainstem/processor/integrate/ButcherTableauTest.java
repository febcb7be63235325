package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.ButcherTableau.Ratio;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tableaus satisfy the order conditions of their methods (exactly, in rationals). */
class ButcherTableauTest {

  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "EXP_EULER"},
      mode = EnumSource.Mode.EXCLUDE)
  void orderConditionsHold(Integrator method) {
    ButcherTableau t = ButcherTableau.of(method).orElseThrow();
    int order = IntegratorOrderTest.theoreticalOrder(method);
    int s = t.stages();
    double[] c = t.c().stream().mapToDouble(Ratio::value).toArray();
    double[] b = t.b().stream().mapToDouble(Ratio::value).toArray();
    double[][] a = new double[s][s];
    for (int i = 0; i < s; i++) {
      List<Ratio> row = t.a().get(i);
      double sum = 0;
      for (int j = 0; j < row.size(); j++) {
        a[i][j] = row.get(j).value();
        sum += a[i][j];
      }
      assertThat(sum).isWithin(1e-15).of(c[i]);
    }
    assertThat(dot(b, ones(s))).isWithin(1e-15).of(1);
    if (order >= 2) {
      assertThat(dot(b, c)).isWithin(1e-15).of(1.0 / 2);
    }
    if (order >= 3) {
      assertThat(dot(b, square(c))).isWithin(1e-15).of(1.0 / 3);
      assertThat(dot(b, times(a, c))).isWithin(1e-15).of(1.0 / 6);
    }
    if (order >= 4) {
      assertThat(dot(b, cube(c))).isWithin(1e-15).of(1.0 / 4);
      assertThat(dot(mul(b, c), times(a, c))).isWithin(1e-15).of(1.0 / 8);
      assertThat(dot(b, times(a, square(c)))).isWithin(1e-15).of(1.0 / 12);
      assertThat(dot(b, times(a, times(a, c)))).isWithin(1e-15).of(1.0 / 24);
    }
  }

  private static double[] ones(int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1);
    return v;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }

  private static double[] mul(double[] x, double[] y) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] * y[i];
    }
    return out;
  }

  private static double[] square(double[] x) {
    return mul(x, x);
  }

  private static double[] cube(double[] x) {
    return mul(x, square(x));
  }

  private static double[] times(double[][] a, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[i] += a[i][j] * x[j];
      }
    }
    return out;
  }
}
