package io.brainstem.integrators;

/** Model sources that several tests compile: a leaky neuron and a noisy conductance onto it. */
final class NoisyModels {
  private NoisyModels() {}

  /** {@code Leaky}: V relaxes to its input; spikes at 1, resets to 0. */
  static final String LEAKY = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron
      public class Leaky {
        @Param double tau = 10, V_th = 1;
        @State double V;
        @Input double input;

        @Ode("V") double dV(double V, double input) { return (-V + input) / tau; }
        @Threshold boolean fire() { return V >= V_th; }
        @Reset void reset() { V = 0; }
      }
      """;

  /** {@code NoisyExp}: an exponential conductance with state-dependent noise (HEUN). */
  static final String NOISY_EXP = """
      package test.models;

      import io.brainstem.annotations.*;

      @Synapse(method = Integrator.HEUN)
      public class NoisyExp {
        @Param double g_max = 0.5, tau = 5, E = 3, sigma = 0.2;
        @State double g;
        @Post double V;

        @Ode("g") double dg(double g) { return -g / tau; }
        @Noise("g") double noise(double g) { return sigma * Math.sqrt(Math.abs(g) + 0.01); }
        @OnPre void on() { g += g_max; }
        @Output("input") double current() { return g * (E - V); }
      }
      """;
}
