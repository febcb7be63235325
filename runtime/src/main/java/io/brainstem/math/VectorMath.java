package io.brainstem.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What generated vector kernels use besides {@code DoubleVector} itself: per-thread buffers and
 * the scalar redo of far {@code exprel} lanes. Only loaded when the {@code jdk.incubator.vector}
 * module is present.
 */
public final class VectorMath {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  /** A vector's worth of doubles per thread (kernels may run on several threads). */
  private static final ThreadLocal<double[]> SCRATCH =
      ThreadLocal.withInitial(() -> new double[S.length()]);
  /** Per thread, a holder of the carry buffer (grown on demand). */
  private static final ThreadLocal<double[][]> CARRY = ThreadLocal.withInitial(() -> new double[1][0]);
  /** Per thread, the rows' steps of the current Runge–Kutta step ({@link #steps}). */
  private static final ThreadLocal<double[]> STEPS =
      ThreadLocal.withInitial(() -> new double[RungeKutta.MAX_STAGES + 1]);

  private VectorMath() {}

  /** Doubles per preferred vector on this machine. */
  public static int lanes() {
    return S.length();
  }

  /**
   * The calling thread's buffer of at least {@code doubles}, for kernels that run as several loops
   * to hand values from one loop to the next (allocated once, then reused).
   */
  public static double[] carry(int doubles) {
    double[][] holder = CARRY.get();
    if (holder[0].length < doubles) {
      holder[0] = new double[doubles];
    }
    return holder[0];
  }

  /**
   * For vector kernels, after a loop stored {@code dt·exprel(z)} by the Taylor polynomial into
   * {@code carry[factorAt ..]} for the {@code z} in {@code carry[zAt ..]} ({@code n} of each):
   * recomputes, with the scalar {@link Exprel#exprel}, the factors of the lanes with
   * {@code |z| ≥ 0.5} (or NaN), where the polynomial is not exact. Then every factor is the scalar
   * kernel's, bit for bit.
   */
  public static void exprelFar(double[] carry, int zAt, int factorAt, int n, double dt) {
    for (int k = 0; k < n; k++) {
      double z = carry[zAt + k];
      if (!(Math.abs(z) < 0.5)) {
        carry[factorAt + k] = dt * Exprel.exprel(z);
      }
    }
  }

  /**
   * As {@link #exprelFar}, for kernels that already call the vector library (their {@code exp}
   * is the vector one, within ulps of the scalar kernel's): the lanes with {@code |z| ≥ 0.5} get
   * {@code dt·(e^z − 1)/z}, the scalar formula with the vector {@code EXP}, a whole vector at a
   * time. Hodgkin–Huxley's gates sit there at every step (COBAHH's m: {@code |z| ≈ 1} at rest),
   * where one scalar {@code Math.exp} per lane had cost a quarter of the step.
   */
  public static void exprelFarLanewise(double[] carry, int zAt, int factorAt, int n, double dt) {
    final VectorSpecies<Double> s = DoubleVector.SPECIES_PREFERRED;
    int k = 0;
    for (; k < s.loopBound(n); k += s.length()) {
      final DoubleVector z = DoubleVector.fromArray(s, carry, zAt + k);
      final VectorMask<Double> far = z.abs().compare(VectorOperators.LT, 0.5).not();
      if (far.anyTrue()) { // no vector leaves the branch: C2 keeps them all in registers
        final DoubleVector factor = z.lanewise(VectorOperators.EXP).sub(1.0).div(z).mul(dt);
        DoubleVector.fromArray(s, carry, factorAt + k).blend(factor, far)
            .intoArray(carry, factorAt + k);
      }
    }
    exprelFar(carry, zAt + k, factorAt + k, n - k, dt);
  }

