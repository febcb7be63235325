package io.brainstem.grad;

import io.brainstem.math.Exprel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * What generated vector backward loops ({@link BackwardKernel}) call besides {@code DoubleVector}
 * itself: the surrogate, the held (refractory) lanes, and exprel where its argument is per element.
 * Each lane gives the bits of the scalar loop's expression. Only loaded when the
 * {@code jdk.incubator.vector} module is present.
 */
public final class VectorAdjoint {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  /** A vector's worth of doubles per thread (loops may run on several threads). */
  private static final ThreadLocal<double[]> SCRATCH =
      ThreadLocal.withInitial(() -> new double[S.length()]);

  private VectorAdjoint() {}

  /**
   * {@link Surrogate#derivative} lane-wise, with the scalar's operations in its order; the sigmoid's
   * {@code exp} is {@link Math#exp} per lane, so every surrogate gives the scalar's bits.
   *
   * @param kind the surrogate's shape
   * @param slope its slope β
   * @param theta the lanes' threshold margins
   * @return {@code dS/dθ} per lane
   */
  public static DoubleVector surrogate(Surrogate.Kind kind, double slope, DoubleVector theta) {
    return switch (kind) {
      case FAST_SIGMOID -> {
        DoubleVector d = theta.abs().mul(slope).add(1.0);
        yield DoubleVector.broadcast(S, 1.0).div(d.mul(d));
      }
      case ARCTAN -> {
        DoubleVector x = theta.mul(Math.PI * slope).div(2.0);
        yield DoubleVector.broadcast(S, slope / 2).div(x.mul(x).add(1.0));
      }
      case SIGMOID -> {
        double[] lanes = SCRATCH.get();
        theta.intoArray(lanes, 0);
        for (int k = 0; k < lanes.length; k++) {
          double s = 1 / (1 + Math.exp(-slope * lanes[k]));
          lanes[k] = slope * s * (1 - s);
        }
        yield DoubleVector.fromArray(S, lanes, 0);
      }
    };
  }

  /**
   * The lanes of elements {@code i ..} held refractory during the step; none past {@code to}.
   *
   * @param refractory the frame's held flags, or null when none is ever held
   * @param i the first element of the vector
   * @param to one past the last element of the call
   * @return the held lanes
   */
  public static VectorMask<Double> held(boolean[] refractory, int i, int to) {
    if (refractory == null) {
      return S.maskAll(false);
    }
    if (i + S.length() <= to) {
      return VectorMask.fromArray(S, refractory, i);
    }
    long bits = 0;
    for (int k = 0; i + k < to; k++) {
      bits |= refractory[i + k] ? 1L << k : 0;
    }
    return VectorMask.fromLong(S, bits);
  }

  /**
   * {@code dt·exprel(z)} per lane, by the scalar {@link Exprel#exprel}.
   *
   * @param z the lanes' arguments
   * @param dt the step
   * @return the exponential Euler factors
   */
  public static DoubleVector exprelFactor(DoubleVector z, double dt) {
    double[] lanes = SCRATCH.get();
    z.intoArray(lanes, 0);
    for (int k = 0; k < lanes.length; k++) {
      lanes[k] = dt * Exprel.exprel(lanes[k]);
    }
    return DoubleVector.fromArray(S, lanes, 0);
  }

  /**
   * {@link Exprel#derivative} per lane.
   *
   * @param z the lanes' arguments
   * @return exprel'(z)
   */
  public static DoubleVector exprelDerivative(DoubleVector z) {
    double[] lanes = SCRATCH.get();
    z.intoArray(lanes, 0);
    for (int k = 0; k < lanes.length; k++) {
      lanes[k] = Exprel.derivative(lanes[k]);
    }
    return DoubleVector.fromArray(S, lanes, 0);
  }
}
