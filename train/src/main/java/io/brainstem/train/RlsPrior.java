package io.brainstem.train;

/**
 * How α sets the initial inverse correlation matrix {@code P(0)} of recursive least squares. The
 * two conventions in use are reciprocal: the same run needs {@code α} in one and {@code 1/α} in the
 * other. After the samples {@code r₁…r_T} with a priori updates from {@code w = 0},
 * {@code P = (P(0)⁻¹ + Σ r rᵀ)⁻¹}, so the readout is the ridge solution with penalty
 * {@code 1/P(0)}: {@code α} under {@link #PAPER}, {@code 1/α} under {@link #BRAINPY}.
 */
public enum RlsPrior {
  /** {@code P(0) = I/α} (Sussillo &amp; Abbott 2009: α is "the learning rate", 1–100; α = ridge penalty). */
  PAPER,
  /** {@code P(0) = α·I} (BrainPy's {@code RLS}/{@code ForceTrainer}; α = 1/ridge penalty). */
  BRAINPY;

  /** The diagonal value of {@code P(0)} for {@code alpha}. */
  public double diagonal(double alpha) {
    return this == PAPER ? 1 / alpha : alpha;
  }
}
