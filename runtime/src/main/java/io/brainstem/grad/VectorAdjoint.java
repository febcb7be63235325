package io.brainstem.grad;

import io.brainstem.math.Exprel;
import io.brainstem.math.VectorMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What generated vector backward loops ({@link BackwardKernel}) call besides {@code DoubleVector}
 * itself, outside their loops' bodies (a call in a body boxes the vectors live across it once C2
 * stops inlining): the lanes buffer, the held (refractory) flags, and the padded frame of a call's
 * last, partial vector; and the lane-wise exprel the loops spell out. Each lane gives the bits of
 * the scalar loop's expression. Only loaded when the {@code jdk.incubator.vector} module is
 * present.
 */
public final class VectorAdjoint {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  /** A vector's worth of doubles per thread (loops may run on several threads). */
  private static final ThreadLocal<double[]> SCRATCH =
      ThreadLocal.withInitial(() -> new double[2 * S.length()]);

  /**
   * Lanes the generated loops compute one by one in straight-line code (no loop, no call: a
   * safepoint in a loop body boxes the vectors live across it); wider vectors' further lanes call
   * the methods below.
   */
  public static final int SPELLED_OUT = 8;

  private VectorAdjoint() {}

  /**
   * The calling thread's buffer of two vectors, through which generated loops compute rare lanes
   * (exprel's far arguments, the sigmoid surrogate) with scalar code.
   *
   * @return the buffer
   */
  public static double[] lanes() {
    return SCRATCH.get();
  }

  /** Zeros, shared (never written), grown when a longer call needs them. */
  private static volatile double[] zeros = new double[0];

  /**
   * The spike adjoints the generated loops load: the frame's, or, when it has none, zeros for
   * elements {@code [0, to)} (a load, not a branch on null: see {@link #heldFlags}).
   *
   * @param adjSpike the frame's spike adjoints, or null
   * @param to one past the last element the call reads
   * @return {@code adjSpike}, or zeros of at least {@code to} elements
   */
  public static double[] zerosIfNull(double[] adjSpike, int to) {
    if (adjSpike != null) {
      return adjSpike;
    }
    double[] none = zeros;
    if (none.length < to) {
      none = new double[Math.max(to, 2 * none.length)];
      zeros = none;
    }
    return none;
  }

  /** Flags all false, shared (never written), grown when a longer call needs them. */
  private static volatile boolean[] noneHeld = new boolean[0];

  /**
   * The held flags the generated loops read their {@code held} mask from: the frame's, or, when
   * it has none, false flags for elements {@code [0, to)}. The loops load the mask inline
   * ({@code VectorMask.fromArray}) and blend with it unconditionally: a call C2 does not inline
   * returns its mask boxed, and a vector that two paths merge may be boxed (40 to 64 bytes per
   * vector).
   *
   * @param refractory the frame's held flags, or null
   * @param to one past the last element the call reads
   * @return {@code refractory}, or all-false flags of at least {@code to} elements
   */
  public static boolean[] heldFlags(boolean[] refractory, int to) {
    if (refractory != null) {
      return refractory;
    }
    boolean[] none = noneHeld;
    if (none.length < to) {
      none = new boolean[Math.max(to, 2 * none.length)];
      noneHeld = none;
    }
    return none;
  }

  /**
   * A frame of one vector's elements, for the last, partial vector of a call.
   *
   * @param states the model's number of states
   * @param inputs its number of inputs
   * @param params its number of parameters
   * @return a zeroed frame of one vector's lanes
   */
  public static AdjointFrame tailFrame(int states, int inputs, int params) {
    int lanes = S.length();
    return new AdjointFrame(new BackwardStep() {
      @Override
      public java.util.List<String> states() {
        return java.util.Collections.nCopies(states, "state");
      }

      @Override
      public java.util.List<String> inputs() {
        return java.util.Collections.nCopies(inputs, "input");
      }

      @Override
      public java.util.List<String> params() {
        return java.util.Collections.nCopies(params, "param");
      }

      @Override
      public int size() {
        return lanes;
      }

      @Override
      public void backward(AdjointFrame frame, int from, int to) {
        throw new UnsupportedOperationException("a shape only");
      }
    });
  }

