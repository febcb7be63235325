package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A coupled, stiff-ish four-variable system with rate functions full of {@code exp}: the classic
 * Hodgkin–Huxley squid axon (1952; rates in the V_rest = −65 mV convention of Dayan &amp; Abbott),
 * compiled through the processor. Every integrator must produce the same spike train as a fine
 * RK4 reference, and kernels must match the debug path bit for bit.
 */
class HodgkinHuxleyTest {
  /** The potassium gate is {@code nK}: {@code n} is reserved for the generated loop bound. */
  static final String SOURCE = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron(method = Integrator.EXP_EULER)
      public class Hh {
        @Param double C = 1, gNa = 120, gK = 36, gL = 0.3, ENa = 50, EK = -77, EL = -54.387;
        @State double V = -65, m = 0.0529, h = 0.5961, nK = 0.3177;
        @Input double input;

        @Ode("V")
        double dV(double V, double m, double h, double nK, double input) {
          double iNa = gNa * m * m * m * h * (V - ENa);
          double iK = gK * nK * nK * nK * nK * (V - EK);
          return (-iNa - iK - gL * (V - EL) + input) / C;
        }

        @Ode("m")
        double dm(double V, double m) {
          double alpha = 0.1 * (V + 40) / (1 - Math.exp(-(V + 40) / 10));
          double beta = 4 * Math.exp(-(V + 65) / 18);
          return alpha * (1 - m) - beta * m;
        }

        @Ode("h")
        double dh(double V, double h) {
          double alpha = 0.07 * Math.exp(-(V + 65) / 20);
          double beta = 1 / (1 + Math.exp(-(V + 35) / 10));
          return alpha * (1 - h) - beta * h;
        }

        @Ode("nK")
        double dn(double V, double nK) {
          double alpha = 0.01 * (V + 55) / (1 - Math.exp(-(V + 55) / 10));
          double beta = 0.125 * Math.exp(-(V + 65) / 80);
          return alpha * (1 - nK) - beta * nK;
        }
      }
      """;
  private static final double CURRENT = 10;
  private static final double DURATION = 100;

  private static ClassLoader loader;
  private static List<Double> reference;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile("Hh", SOURCE);
    reference = spikeTimes(Integrator.RK4, 0.001);
  }

  @Test
  void referenceFiresRepetitively() {
    // the classic squid axon fires tonically at ~68 Hz for 10 µA/cm²
    assertThat(reference.size()).isAtLeast(5);
    assertThat(reference.size()).isAtMost(8);
    assertThat(reference.get(0)).isLessThan(20.0);
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void everyMethodReproducesTheSpikeTrain(Integrator method) {
    List<Double> spikes = spikeTimes(method, 0.01);
    assertWithMessage("%s spikes %s vs reference %s", method, spikes, reference)
        .that(spikes.size()).isEqualTo(reference.size());
    double tolerance = switch (method) {
      case EULER, EXP_AUTO, EXP_EULER -> 0.5;
      default -> 0.05;
    };
    for (int s = 0; s < spikes.size(); s++) {
      assertWithMessage("%s spike %s: %s vs reference %s", method, s, spikes, reference)
          .that(spikes.get(s)).isWithin(tolerance).of(reference.get(s));
    }
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void kernelsAndDebugPathAreBitIdentical(Integrator method) {
    int size = 8;
    NeuronGroup jit = ProcessedModels.group(loader, "Hh", "jit", size);
    NeuronGroup debug = ProcessedModels.group(loader, "Hh", "debug", size);
    ProcessedModels.method(jit, method);
    ProcessedModels.method(debug, method);
    double dt = 0.02;
    for (int k = 0; k < 3000; k++) {
      if (k == 1500) {
        double[] gL = {0.3, 0.25, 0.35, 0.3, 0.2, 0.3, 0.4, 0.3};
        ProcessedModels.call(jit, "gL", double[].class, gL);
        ProcessedModels.call(debug, "gL", double[].class, gL.clone());
      }
      for (int e = 0; e < size; e++) {
        jit.doubles("input")[e] = 2 * e;
        debug.doubles("input")[e] = 2 * e;
      }
      jit.update(k * dt, dt, true);
      debug.update(k * dt, dt, false);
      jit.clearInputs();
      debug.clearInputs();
    }
    for (String v : new String[] {"V", "m", "h", "nK"}) {
      assertWithMessage("%s %s", method, v)
          .that(Arrays.equals(jit.doubles(v), debug.doubles(v))).isTrue();
    }
    assertThat(Arrays.stream(jit.doubles("V")).allMatch(Double::isFinite)).isTrue();
  }

  /** Upward crossings of 0 mV under a constant current, with linear interpolation. */
  private static List<Double> spikeTimes(Integrator method, double dt) {
    NeuronGroup g = ProcessedModels.group(loader, "Hh", "hh", 1);
    ProcessedModels.method(g, method);
    List<Double> spikes = new ArrayList<>();
    int steps = (int) Math.round(DURATION / dt);
    double previous = g.doubles("V")[0];
    for (int k = 0; k < steps; k++) {
      g.doubles("input")[0] = CURRENT;
      g.update(k * dt, dt, true);
      g.clearInputs();
      double v = g.doubles("V")[0];
      if (previous < 0 && v >= 0) {
        spikes.add(k * dt + dt * previous / (previous - v));
      }
      previous = v;
    }
    return spikes;
  }
}
