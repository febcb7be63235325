package io.brainstem.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A harder neuron than Lif: Izhikevich's coupled (v, u) with a time-dependent drive, a third state
 * named {@code i} (the generated loop index's usual name), a two-state reset and no refractoriness.
 */
final class CoupledModel {
  private CoupledModel() {}

  static final String SOURCE = """
      package test.models;

      import io.brainstem.annotations.Input;
      import io.brainstem.annotations.Integrator;
            import io.brainstem.annotations.Neuron;
      import io.brainstem.annotations.Ode;
      import io.brainstem.annotations.Param;
      import io.brainstem.annotations.Reset;
      import io.brainstem.annotations.State;
      import io.brainstem.annotations.Threshold;

      @Neuron(method = Integrator.RK4)
      public class Izh {
        @Param double a = 0.02, b = 0.2, c = -65, d = 8;
        @State double v = -65, u = -13, i;
        @Input double input;

        @Ode("v")
        double dv(double v, double u, double input, double t) {
          return 0.04 * v * v + 5 * v + 140 - u + input * Math.exp(-t / 100);
        }

        @Ode("u")
        double du(double v, double u) {
          return a * (b * v - u);
        }

        @Ode("i")
        double di(double i) {
          return -i / 5 + Math.tanh(Math.max(i, 0.5));
        }

        @Threshold
        boolean fire() {
          return v >= 30;
        }

        @Reset
        void reset() {
          v = c;
          u += d;
        }
      }
      """;

  static JavaFileObject source() {
    return JavaFileObjects.forSourceString("test.models.Izh", SOURCE);
  }
}