  /**
   * exprel's Taylor polynomial at {@code z} lane-wise, by Estrin's scheme and two Horner steps, fused
   * multiply-adds in the scalar {@link Exprel#exprel}'s order (so bit for bit its value where {@code |z| < 0.5}; the kernels
   * redo the other lanes with {@link #exprelFar}). One method, not 15 lines in every kernel: C2
   * inlines it into the kernel's loop.
   *
   * @param z the lanes' arguments
   * @return exprel(z) by the polynomial
   */
  public static DoubleVector exprelTaylor(DoubleVector z) {
    // Exprel.exprel's operations in its order: P by Estrin, then two Horner steps
    final DoubleVector z2 = z.mul(z);
    final DoubleVector z4 = z2.mul(z2);
    final DoubleVector z8 = z4.mul(z4);
    final DoubleVector q0 = z.fma(Exprel.TAYLOR_3, Exprel.TAYLOR_2);
    final DoubleVector q1 = z.fma(Exprel.TAYLOR_5, Exprel.TAYLOR_4);
    final DoubleVector q2 = z.fma(Exprel.TAYLOR_7, Exprel.TAYLOR_6);
    final DoubleVector q3 = z.fma(Exprel.TAYLOR_9, Exprel.TAYLOR_8);
    final DoubleVector q4 = z.fma(Exprel.TAYLOR_11, Exprel.TAYLOR_10);
    final DoubleVector q5 = z.fma(Exprel.TAYLOR_13, Exprel.TAYLOR_12);
    final DoubleVector r0 = q1.fma(z2, q0);
    final DoubleVector r1 = q3.fma(z2, q2);
    final DoubleVector r2 = q5.fma(z2, q4);
    final DoubleVector s0 = r1.fma(z4, r0);
    final DoubleVector s1 = z4.fma(z4.broadcast(Exprel.TAYLOR_14), r2);
    final DoubleVector p = s1.fma(z8, s0);
    return p.fma(z, z.broadcast(Exprel.TAYLOR_1)).fma(z, z.broadcast(Exprel.TAYLOR_0));
  }

  /**
   * For the vector kernels of the explicit Runge–Kutta methods: the states of stage {@code s} of
   * {@code method} for elements {@code [from, to)}, {@link RungeKutta#stage} lane-wise. Element
   * {@code i}'s slope of stage {@code j} is at {@code buffer[k + j·stride + (i − from)]}, its stage
   * state goes to {@code buffer[out + (i − from)]}; {@code s == method.stages()} gives the step's
   * results ({@link RungeKutta#step}). One vector loop per term, each element's operations in the
   * scalar order: {@code y + h·((w_0·k_0 + w_1·k_1) + ...)}.
   *
   * @param method the method
   * @param s the stage, or {@code method.stages()} for the results
   * @param y the states at the start of the step
   * @param from the first element
   * @param to past the last element
   * @param buffer the block's carry buffer
   * @param out where the stage states go in {@code buffer}
   * @param k where stage 0's slopes are in {@code buffer}
   * @param stride the distance from one stage's slopes to the next's
   * @param dt the step
   */
  public static void rungeKutta(RungeKutta method, int s, double[] y, int from, int to,
      double[] buffer, int out, int k, int stride, double dt) {
    if (sum(method.row(s), to - from, buffer, out, k, stride)) {
      double h = method.row(s).step(dt);
      int n = to - from;
      int at = 0;
      for (; at <= n - S.length(); at += S.length()) {
        DoubleVector.fromArray(S, y, from + at)
            .add(DoubleVector.fromArray(S, buffer, out + at).mul(h)).intoArray(buffer, out + at);
      }
      for (; at < n; at++) {
        buffer[out + at] = y[from + at] + h * buffer[out + at];
      }
    } else {
      System.arraycopy(y, from, buffer, out, to - from);
    }
  }

  /**
   * The calling thread's step of every row of {@code method} for {@code dt}: {@code [s]} that of
   * row {@code s} (the state of stage {@code s}; {@code [method.stages()]} the result's), as the
   * scalar {@link RungeKutta#stage} rounds it. The unrolled kernels read it once per step.
   *
   * @param method the method
   * @param dt the step
   * @return the steps, reused by the next call on this thread
   */
  public static double[] steps(RungeKutta method, double dt) {
    double[] steps = STEPS.get();
    for (int s = 0; s <= method.stages(); s++) {
      steps[s] = method.row(s).step(dt);
    }
    return steps;
  }

