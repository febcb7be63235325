package io.brainstem.sources;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Independent Poisson spike trains, BrainPy's {@code PoissonGroup}: in each step neuron {@code i}
 * spikes with probability {@code rate_i · dt / 1000} (rates in Hz, dt in ms). Rates are one value
 * for all neurons, one per neuron, or a function of time (Hz as a function of t in ms, e.g. an
 * {@code Inputs.sinusoid(...)} signal) evaluated once per step.
 *
 * <pre>{@code
 * PoissonGroup noise = net.add(new PoissonGroup("P", 1000, 15.0, 42));
 * net.add(new ExpCobaProjection(noise, E, new FixedProb(0.02, 7)).g_max(0.6).E(0).tau(5));
 * }</pre>
 *
 * <p>The random numbers are counter-based: neuron i's draw in the step starting at time t is a hash
 * of {@code (seed, t, i)}. The spikes therefore depend only on the seed and the times stepped, so a
 * {@code Runner.reset()} followed by the same run reproduces them exactly, and two runs of the same
 * network from t = 0 agree. A step probability above 1 (rate ≥ 1000/dt Hz) means a spike every step.
 */
public final class PoissonGroup extends NeuronGroup {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private final long seed;
  private final double[] rates; // per neuron, or null
  private final double rate; // used when rates == null and rateOfTime == null
  private final DoubleUnaryOperator rateOfTime; // or null

  /** {@code size} neurons firing at {@code rateHz} each. */
  public PoissonGroup(String name, int size, double rateHz, long seed) {
    this(name, size, checkRate(name, rateHz), null, null, seed);
  }

  /** One rate per neuron, in Hz. */
  public PoissonGroup(String name, int size, double[] ratesHz, long seed) {
    this(name, size, 0, checkRates(name, size, ratesHz), null, seed);
  }

  /** A rate that varies in time (Hz as a function of t in ms), the same for every neuron. */
  public PoissonGroup(String name, int size, DoubleUnaryOperator rateHzOfTime, long seed) {
    this(name, size, 0, null, java.util.Objects.requireNonNull(rateHzOfTime, "rate function"), seed);
  }

  private PoissonGroup(
      String name, int size, double rate, double[] rates, DoubleUnaryOperator rateOfTime, long seed) {
    super(name, "Poisson", size, Integrator.EULER);
    this.rate = rate;
    this.rates = rates;
    this.rateOfTime = rateOfTime;
    this.seed = seed;
  }

  @Override
  public int update(double t, double dt, int from, int to, boolean jit) {
    long base = mix64(seed ^ mix64(Double.doubleToLongBits(t) + GOLDEN_GAMMA));
    boolean[] s = spike;
    int c = from;
    if (rates != null) {
      double scale = dt / 1000.0;
      for (int i = from; i < to; i++) {
        s[i] = uniform(base, i) < rates[i] * scale;
        if (s[i]) {
          spikeIndex[c++] = i;
        }
      }
      return c;
    }
    double r = rateOfTime == null ? rate : rateOfTime.applyAsDouble(t);
    if (!(r >= 0) || Double.isInfinite(r)) {
      throw new IllegalStateException(
          "PoissonGroup " + name() + ": the rate function gave " + r + " Hz at t = " + t
              + " ms; rates must be finite and >= 0");
    }
    double p = r * dt / 1000.0;
    for (int i = from; i < to; i++) {
      s[i] = uniform(base, i) < p;
      if (s[i]) {
        spikeIndex[c++] = i;
      }
    }
    return c;
  }

  /** The seed the spikes are drawn from. */
  public long seed() {
    return seed;
  }

  /** The rate of neuron {@code i} at time {@code t} ms, in Hz. */
  public double rate(int i, double t) {
    return rates != null ? rates[i] : rateOfTime != null ? rateOfTime.applyAsDouble(t) : rate;
  }

  /** Element {@code i} of the SplitMix64 sequence that starts at {@code base}, as a double in [0, 1). */
  private static double uniform(long base, int i) {
    return (mix64(base + (i + 1L) * GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double checkRate(String name, double rateHz) {
    if (!(rateHz >= 0) || Double.isInfinite(rateHz)) {
      throw new IllegalArgumentException(
          "PoissonGroup " + name + ": rate must be finite and >= 0 (Hz), got " + rateHz);
    }
    return rateHz;
  }

  private static double[] checkRates(String name, int size, double[] ratesHz) {
    if (ratesHz == null || ratesHz.length != size) {
      throw new IllegalArgumentException(
          "PoissonGroup " + name + ": expected " + size + " rates (one per neuron), got "
              + (ratesHz == null ? "null" : ratesHz.length));
    }
    for (double r : ratesHz) {
      checkRate(name, r);
    }
    return ratesHz.clone();
  }

  @Override
  public String toString() {
    return name() + " (Poisson, " + size() + " neurons, "
        + (rates != null ? "rates per neuron" : rateOfTime != null ? "time-varying rate" : rate + " Hz")
        + ", seed " + seed + ")" + (rates == null ? "" : " " + Arrays.stream(rates).average().orElse(0) + " Hz mean");
  }
}
