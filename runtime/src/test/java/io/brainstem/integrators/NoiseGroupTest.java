package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.math.Gaussian;
import io.brainstem.network.NeuronGroup;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated groups with {@code @Noise}: strong orders on geometric Brownian motion against its
 * exact solution on the group's own Brownian path, the Ornstein–Uhlenbeck stationary variance,
 * and reproducibility (seeded, independent of group size, identical on the debug path).
 */
class NoiseGroupTest {
  private static final String GBM = """
      package test.models;

      import io.brainstem.annotations.*;

      /** dX = mu X dt + sigma X dW twice: x with Milstein's correction, y plain Euler-Maruyama. */
      @Neuron(method = Integrator.EULER)
      public class Gbm {
        @Param double mu = 1.5, sigma = 1;
        @State double x = 1, y = 1;

        @Ode("x") double dx(double x) { return mu * x; }
        @Ode("y") double dy(double y) { return mu * y; }
        @Noise("x") double noiseX(double x) { return sigma * x; }
        @Noise(value = "y", milstein = false) double noiseY(double y) { return sigma * y; }
      }
      """;
  private static final String OU = """
      package test.models;

      import io.brainstem.annotations.*;

      /** dv = -v / tau dt + sigma dW: stationary variance sigma^2 tau / 2. */
      @Neuron
      public class Ou {
        @Param double tau = 10, sigma = 0.5;
        @State double v;

        @Ode("v") double dv(double v) { return -v / tau; }
        @Noise("v") double noise() { return sigma; }
      }
      """;
  /** Only the noise reads the time: the step methods must still receive t. */
  private static final String FADING = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron(method = Integrator.HEUN)
      public class Fading {
        @Param double sigma = 1;
        @State double v;

