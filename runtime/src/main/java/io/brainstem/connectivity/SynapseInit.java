package io.brainstem.connectivity;

import io.brainstem.math.Rng;
import java.util.Objects;

/**
 * How to initialise a {@code @PerSynapse} (or {@code @PerPre}) variable of a projection: a
 * constant, a random draw (uniform, normal, optionally truncated, lognormal), or a function of the
 * presynaptic and postsynaptic index. Pass it to the generated setter, e.g.
 *
 * <pre>{@code
 * proj.w(SynapseInit.uniform(0, 0.01));                   // seed derived from "E2I" and "w"
 * proj.w(SynapseInit.normal(0.5, 0.1).truncated(0, 1).seed(42));
 * proj.w(SynapseInit.of((i, j) -> i == j ? 0 : 0.2));
 * }</pre>
 *
 * <p><b>Reproducibility.</b> Random draws use {@link Rng} (the same numbers on every JVM), one
 * draw per synapse in CSR order (synapse {@code k} is the {@code k}-th entry of
 * {@code csr().indices()}), or per presynaptic neuron in index order for a {@code @PerPre}
 * variable. The seed is the one given with {@link #seed(long)}; without one it is derived from
 * the projection's name and the variable's name ({@link #defaultSeed}), so two runs of the same
 * program give the same values, and two variables or projections get different streams.
 */
public final class SynapseInit {
  /** Draws a value for synapse {@code k} from {@code pre} to {@code post} (post -1 for per-pre). */
  @FunctionalInterface
  private interface Draw {
    double value(Rng rng, int pre, int post);
  }

  /** Checks, after every synapse has its value, that nothing the source holds was left over. */
  @FunctionalInterface
  interface Coverage {
    /** An error message for the synapses {@code pre[k] → post[k]}, or null when all is used. */
    String leftOver(int[] pre, int[] post);
  }

  /** A function of the presynaptic and postsynaptic index. */
  @FunctionalInterface
  public interface PrePostFunction {
    /**
     * The value of the synapse from {@code pre} to {@code post}.
     *
     * @param pre the presynaptic neuron's index
     * @param post the postsynaptic neuron's index, or -1 for a {@code @PerPre} variable
     * @return the value
     */
    double value(int pre, int post);
  }

  private final String description;
  private final Draw draw;
  private final boolean random;
  private final Long seed;
  private final double lo;
  private final double hi;
  /** Whether the synapses {@code i → j} and {@code j → i} share one value. */
  private final boolean symmetric;
  /** Null, or the check that every value of a file found its synapse. */
  private final Coverage coverage;

  private SynapseInit(String description, Draw draw, boolean random, Long seed, double lo,
      double hi, boolean symmetric) {
    this(description, draw, random, seed, lo, hi, symmetric, null);
  }

  private SynapseInit(String description, Draw draw, boolean random, Long seed, double lo,
      double hi, boolean symmetric, Coverage coverage) {
    this.coverage = coverage;
    this.description = description;
    this.draw = draw;
    this.random = random;
    this.seed = seed;
    this.lo = lo;
    this.hi = hi;
    this.symmetric = symmetric;
  }

  private static SynapseInit of(String description, Draw draw, boolean random) {
    return new SynapseInit(description, draw, random, null, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, false);
  }

  /** Every synapse gets {@code value}. */
  public static SynapseInit constant(double value) {
    finite("constant", value);
    return of("constant(" + value + ")", (rng, i, j) -> value, false);
  }