  /*
   * Row s of a tableau, lane-wise, for the vector kernels that keep a vector's slopes in
   * registers: the state of stage s from the slopes k_0 .. k_{s-1}, or the step's result when s is
   * the method's number of stages. Every row of the methods is either the last slope alone (weight
   * 1, RungeKutta checks it) or all of them: each lane performs the scalar RungeKutta.stage's
   * operations in its order, y + h·((w_0·k_0 + w_1·k_1) + ...), 1·k being k. One method per row,
   * so that each has its own branch profile (C2 compiles the branch a method takes only).
   */

  /**
   * Row 1: {@code y + h·k_0}.
   *
   * @param method the method
   * @param y the states at the start of the step
   * @param k0 the slopes of stage 0
   * @param steps {@link #steps} of {@code method}
   * @return the states of stage 1, or EULER's results
   */
  public static DoubleVector row1(RungeKutta method, DoubleVector y, DoubleVector k0,
      double[] steps) {
    return y.add(k0.mul(steps[1]));
  }

  /**
   * Row 2, of the slopes of stages 0 and 1.
   *
   * @param method the method
   * @param y the states at the start of the step
   * @param k0 the slopes of stage 0
   * @param k1 the slopes of stage 1
   * @param steps {@link #steps} of {@code method}
   * @return the states of stage 2, or the results of a two-stage method
   */
  public static DoubleVector row2(RungeKutta method, DoubleVector y, DoubleVector k0,
      DoubleVector k1, double[] steps) {
    double[] w = method.row(2).weights();
    if (w.length == 1) {
      return y.add(k1.mul(steps[2]));
    }
    return y.add(k0.mul(w[0]).add(k1.mul(w[1])).mul(steps[2]));
  }

  /**
   * Row 3, of the slopes of stages 0 to 2.
   *
   * @param method the method
   * @param y the states at the start of the step
   * @param k0 the slopes of stage 0
   * @param k1 the slopes of stage 1
   * @param k2 the slopes of stage 2
   * @param steps {@link #steps} of {@code method}
   * @return the states of stage 3, or the results of a three-stage method
   */
  public static DoubleVector row3(RungeKutta method, DoubleVector y, DoubleVector k0,
      DoubleVector k1, DoubleVector k2, double[] steps) {
    double[] w = method.row(3).weights();
    if (w.length == 1) {
      return y.add(k2.mul(steps[3]));
    }
    return y.add(k0.mul(w[0]).add(k1.mul(w[1])).add(k2.mul(w[2])).mul(steps[3]));
  }

  /**
   * Row 4, of the slopes of stages 0 to 3: the results of a four-stage method.
   *
   * @param method the method
   * @param y the states at the start of the step
   * @param k0 the slopes of stage 0
   * @param k1 the slopes of stage 1
   * @param k2 the slopes of stage 2
   * @param k3 the slopes of stage 3
   * @param steps {@link #steps} of {@code method}
   * @return the results
   */
  public static DoubleVector row4(RungeKutta method, DoubleVector y, DoubleVector k0,
      DoubleVector k1, DoubleVector k2, DoubleVector k3, double[] steps) {
    double[] w = method.row(4).weights();
    if (w.length == 1) {
      return y.add(k3.mul(steps[4]));
    }
    return y.add(k0.mul(w[0]).add(k1.mul(w[1])).add(k2.mul(w[2])).add(k3.mul(w[3]))
        .mul(steps[4]));
  }

