package io.brainstem.train;

/**
 * The Mackey–Glass delay differential equation (Mackey &amp; Glass 1977, Science 197:287)
 *
 * <pre>  dx/dt = β·x(t − τ) / (1 + x(t − τ)ⁿ) − γ·x(t)</pre>
 *
 * with β = 0.2, γ = 0.1, n = 10 and, by default, τ = 17 (chaotic; the benchmark of Jaeger 2001 and
 * Jaeger &amp; Haas 2004, and ReservoirPy's {@code mackey_glass}). Integrated by classic RK4 with
 * step {@code h = 1/substeps} (default 0.1, so τ/h = 170 history points); the delayed value at a
 * half step is the mean of its two grid neighbours (linear interpolation); the history is
 * constant, {@code x(t) = x0 = 1.2} for {@code t ≤ 0}. Sample {@code i} is {@code x(i)}, one per
 * time unit, after {@code discard} time units of transient.
 */
public final class MackeyGlass {
  private MackeyGlass() {}

  /** The series of τ = 17 with the defaults above: {@code samples} values after 1000 of transient. */
  public static double[] series(int samples) {
    return series(samples, 17, 10, 1000);
  }

  /**
   * The series sampled once per time unit.
   *
   * @param samples the number of samples returned
   * @param tau the delay τ, a multiple of {@code 1/substeps}
   * @param substeps RK4 steps per time unit
   * @param discard time units integrated and dropped first
   * @throws IllegalArgumentException if an argument is out of range or τ is not on the grid
   */
  public static double[] series(int samples, double tau, int substeps, int discard) {
    if (samples < 1 || substeps < 1 || discard < 0 || !(tau > 0)) {
      throw new IllegalArgumentException("Mackey–Glass needs samples ≥ 1, substeps ≥ 1, discard ≥ 0"
          + " and τ > 0; got " + samples + ", " + substeps + ", " + discard + ", " + tau);
    }
    double h = 1.0 / substeps;
    long lagL = Math.round(tau / h);
    if (Math.abs(lagL * h - tau) > 1e-9 * tau) {
      throw new IllegalArgumentException("τ = " + tau + " is not a multiple of the step 1/" + substeps
          + ": choose substeps so that τ·substeps is an integer");
    }
    int lag = Math.toIntExact(lagL);
    long total = ((long) discard + samples) * substeps;
    double x0 = 1.2;
    // history[i % (lag + 1)] = x at grid point i (the ring holds the last lag + 1 points)
    double[] ring = new double[lag + 1];
    java.util.Arrays.fill(ring, x0);
    double[] out = new double[samples];
    double x = x0;
    if (discard == 0) {
      out[0] = x0; // sample 0 is x(0); the loop stores x(1) on
    }
    for (long i = 0; i < total; i++) {
      double d0 = delayed(ring, i - lag, x0); // x(t − τ)
      double d1 = delayed(ring, i - lag + 1, x0); // x(t − τ + h)
      double dHalf = 0.5 * (d0 + d1);
      double k1 = f(x, d0);
      double k2 = f(x + 0.5 * h * k1, dHalf);
      double k3 = f(x + 0.5 * h * k2, dHalf);
      double k4 = f(x + h * k3, d1);
      x += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
      ring[(int) ((i + 1) % (lag + 1))] = x;
      long sample = (i + 1) / substeps - discard;
      if ((i + 1) % substeps == 0 && sample >= 0 && sample < samples) {
        out[(int) sample] = x;
      }
    }
    return out;
  }

  private static double delayed(double[] ring, long point, double x0) {
    return point <= 0 ? x0 : ring[(int) (point % ring.length)];
  }

  private static double f(double x, double xTau) {
    return 0.2 * xTau / (1 + Math.pow(xTau, 10)) - 0.1 * x;
  }
}
