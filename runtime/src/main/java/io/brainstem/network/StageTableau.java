package io.brainstem.network;

import io.brainstem.annotations.Integrator;

/**
 * An explicit Runge–Kutta method padded to four stages, for the staged loops (one loop serves
 * every method): stage {@code s} is at {@code t + c_s·dt} with state {@code x + dt·Σ a_sj·k_j},
 * the step is {@code x + dt·Σ b_s·k_s}. Padded stages have zero coefficients: they repeat the
 * first stage and weigh nothing, so a method gives the same step as with its own stage count.
 */
public final class StageTableau {
  /** Node of stage 2 (time offset as a fraction of dt). */
  public final double c2;
  /** Node of stage 3. */
  public final double c3;
  /** Node of stage 4. */
  public final double c4;
  /** Weight of stage 1's slope in stage 2. */
  public final double a21;
  /** Weight of stage 1's slope in stage 3. */
  public final double a31;
  /** Weight of stage 2's slope in stage 3. */
  public final double a32;
  /** Weight of stage 1's slope in stage 4. */
  public final double a41;
  /** Weight of stage 2's slope in stage 4. */
  public final double a42;
  /** Weight of stage 3's slope in stage 4. */
  public final double a43;
  /** Weight of stage 1's slope in the step. */
  public final double b1;
  /** Weight of stage 2's slope in the step. */
  public final double b2;
  /** Weight of stage 3's slope in the step. */
  public final double b3;
  /** Weight of stage 4's slope in the step. */
  public final double b4;

  private StageTableau(double[] c, double[] a, double[] b) {
    c2 = c[0];
    c3 = c[1];
    c4 = c[2];
    a21 = a[0];
    a31 = a[1];
    a32 = a[2];
    a41 = a[3];
    a42 = a[4];
    a43 = a[5];
    b1 = b[0];
    b2 = b[1];
    b3 = b[2];
    b4 = b[3];
  }

  private static final StageTableau EULER =
      of(new double[3], new double[6], new double[] {1, 0, 0, 0});
  private static final StageTableau MIDPOINT = of(new double[] {0.5, 0, 0},
      new double[] {0.5, 0, 0, 0, 0, 0}, new double[] {0, 1, 0, 0});
  private static final StageTableau HEUN = of(new double[] {1, 0, 0},
      new double[] {1, 0, 0, 0, 0, 0}, new double[] {0.5, 0.5, 0, 0});
  private static final StageTableau RALSTON2 = of(new double[] {2. / 3, 0, 0},
      new double[] {2. / 3, 0, 0, 0, 0, 0}, new double[] {0.25, 0.75, 0, 0});
  private static final StageTableau RK3 = of(new double[] {0.5, 1, 0},
      new double[] {0.5, -1, 2, 0, 0, 0}, new double[] {1. / 6, 2. / 3, 1. / 6, 0});
  private static final StageTableau RK4 = of(new double[] {0.5, 0.5, 1},
      new double[] {0.5, 0, 0.5, 0, 0, 1}, new double[] {1. / 6, 1. / 3, 1. / 3, 1. / 6});
  private static final StageTableau RK4_38 = of(new double[] {1. / 3, 2. / 3, 1},
      new double[] {1. / 3, -1. / 3, 1, 1, -1, 1}, new double[] {0.125, 0.375, 0.375, 0.125});

  private static StageTableau of(double[] c, double[] a, double[] b) {
    return new StageTableau(c, a, b);
  }

  /** The tableau of {@code method}, or null for the exponential integrators (no stages). */
  public static StageTableau of(Integrator method) {
    return switch (method) {
      case EULER -> EULER;
      case MIDPOINT -> MIDPOINT;
      case HEUN -> HEUN;
      case RALSTON2 -> RALSTON2;
      case RK3 -> RK3;
      case RK4 -> RK4;
      case RK4_38 -> RK4_38;
      case EXP_AUTO, EXP_EULER -> null;
    };
  }
}
