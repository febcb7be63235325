package io.brainstem.math;

import io.brainstem.annotations.Integrator;
import java.util.EnumMap;
import java.util.Map;

/**
 * An explicit Runge–Kutta method driven from its Butcher tableau, shared by every generated loop:
 * a model's loop evaluates its right-hand side once per stage and leaves the stage states, stage
 * times and the step's combination to this class, so that the scalar, float and debug loops use
 * the same operations in the same order and stay bit-identical by construction ({@link VectorMath}
 * does them lane-wise over a block for the vector kernels).
 *
 * <p>Each row of the tableau is kept as a step constant {@code h = p·dt/q} and integer weights
 * {@code w_j}, evaluated as {@code y + h·(w_0·k_0 + w_1·k_1 + ...)} left to right, skipping zero
 * weights: RK4's step is {@code y + (dt/6)·(k1 + 2·k2 + 2·k3 + k4)}.
 */
public final class RungeKutta {
  private static final Map<Integrator, RungeKutta> METHODS = new EnumMap<>(Integrator.class);

  /** The most stages a method has (RK4): a vector kernel's slope slots per state. */
  public static final int MAX_STAGES = 4;

  /** Elements per block of the scalar loops: a block's stages stay in the cache. */
  public static final int BLOCK = 256;

  /** Per thread, the stage buffers of each state number (grown on demand). */
  private static final ThreadLocal<double[][][]> BUFFERS =
      ThreadLocal.withInitial(() -> new double[0][][]);

  static {
    METHODS.put(Integrator.EULER, new RungeKutta(new long[][] {{0, 1}},
        new long[][][] {{}}, new long[][] {{1, 1}}));
    METHODS.put(Integrator.MIDPOINT, new RungeKutta(new long[][] {{0, 1}, {1, 2}},
        new long[][][] {{}, {{1, 2}}}, new long[][] {{0, 1}, {1, 1}}));
    METHODS.put(Integrator.HEUN, new RungeKutta(new long[][] {{0, 1}, {1, 1}},
        new long[][][] {{}, {{1, 1}}}, new long[][] {{1, 2}, {1, 2}}));
    METHODS.put(Integrator.RALSTON2, new RungeKutta(new long[][] {{0, 1}, {2, 3}},
        new long[][][] {{}, {{2, 3}}}, new long[][] {{1, 4}, {3, 4}}));
    METHODS.put(Integrator.RK3, new RungeKutta(new long[][] {{0, 1}, {1, 2}, {1, 1}},
        new long[][][] {{}, {{1, 2}}, {{-1, 1}, {2, 1}}},
        new long[][] {{1, 6}, {2, 3}, {1, 6}}));
    METHODS.put(Integrator.RK4, new RungeKutta(new long[][] {{0, 1}, {1, 2}, {1, 2}, {1, 1}},
        new long[][][] {{}, {{1, 2}}, {{0, 1}, {1, 2}}, {{0, 1}, {0, 1}, {1, 1}}},
        new long[][] {{1, 6}, {1, 3}, {1, 3}, {1, 6}}));
    METHODS.put(Integrator.RK4_38, new RungeKutta(new long[][] {{0, 1}, {1, 3}, {2, 3}, {1, 1}},
        new long[][][] {{}, {{1, 3}}, {{-1, 3}, {1, 1}}, {{1, 1}, {-1, 1}, {1, 1}}},
        new long[][] {{1, 8}, {3, 8}, {3, 8}, {1, 8}}));
  }

  /** Per stage: the fraction of dt of its time, or null for {@code c = 0}. */
  private final Row[] times;
  /** Per stage: its state's row (stage 0 has none). */
  private final Row[] stages;
  private final Row weights;

