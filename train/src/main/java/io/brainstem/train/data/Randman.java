package io.brainstem.train.data;

import java.util.SplittableRandom;

/**
 * A smooth random manifold (Zenke &amp; Vogels 2021, Neural Computation 33:899, "randman"): a map
 * from the unit cube {@code [0, 1]^D} to {@code R^E} whose every output is a product, over the
 * {@code D} manifold coordinates, of a smooth random function of one variable, a sum of sinusoids
 * of random frequency and phase with amplitudes falling as a power law:
 *
 * <pre>
 *   f_e(x) = Π_d Σ_{i=0}^{F−1} a_{edi} · (i + 1)^−α · sin(2π (i · x_d · ν_{edi} + φ_{edi}))
 * </pre>
 *
 * with {@code a, ν, φ} drawn uniformly from {@code [0, 1)} and {@code a_{ed0} = 0} (no constant
 * offset). The exponent {@code α} sets the smoothness (2 in the paper); the number of terms is
 * {@code F = min(⌈p^(−1/α)⌉, 1000)} for a precision {@code p = 10⁻³} (32 terms at α = 2). The
 * parameters are drawn from a {@link SplittableRandom} of the seed in the order
 * {@code [e][d][a, ν, φ][i]}: the same seed gives the same manifold.
 */
public final class Randman {
  /** The precision {@code p} that sets the number of terms. */
  public static final double PRECISION = 1e-3;
  private static final int MAX_TERMS = 1000;

  private final int embedding;
  private final int manifold;
  private final double alpha;
  private final int terms;
  /** θ flat as {@code [e][d][3][F]}: amplitude, frequency, phase. */
  private final double[] theta;
  /** {@code (i + 1)^−α}. */
  private final double[] decay;

  /**
   * A random manifold of dimension {@code manifold} in {@code R^embedding}.
   *
   * @param embedding {@code E}, the output dimension (the units of a data set), at least 1
   * @param manifold {@code D}, the manifold dimension, at least 1
   * @param alpha {@code α}, the smoothness exponent, positive (2 in the paper)
   * @param seed the seed of its parameters
   */
  public Randman(int embedding, int manifold, double alpha, long seed) {
    this(embedding, manifold, alpha, draw(embedding, manifold, terms(alpha), seed));
  }

  /** A manifold with the given parameters {@code θ[e][d][3][F]} (the amplitudes used as given). */
  Randman(int embedding, int manifold, double alpha, double[] theta) {
    if (embedding < 1 || manifold < 1) {
      throw new IllegalArgumentException("randman dimensions E = " + embedding + ", D = "
          + manifold + ": pass at least 1 for each");
    }
    this.embedding = embedding;
    this.manifold = manifold;
    this.alpha = alpha;
    this.terms = terms(alpha);
    if (theta.length != embedding * manifold * 3 * terms) {
      throw new IllegalArgumentException("θ has " + theta.length + " values, E·D·3·F = "
          + embedding * manifold * 3 * terms + " expected");
    }
    this.theta = theta;
    this.decay = new double[terms];
    for (int i = 0; i < terms; i++) {
      decay[i] = Math.pow(i + 1, -alpha);
    }
  }

  static int terms(double alpha) {
    if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("randman smoothness α = " + alpha
          + ": pass a positive exponent (2 in Zenke & Vogels 2021)");
    }
    return (int) Math.min(Math.ceil(Math.pow(PRECISION, -1 / alpha)), MAX_TERMS);
  }

  private static double[] draw(int embedding, int manifold, int terms, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] theta = new double[Math.max(0, embedding * manifold * 3 * terms)];
    for (int k = 0; k < theta.length; k++) {
      theta[k] = rng.nextDouble();
    }
    for (int ed = 0; ed < embedding * manifold; ed++) {
      theta[ed * 3 * terms] = 0; // a_{ed0}: no constant offset
    }
    return theta;
  }

  /**
   * The point of the manifold at coordinates {@code x}.
   *
   * @param x {@code D} coordinates, in {@code [0, 1]}
   * @param out the {@code E} outputs
   */
  public void evaluate(double[] x, double[] out) {
    if (x.length != manifold || out.length != embedding) {
      throw new IllegalArgumentException("x has " + x.length + " coordinates and out "
          + out.length + " values: pass D = " + manifold + " and E = " + embedding);
    }
    for (int e = 0; e < embedding; e++) {
      double product = 1;
      for (int d = 0; d < manifold; d++) {
        int base = (e * manifold + d) * 3 * terms;
        double sum = 0;
        for (int i = 0; i < terms; i++) {
          double a = theta[base + i];
          double nu = theta[base + terms + i];
          double phi = theta[base + 2 * terms + i];
          sum += a * decay[i] * Math.sin(2 * Math.PI * (i * x[d] * nu + phi));
        }
        product *= sum;
      }
      out[e] = product;
    }
  }

  /**
   * {@code F}, the number of sinusoids per coordinate function.
   *
   * @return the number of terms
   */
  public int terms() {
    return terms;
  }

  /**
   * {@code E}, the output dimension.
   *
   * @return the embedding dimension
   */
  public int embedding() {
    return embedding;
  }

  /**
   * {@code D}, the manifold dimension.
   *
   * @return the manifold dimension
   */
  public int manifold() {
    return manifold;
  }

  /**
   * {@code α}, the smoothness exponent.
   *
   * @return the exponent
   */
  public double alpha() {
    return alpha;
  }
}