  /**
   * Copies elements {@code [from, to)} of {@code frame} (fewer than a vector) into {@code tail}'s
   * first lanes, and the last of them into the other lanes, whose results are dropped.
   *
   * @param tail a frame from {@link #tailFrame}
   * @param frame the call's frame
   * @param from the first element of the partial vector
   * @param to one past its last element
   * @return {@code tail}
   */
  public static AdjointFrame tailIn(AdjointFrame tail, AdjointFrame frame, int from, int to) {
    tail.dt = frame.dt;
    tail.t = frame.t;
    tail.surrogate = frame.surrogate;
    tail.detachReset = frame.detachReset;
    int lanes = S.length();
    for (int k = 0; k < lanes; k++) {
      int i = Math.min(from + k, to - 1);
      for (int s = 0; s < tail.state.length; s++) {
        tail.state[s][k] = frame.state[s][i];
        tail.adjState[s][k] = frame.adjState[s][i];
      }
      for (int s = 0; s < tail.input.length; s++) {
        tail.input[s][k] = frame.input[s][i];
      }
      for (int p = 0; p < tail.gradParam.length; p++) {
        tail.gradParam[p][k] = frame.gradParam[p][i];
      }
    }
    if (frame.refractory == null) {
      tail.refractory = null;
    } else {
      boolean[] held = tail.refractory == null ? new boolean[lanes] : tail.refractory;
      for (int k = 0; k < lanes; k++) {
        held[k] = frame.refractory[Math.min(from + k, to - 1)];
      }
      tail.refractory = held;
    }
    if (frame.adjSpike == null) {
      tail.adjSpike = null;
    } else {
      double[] adjSpike = tail.adjSpike == null ? new double[lanes] : tail.adjSpike;
      for (int k = 0; k < lanes; k++) {
        adjSpike[k] = frame.adjSpike[Math.min(from + k, to - 1)];
      }
      tail.adjSpike = adjSpike;
    }
    return tail;
  }

  /**
   * Copies the results of {@link #tailIn}'s elements back into {@code frame}.
   *
   * @param tail the tail frame, after the backward step
   * @param frame the call's frame
   * @param from the first element of the partial vector
   * @param to one past its last element
   */
  public static void tailOut(AdjointFrame tail, AdjointFrame frame, int from, int to) {
    for (int k = 0; from + k < to; k++) {
      int i = from + k;
      for (int s = 0; s < tail.adjState.length; s++) {
        frame.adjState[s][i] = tail.adjState[s][k];
      }
      for (int s = 0; s < tail.adjInput.length; s++) {
        frame.adjInput[s][i] = tail.adjInput[s][k];
      }
      for (int p = 0; p < tail.gradParam.length; p++) {
        frame.gradParam[p][i] = tail.gradParam[p][k];
      }
    }
  }

  /**
   * {@code dt·exprel(z)} lane-wise: {@link VectorMath#exprelTaylor} (the forward kernels'
   * polynomial, bit for bit the scalar {@link Exprel#exprel} where {@code |z| < 0.5}), and the
   * scalar function for the rare lanes beyond (or NaN), so every lane is the scalar loop's value.
   *
   * <p>The generated loops spell this out (a call past C2's node budget would box its vectors);
   * this is the reference {@code VectorAdjointTest} checks against the scalar function.
   *
   * @param z the arguments
   * @param dt the step
   * @param lanes the thread's buffer of two vectors ({@link #lanes()})
   * @return the factors
   */
  public static DoubleVector exprelFactor(DoubleVector z, double dt, double[] lanes) {
    // through memory, not two returns: C2 (JDK 17) boxes a vector that two paths merge
    VectorMath.exprelTaylor(z).mul(dt).intoArray(lanes, 0);
    z.intoArray(lanes, S.length()); // nor passes a vector to a call (a box)
    if (!z.abs().compare(VectorOperators.LT, 0.5).allTrue()) {
      exprelFactors(lanes, dt);
    }
    return DoubleVector.fromArray(S, lanes, 0);
  }