  private RungeKutta(long[][] c, long[][][] a, long[][] b) {
    times = new Row[c.length];
    stages = new Row[a.length];
    for (int s = 0; s < c.length; s++) {
      times[s] = c[s][0] == 0 ? null : Row.of(new long[][] {c[s]});
      stages[s] = Row.of(a[s]);
    }
    weights = Row.of(b);
    for (int s = 1; s <= stages.length; s++) {
      int[] terms = row(s).stages();
      boolean lastAlone = terms.length == 1 && terms[0] == s - 1 && row(s).weights()[0] == 1;
      boolean all = terms.length == s;
      if (!lastAlone && !all) { // VectorMath.row1 .. row4 rely on it
        throw new IllegalStateException("row " + s + " reads neither its last slope alone nor all");
      }
    }
  }

  /**
   * The method {@code integrator} names.
   *
   * @param integrator an explicit Runge–Kutta method
   * @return its tableau
   * @throws IllegalArgumentException for the exponential integrators, which have no stages
   */
  public static RungeKutta of(Integrator integrator) {
    RungeKutta method = METHODS.get(integrator);
    if (method == null) {
      throw new IllegalArgumentException(
          integrator + " is not an explicit Runge–Kutta method; its loops are generated apart");
    }
    return method;
  }

  /**
   * The number of stages.
   *
   * @return how many times a step evaluates the right-hand side
   */
  public int stages() {
    return stages.length;
  }

  /**
   * A buffer for one variable's stage slopes.
   *
   * @return a new array of {@link #stages()} slopes
   */
  public double[] slopes() {
    return new double[stages.length];
  }

  /**
   * The time of stage {@code s}: {@code t + c_s·dt}.
   *
   * @param s the stage, from 0
   * @param t the step's start time
   * @param dt the step
   * @return the stage time
   */
  public double time(int s, double t, double dt) {
    Row c = times[s];
    return c == null ? t : t + c.step(dt);
  }

  /**
   * The state of stage {@code s}: {@code y + dt·Σ_j a_sj·k_j} over the earlier stages' slopes.
   *
   * @param s the stage, from 0
   * @param y the state at the start of the step
   * @param k the variable's slopes, {@code k[j]} of stage {@code j}
   * @param dt the step
   * @return the stage state ({@code y} itself for the first stage)
   */
  public double stage(int s, double y, double[] k, double dt) {
    return stages[s].apply(y, k, dt);
  }

  /**
   * The step's result: {@code y + dt·Σ_s b_s·k_s}.
   *
   * @param y the state at the start of the step
   * @param k the variable's slopes of every stage
   * @param dt the step
   * @return the state at the end of the step
   */
  public double step(double y, double[] k, double dt) {
    return weights.apply(y, k, dt);
  }

  /**
   * The calling thread's buffers of a loop's state number {@code state}: {@code [j]} its slopes of
   * stage {@code j}, {@code [MAX_STAGES]} its stage states, each at least {@code length} long and
   * indexed by the element (C2 vectorizes a loop only when all its arrays share one index).
   * Allocated once per thread and grown on demand, so that the scalar loops allocate nothing per
   * step.
   *
   * @param state the state's number in its loop, from 0
   * @param length past the last element the loop reads or writes (its range's end)
   * @return the buffers, {@code MAX_STAGES + 1} arrays
   */
  public static double[][] buffers(int state, int length) {
    double[][][] all = BUFFERS.get();
    if (all.length <= state) {
      double[][][] grown = java.util.Arrays.copyOf(all, state + 1);
      for (int n = all.length; n <= state; n++) {
        grown[n] = new double[MAX_STAGES + 1][0];
      }
      BUFFERS.set(grown);
      all = grown;
    }
    double[][] buffers = all[state];
    if (buffers[0].length < length) {
      for (int j = 0; j < buffers.length; j++) {
        buffers[j] = new double[length];
      }
    }
    return buffers;
  }