  /** Uniform in {@code [lo, hi)}. */
  public static SynapseInit uniform(double lo, double hi) {
    finite("uniform lo", lo);
    finite("uniform hi", hi);
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("SynapseInit.uniform needs lo <= hi, got [" + lo + ", "
          + hi + ")");
    }
    return of("uniform(" + lo + ", " + hi + ")", (rng, i, j) -> rng.uniform(lo, hi), true);
  }

  /** Normal with mean {@code mu} and standard deviation {@code sigma} (see {@link #truncated}). */
  public static SynapseInit normal(double mu, double sigma) {
    finite("normal mu", mu);
    nonNegative("normal sigma", sigma);
    return of("normal(" + mu + ", " + sigma + ")", (rng, i, j) -> rng.normal(mu, sigma), true);
  }

  /** {@code exp(X)} with X normal of mean {@code mu} and standard deviation {@code sigma}. */
  public static SynapseInit lognormal(double mu, double sigma) {
    finite("lognormal mu", mu);
    nonNegative("lognormal sigma", sigma);
    return of("lognormal(" + mu + ", " + sigma + ")",
        (rng, i, j) -> Math.exp(rng.normal(mu, sigma)), true);
  }

  /** {@code f(pre, post)} for each synapse ({@code post} is -1 for a {@code @PerPre} variable). */
  public static SynapseInit of(PrePostFunction f) {
    Objects.requireNonNull(f, "function is null; pass e.g. (i, j) -> 0.1 * (i + j)");
    return of("a function of (pre, post)", (rng, i, j) -> f.value(i, j), false);
  }

  /** {@link #of(PrePostFunction)} described as {@code description}, with a left-over check. */
  static SynapseInit of(String description, PrePostFunction f, Coverage coverage) {
    return new SynapseInit(description, (rng, i, j) -> f.value(i, j), false, null,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, coverage);
  }

  /**
   * This random draw restricted to {@code [lo, hi]}: a value outside is drawn again (rejection,
   * so a truncated normal keeps its shape inside the bounds).
   *
   * @throws IllegalArgumentException for a constant or a function, or when {@code lo > hi}
   */
  public SynapseInit truncated(double lo, double hi) {
    if (!random) {
      throw new IllegalArgumentException("truncated(" + lo + ", " + hi + ") applies to a random "
          + "draw (uniform, normal, lognormal), not to " + description);
    }
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
      throw new IllegalArgumentException("truncated needs lo <= hi, got [" + lo + ", " + hi + "]");
    }
    return new SynapseInit(description + ".truncated(" + lo + ", " + hi + ")", draw, true, seed,
        lo, hi, symmetric, coverage);
  }

  /** The same initialiser drawing from {@code seed} instead of the derived default. */
  public SynapseInit seed(long seed) {
    return new SynapseInit(description, draw, random, seed, lo, hi, symmetric, coverage);
  }

  /**
   * The same initialiser giving the synapses {@code i → j} and {@code j → i} one value: the one
   * drawn for whichever of the two comes first in CSR order (a function is called with the
   * smaller index first). With a {@link Symmetric} connector this makes a symmetric matrix, as
   * gap junctions need. Per presynaptic neuron ({@code @PerPre}) it changes nothing.
   */
  public SynapseInit symmetric() {
    return new SynapseInit(description + ".symmetric()", draw, random, seed, lo, hi, true,
        coverage);
  }

  /**
   * The seed used when none is given: mixed from the projection's and the variable's names
   * (their {@code String.hashCode}, fixed by the Java language), so it is the same in every run.
   */
  public static long defaultSeed(String projection, String variable) {
    return ((long) projection.hashCode() << 32) ^ (variable.hashCode() & 0xFFFFFFFFL)
        ^ 0x5EED5EED5EEDL;
  }

  /**
   * The values for elements with presynaptic indices {@code pre} and postsynaptic indices
   * {@code post} (null for {@code @PerPre}: every post is -1), in that order.
   *
   * @param defaultSeed the seed when none was given with {@link #seed(long)}
   * @param what names the variable in error messages, e.g. {@code E2I.w}
   * @throws IllegalArgumentException when a value is NaN (a function may return one), or a
   *     truncated draw keeps falling outside its bounds
   */
  public double[] values(int[] pre, int[] post, long defaultSeed, String what) {
    Rng rng = new Rng(seed != null ? seed : defaultSeed);
    double[] out = new double[pre.length];
    java.util.Map<Long, Double> pairs =
        symmetric && post != null ? new java.util.HashMap<>() : null;
    for (int k = 0; k < out.length; k++) {
      int j = post == null ? -1 : post[k];
      int i = pre[k];
      if (pairs != null) {
        Double mirrored = pairs.get(pairKey(i, j));
        if (mirrored != null) {
          out[k] = mirrored;
          continue;
        }
      }
      double v = draw(rng, pairs != null ? Math.min(i, j) : i,
          pairs != null ? Math.max(i, j) : j, what);
      for (int attempt = 1; v < lo || v > hi; attempt++) {
        if (attempt == 10_000) {
          throw new IllegalArgumentException(what + ": " + description + " drew 10000 values "
              + "outside its bounds in a row; widen the bounds or move them towards the mean");
        }
        v = draw(rng, pairs != null ? Math.min(i, j) : i, pairs != null ? Math.max(i, j) : j,
            what);
      }
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException(what + ": " + description + " gave NaN for the synapse"
            + " from " + pre[k] + (j < 0 ? "" : " to " + j) + "; every value must be a number");
      }
      out[k] = v;
      if (pairs != null) {
        pairs.put(pairKey(i, j), v);
      }
    }
    String leftOver = coverage == null ? null : coverage.leftOver(pre, post);
    if (leftOver != null) {
      throw new IllegalArgumentException(what + ": " + leftOver);
    }
    return out;
  }

  /** One value; a function's or a file's own error gains the variable's name (e.g. E2I.w). */
  private double draw(Rng rng, int i, int j, String what) {
    try {
      return draw.value(rng, i, j);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  private static long pairKey(int i, int j) {
    return ((long) Math.min(i, j) << 32) | Math.max(i, j);
  }

  @Override
  public String toString() {
    return "SynapseInit." + description + (seed == null ? "" : ".seed(" + seed + ")");
  }

  private static void finite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("SynapseInit: " + what + " must be finite, got " + v);
    }
  }

  private static void nonNegative(String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("SynapseInit: " + what + " must be finite and >= 0, got "
          + v);
    }
  }
}