  /**
   * {@link #rungeKutta(RungeKutta, int, double[], int, int, double[], int, int, int, double)} over
   * float states, widened.
   *
   * @param method the method
   * @param s the stage, or {@code method.stages()} for the results
   * @param y the states at the start of the step
   * @param from the first element
   * @param to past the last element
   * @param buffer the block's carry buffer
   * @param out where the stage states go in {@code buffer}
   * @param k where stage 0's slopes are in {@code buffer}
   * @param stride the distance from one stage's slopes to the next's
   * @param dt the step
   */
  public static void rungeKutta(RungeKutta method, int s, float[] y, int from, int to,
      double[] buffer, int out, int k, int stride, double dt) {
    int n = to - from;
    if (sum(method.row(s), n, buffer, out, k, stride)) {
      double h = method.row(s).step(dt);
      for (int at = 0; at < n; at++) {
        buffer[out + at] = y[from + at] + h * buffer[out + at];
      }
    } else {
      for (int at = 0; at < n; at++) {
        buffer[out + at] = y[from + at];
      }
    }
  }

  /** {@code Σ w_j·k_j} of {@code row} into {@code buffer[out ..]}; false for an empty row. */
  private static boolean sum(RungeKutta.Row row, int n, double[] buffer, int out, int k,
      int stride) {
    int[] stages = row.stages();
    if (stages.length == 0) {
      return false;
    }
    double[] weights = row.weights();
    double w0 = weights[0];
    int first = k + stages[0] * stride;
    int at = 0;
    for (; at <= n - S.length(); at += S.length()) {
      DoubleVector.fromArray(S, buffer, first + at).mul(w0).intoArray(buffer, out + at);
    }
    for (; at < n; at++) {
      buffer[out + at] = w0 * buffer[first + at];
    }
    for (int j = 1; j < stages.length; j++) {
      double w = weights[j];
      int slopes = k + stages[j] * stride;
      at = 0;
      for (; at <= n - S.length(); at += S.length()) {
        DoubleVector.fromArray(S, buffer, out + at)
            .add(DoubleVector.fromArray(S, buffer, slopes + at).mul(w)).intoArray(buffer, out + at);
      }
      for (; at < n; at++) {
        buffer[out + at] = buffer[out + at] + w * buffer[slopes + at];
      }
    }
    return true;
  }

  /** The calling thread's scratch buffer of one vector (kernels pass per-lane values through it). */
  public static double[] scratch() {
    return SCRATCH.get();
  }

  /**
   * Records the spikes of a range's vectors that fired: for each first neuron {@code i} in {@code
   * vectors[from .. vectorsEnd)}, {@code spike[i + k]} and the index of each of its {@code n} lanes
   * with {@code flags[i + k] != 0} after {@code spikeIndex[spikeEnd - 1]}, in order. The kernels
   * clear {@code spike} over the range first.
   *
   * @return the new end of the spike list
   */
  public static int recordFlagged(double[] flags, int[] vectors, int from, int vectorsEnd, int n,
      boolean[] spike, int[] spikeIndex, int spikeEnd) {
    return recordFlagged(flags, vectors, from, vectorsEnd, n, spike, spikeIndex, spikeEnd, null, 0);
  }

  /**
   * As {@link #recordFlagged(double[], int[], int, int, int, boolean[], int[], int)}, and sets
   * {@code tLastSpike[k] = t} for each recorded lane {@code k} unless {@code tLastSpike} is null:
   * the kernels write the last spike time per spike here rather than a blended vector in every
   * vector of their loop.
   *
   * @return the new end of the spike list
   */
  public static int recordFlagged(double[] flags, int[] vectors, int from, int vectorsEnd, int n,
      boolean[] spike, int[] spikeIndex, int spikeEnd, double[] tLastSpike, double t) {
    for (int v = from; v < vectorsEnd; v++) {
      final int i = vectors[v];
      for (int k = i; k < i + n; k++) {
        if (flags[k] != 0.0) {
          spike[k] = true;
          if (tLastSpike != null) {
            tLastSpike[k] = t;
          }
          spikeIndex[spikeEnd++] = k;
        }
      }
    }
    return spikeEnd;
  }
}