  /**
   * {@link #stage} (or, for {@code s == stages()}, {@link #step}) of the elements
   * {@code [from, to)} of {@code y} into {@code buffers[MAX_STAGES][from, to)}: element
   * {@code i}'s slope of stage {@code j} is {@code buffers[j][i]}. One plain loop
   * per call, each element's operations in {@link #stage}'s order, so that C2 vectorizes it.
   *
   * @param s the stage, or {@code stages()} for the step's results
   * @param y the states at the start of the step
   * @param from the block's first element
   * @param to past its last element
   * @param buffers the state's {@link #buffers}
   * @param dt the step
   * @return {@code buffers[MAX_STAGES]}, holding the block's stage states at their elements
   */
  public double[] stages(int s, double[] y, int from, int to, double[][] buffers, double dt) {
    double[] out = buffers[MAX_STAGES];
    Row row = row(s);
    if (row.stages.length == 0) {
      System.arraycopy(y, from, out, from, to - from);
      return out;
    }
    row.sum(buffers, out, from, to);
    double h = row.step(dt);
    for (int i = from; i < to; i++) {
      out[i] = y[i] + h * out[i];
    }
    return out;
  }

  /**
   * {@link #stages(int, double[], int, int, double[][], double)} of float states, widened.
   *
   * @param s the stage, or {@code stages()} for the step's results
   * @param y the states at the start of the step
   * @param from the block's first element
   * @param to past its last element
   * @param buffers the state's {@link #buffers}
   * @param dt the step
   * @return {@code buffers[MAX_STAGES]}, holding the block's stage states at their elements
   */
  public double[] stages(int s, float[] y, int from, int to, double[][] buffers, double dt) {
    double[] out = buffers[MAX_STAGES];
    Row row = row(s);
    if (row.stages.length == 0) {
      for (int i = from; i < to; i++) {
        out[i] = y[i];
      }
      return out;
    }
    row.sum(buffers, out, from, to);
    double h = row.step(dt);
    for (int i = from; i < to; i++) {
      out[i] = y[i] + h * out[i];
    }
    return out;
  }

  /** Row {@code s} of the stage matrix, or the weights for {@code s == stages()}. */
  Row row(int s) {
    return s == stages.length ? weights : stages[s];
  }

  /**
   * One row as {@code (p/q)·dt} times integer weights of the stages it reads: a single non-zero
   * entry is its own step constant with weight 1, several share their common denominator.
   */
  record Row(long p, long q, int[] stages, double[] weights) {
    static Row of(long[][] ratios) {
      int nonZero = 0;
      long denominator = 1;
      for (long[] r : ratios) {
        if (r[0] != 0) {
          nonZero++;
          denominator = denominator / gcd(denominator, r[1]) * r[1];
        }
      }
      int[] stages = new int[nonZero];
      double[] weights = new double[nonZero];
      int n = 0;
      for (int j = 0; j < ratios.length; j++) {
        long[] r = ratios[j];
        if (r[0] != 0) {
          stages[n] = j;
          weights[n++] = nonZero == 1 ? 1 : r[0] * (denominator / r[1]);
        }
      }
      if (nonZero == 1) {
        long[] only = ratios[stages[0]];
        return new Row(only[0], only[1], stages, weights);
      }
      return new Row(1, denominator, stages, weights);
    }

    private static long gcd(long x, long y) {
      return y == 0 ? Math.max(Math.abs(x), 1) : gcd(y, x % y);
    }

    /** {@code p·dt/q}, rounded as the literal {@code p * dt / q} would be. */
    double step(double dt) {
      double h = p == 1 ? dt : p * dt;
      return q == 1 ? h : h / q;
    }

    /** {@code Σ w_j·k_j} of the elements {@code [from, to)} into {@code out}, a pass per term. */
    void sum(double[][] k, double[] out, int from, int to) {
      double w0 = weights[0];
      double[] k0 = k[stages[0]];
      for (int i = from; i < to; i++) {
        out[i] = w0 * k0[i];
      }
      for (int j = 1; j < stages.length; j++) {
        double w = weights[j];
        double[] kj = k[stages[j]];
        for (int i = from; i < to; i++) {
          out[i] += w * kj[i];
        }
      }
    }

    double apply(double y, double[] k, double dt) {
      if (stages.length == 0) {
        return y;
      }
      double sum = weights[0] * k[stages[0]];
      for (int j = 1; j < stages.length; j++) {
        sum += weights[j] * k[stages[j]];
      }
      return y + step(dt) * sum;
    }
  }
}
