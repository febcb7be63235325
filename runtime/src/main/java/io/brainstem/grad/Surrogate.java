package io.brainstem.grad;

/**
 * The derivative a spike {@code S = H(θ)} passes backwards in place of Dirac's delta: a smooth
 * bump of the threshold margin {@code θ} (positive when the neuron spikes, e.g. {@code V − V_th}),
 * scaled by a slope {@code β} in inverse units of the margin.
 */
public final class Surrogate {
  /** The shape of the bump. */
  public enum Kind {
    /** {@code β·σ(βθ)·(1 − σ(βθ))}, the derivative of a logistic sigmoid. */
    SIGMOID,
    /** {@code 1/(1 + β|θ|)²}: SuperSpike's fast sigmoid (Zenke &amp; Ganguli 2018). */
    FAST_SIGMOID,
    /** {@code (β/2)/(1 + (πβθ/2)²)}, the derivative of {@code arctan(πβθ/2)/π} (snnTorch's). */
    ARCTAN
  }

  private final Kind kind;
  private final double slope;

  private Surrogate(Kind kind, double slope) {
    if (!(slope > 0) || Double.isInfinite(slope)) {
      throw new IllegalArgumentException("surrogate slope must be positive and finite, got "
          + slope + "; e.g. 10 per mV for a fast sigmoid of V - V_th");
    }
    this.kind = kind;
    this.slope = slope;
  }

  /**
   * The derivative of a sigmoid of slope {@code beta}.
   *
   * @param beta the slope
   * @return the surrogate
   */
  public static Surrogate sigmoid(double beta) {
    return new Surrogate(Kind.SIGMOID, beta);
  }

  /**
   * SuperSpike's fast sigmoid of slope {@code beta}.
   *
   * @param beta the slope
   * @return the surrogate
   */
  public static Surrogate fastSigmoid(double beta) {
    return new Surrogate(Kind.FAST_SIGMOID, beta);
  }

  /**
   * The arctan surrogate of slope {@code beta}.
   *
   * @param beta the slope
   * @return the surrogate
   */
  public static Surrogate arctan(double beta) {
    return new Surrogate(Kind.ARCTAN, beta);
  }

  /**
   * The shape.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The slope.
   *
   * @return β
   */
  public double slope() {
    return slope;
  }

  /**
   * {@code dS/dθ} at the margin {@code theta}.
   *
   * @param theta the threshold margin
   * @return the surrogate derivative
   */
  public double derivative(double theta) {
    return switch (kind) {
      case SIGMOID -> {
        double s = 1 / (1 + Math.exp(-slope * theta));
        yield slope * s * (1 - s);
      }
      case FAST_SIGMOID -> {
        double d = 1 + slope * Math.abs(theta);
        yield 1 / (d * d);
      }
      case ARCTAN -> {
        double x = Math.PI * slope * theta / 2;
        yield slope / 2 / (1 + x * x);
      }
    };
  }

  @Override
  public String toString() {
    return kind + "(" + slope + ")";
  }
}