  /**
   * {@link Exprel#derivative} lane-wise: its series by fused Horner steps in the scalar's order
   * where {@code |z| < 0.5} (bit for bit the scalar's), the scalar closed form for the other lanes.
   *
   * @param z the arguments
   * @param lanes the thread's buffer of two vectors ({@link #lanes()})
   * @return the derivatives
   */
  public static DoubleVector exprelDerivative(DoubleVector z, double[] lanes) {
    DoubleVector p = z.fma(14 * Exprel.TAYLOR_14, 13 * Exprel.TAYLOR_13);
    p = p.fma(z, z.broadcast(12 * Exprel.TAYLOR_12));
    p = p.fma(z, z.broadcast(11 * Exprel.TAYLOR_11));
    p = p.fma(z, z.broadcast(10 * Exprel.TAYLOR_10));
    p = p.fma(z, z.broadcast(9 * Exprel.TAYLOR_9));
    p = p.fma(z, z.broadcast(8 * Exprel.TAYLOR_8));
    p = p.fma(z, z.broadcast(7 * Exprel.TAYLOR_7));
    p = p.fma(z, z.broadcast(6 * Exprel.TAYLOR_6));
    p = p.fma(z, z.broadcast(5 * Exprel.TAYLOR_5));
    p = p.fma(z, z.broadcast(4 * Exprel.TAYLOR_4));
    p = p.fma(z, z.broadcast(3 * Exprel.TAYLOR_3));
    p = p.fma(z, z.broadcast(2 * Exprel.TAYLOR_2));
    p = p.fma(z, z.broadcast(Exprel.TAYLOR_1));
    p.intoArray(lanes, 0);
    z.intoArray(lanes, S.length());
    if (!z.abs().compare(VectorOperators.LT, 0.5).allTrue()) {
      exprelDerivatives(lanes);
    }
    return DoubleVector.fromArray(S, lanes, 0);
  }

  // the rare paths out of line, so that C2 inlines the two above (arrays cross, not vectors)
  private static void exprelFactors(double[] lanes, double dt) {
    exprelFactors(lanes, dt, 0);
  }

  private static void exprelDerivatives(double[] lanes) {
    exprelDerivatives(lanes, 0);
  }

  /**
   * Lanes {@code from ..} of {@code dt·exprel(z)} by the scalar {@link Exprel#exprel}, for
   * {@code z} in the buffer's second vector: for vectors wider than the {@value #SPELLED_OUT}
   * lanes generated loops spell out (there, the call boxes the vectors live across it).
   *
   * @param lanes the thread's buffer ({@link #lanes()})
   * @param dt the step
   * @param from the first lane
   */
  public static void exprelFactors(double[] lanes, double dt, int from) {
    for (int k = from; k < S.length(); k++) {
      lanes[k] = dt * Exprel.exprel(lanes[S.length() + k]);
    }
  }

  /**
   * Lanes {@code from ..} of {@link Exprel#derivative}, as {@link #exprelFactors(double[], double,
   * int)}.
   *
   * @param lanes the thread's buffer ({@link #lanes()})
   * @param from the first lane
   */
  public static void exprelDerivatives(double[] lanes, int from) {
    for (int k = from; k < S.length(); k++) {
      lanes[k] = Exprel.derivative(lanes[S.length() + k]);
    }
  }

  /**
   * Lanes {@code from ..} of the sigmoid surrogate's derivative at the margins in
   * {@code lanes}, in {@link Surrogate#derivative}'s operations, for vectors wider than the
   * {@value #SPELLED_OUT} lanes generated loops spell out.
   *
   * @param lanes the thread's buffer ({@link #lanes()}), margins in, derivatives out
   * @param slope the slope β
   * @param from the first lane
   */
  public static void sigmoids(double[] lanes, double slope, int from) {
    for (int k = from; k < S.length(); k++) {
      double s = 1 / (1 + Math.exp(-slope * lanes[k]));
      lanes[k] = slope * s * (1 - s);
    }
  }
}