        @Ode("v") double dv() { return 0; }
        @Noise("v") double noise(double t) { return t < 1 ? sigma : 0; }
      }
      """;
  private static final double MU = 1.5;
  private static final double SIGMA = 1;
  private static final int PATHS = 4000;
  private static final long SEED = 20261126;

  private static ClassLoader gbm;
  private static ClassLoader ou;

  @BeforeAll
  static void compile() {
    gbm = ProcessedModels.compile("Gbm", GBM);
    ou = ProcessedModels.compile("Ou", OU);
  }

  @Test
  void noiseMayDependOnTime() {
    ClassLoader fading = ProcessedModels.compile("Fading", FADING);
    NeuronGroup jit = ProcessedModels.group(fading, "Fading", "f", 100);
    NeuronGroup debug = ProcessedModels.group(fading, "Fading", "f", 100);
    double[] atOne = null;
    for (int k = 0; k < 20; k++) {
      jit.update(k * 0.1, 0.1, true);
      debug.update(k * 0.1, 0.1, false);
      if (k == 9) {
        atOne = jit.doubles("v").clone();
      }
    }
    assertThat(jit.doubles("v")).isEqualTo(debug.doubles("v"));
    assertThat(jit.doubles("v")).isEqualTo(atOne);
    assertThat(Arrays.stream(atOne).distinct().count()).isEqualTo(100);
  }

  @Test
  void milsteinHasStrongOrderOne() {
    // Milstein reaches its asymptotic regime later than Euler–Maruyama on this GBM
    assertThat(strongOrder("x", 0, new int[] {64, 128, 256, 512})).isWithin(0.1).of(1.0);
  }

  @Test
  void eulerMaruyamaHasStrongOrderOneHalf() {
    assertThat(strongOrder("y", 1, new int[] {32, 64, 128, 256})).isWithin(0.1).of(0.5);
  }

  /**
   * Mean |X_N − X(1)| over {@code PATHS} elements, where X(1) is the exact solution driven by the
   * increments the group drew: {@code √dt·Gaussian.at(seed, element, step, stream)}.
   */
  private static double strongOrder(String variable, int stream, int[] steps) {
    double[] dts = new double[steps.length];
    double[] errors = new double[steps.length];
    for (int level = 0; level < steps.length; level++) {
      double dt = 1.0 / steps[level];
      NeuronGroup g = ProcessedModels.group(gbm, "Gbm", "gbm", PATHS);
      ProcessedModels.call(g, "seed", long.class, SEED);
      for (int k = 0; k < steps[level]; k++) {
        g.update(k * dt, dt, true);
      }
      double sum = 0;
      for (int e = 0; e < PATHS; e++) {
        double w = 0;
        for (int k = 0; k < steps[level]; k++) {
          w += Math.sqrt(dt) * Gaussian.at(SEED, e, k, stream);
        }
        double exact = Math.exp(MU - SIGMA * SIGMA / 2 + SIGMA * w);
        sum += Math.abs(g.doubles(variable)[e] - exact);
      }
      dts[level] = dt;
      errors[level] = sum / PATHS;
    }
    double order = Orders.fit(dts, errors);
    assertWithMessage("%s errors %s", variable, Arrays.toString(errors)).that(order).isFinite();
    return order;
  }

  @Test
  void ornsteinUhlenbeckReachesItsStationaryVariance() {
    int size = 2000;
    double dt = 0.1;
    NeuronGroup g = ProcessedModels.group(ou, "Ou", "ou", size);
    ProcessedModels.call(g, "seed", long.class, 3L);
    double sumSq = 0;
    int samples = 0;
    for (int k = 0; k < 3500; k++) {
      g.update(k * dt, dt, true);
      // after 10 τ of burn-in, snapshots 5 τ apart are nearly independent
      if (k >= 1000 && k % 500 == 0) {
        for (double v : g.doubles("v")) {
          sumSq += v * v;
          samples++;
        }
      }
    }
    double stationary = 0.5 * 0.5 * 10 / 2;
    assertThat(sumSq / samples).isWithin(0.05 * stationary).of(stationary);
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void debugPathDrawsTheSameNoise(Integrator method) {
    for (ClassLoader model : new ClassLoader[] {gbm, ou}) {
      String name = model == gbm ? "Gbm" : "Ou";
      NeuronGroup jit = ProcessedModels.group(model, name, "a", 50);
      NeuronGroup debug = ProcessedModels.group(model, name, "a", 50);
      ProcessedModels.method(jit, method);
      ProcessedModels.method(debug, method);
      for (int k = 0; k < 200; k++) {
        if (k == 100) {
          double[] sigma = new double[50];
          Arrays.setAll(sigma, e -> 0.1 + 0.01 * e);
          ProcessedModels.call(jit, "sigma", double[].class, sigma);
          ProcessedModels.call(debug, "sigma", double[].class, sigma.clone());
        }
        jit.update(k * 0.01, 0.01, true);
        debug.update(k * 0.01, 0.01, false);
      }
      for (String v : name.equals("Gbm") ? new String[] {"x", "y"} : new String[] {"v"}) {
        assertWithMessage("%s %s.%s", method, name, v)
            .that(Arrays.equals(jit.doubles(v), debug.doubles(v))).isTrue();
      }
    }
  }

  @Test
  void noiseIsReproducibleFromTheSeedAndIndependentOfGroupSize() {
    double[] small = run(10, 5L);
    double[] large = run(25, 5L);
    double[] again = run(10, 5L);
    double[] other = run(10, 6L);
    assertThat(small).isEqualTo(again);
    assertThat(Arrays.copyOf(large, 10)).isEqualTo(small);
    assertThat(other).isNotEqualTo(small);
    assertThat(Arrays.stream(small).distinct().count()).isEqualTo(10);
  }

  @Test
  void groupsWithDifferentNamesGetDifferentNoiseByDefault() {
    NeuronGroup a = ProcessedModels.group(ou, "Ou", "a", 5);
    NeuronGroup b = ProcessedModels.group(ou, "Ou", "b", 5);
    a.update(0, 0.1, true);
    b.update(0, 0.1, true);
    assertThat(a.doubles("v")).isNotEqualTo(b.doubles("v"));
  }

  private static double[] run(int size, long seed) {
    NeuronGroup g = ProcessedModels.group(ou, "Ou", "ou", size);
    ProcessedModels.call(g, "seed", long.class, seed);
    for (int k = 0; k < 20; k++) {
      g.update(k * 0.1, 0.1, true);
    }
    return g.doubles("v").clone();
  }
}
