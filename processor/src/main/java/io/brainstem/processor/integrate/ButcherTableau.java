package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import java.util.List;
import java.util.Optional;

/**
 * An explicit Runge–Kutta method as its Butcher tableau: stage {@code s} evaluates the right-hand
 * side at {@code t + c[s]·dt} and {@code x + dt·Σ a[s][j]·k[j]}; the step is
 * {@code x + dt·Σ b[s]·k[s]}. Entries are exact fractions, so the planner can name the step
 * constants ({@code halfDt}, {@code sixthDt}) and keep integer weights in the sums.
 *
 * @param c the stage times as fractions of {@code dt}
 * @param a the strictly lower-triangular stage matrix, row {@code s} has {@code s} entries
 * @param b the weights of the final combination
 */
public record ButcherTableau(List<Ratio> c, List<List<Ratio>> a, List<Ratio> b) {

  public ButcherTableau {
    c = List.copyOf(c);
    a = a.stream().map(List::copyOf).toList();
    b = List.copyOf(b);
    for (int s = 0; s < a.size(); s++) {
      if (a.get(s).size() != s) {
        throw new IllegalArgumentException("row " + s + " of a must have " + s + " entries");
      }
    }
  }

  public int stages() {
    return b.size();
  }

  /** The tableau of an explicit Runge–Kutta {@code integrator}; empty for the exponential ones. */
  public static Optional<ButcherTableau> of(Integrator integrator) {
    return Optional.ofNullable(switch (integrator) {
      case EULER -> tableau(times(0), List.of(List.of()), weights(r(1)));
      case MIDPOINT -> tableau(times(0, half()), List.of(List.of(), List.of(half())),
          weights(r(0), r(1)));
      case HEUN -> tableau(times(0, 1), List.of(List.of(), List.of(r(1))), weights(half(), half()));
      case RALSTON2 -> tableau(times(0, r(2, 3)), List.of(List.of(), List.of(r(2, 3))),
          weights(r(1, 4), r(3, 4)));
      case RK3 -> tableau(times(0, half(), r(1)),
          List.of(List.of(), List.of(half()), List.of(r(-1), r(2))),
          weights(r(1, 6), r(2, 3), r(1, 6)));
      case RK4 -> tableau(times(0, half(), half(), r(1)),
          List.of(List.of(), List.of(half()), List.of(r(0), half()), List.of(r(0), r(0), r(1))),
          weights(r(1, 6), r(1, 3), r(1, 3), r(1, 6)));
      case RK4_38 -> tableau(times(0, r(1, 3), r(2, 3), r(1)),
          List.of(List.of(), List.of(r(1, 3)), List.of(r(-1, 3), r(1)), List.of(r(1), r(-1), r(1))),
          weights(r(1, 8), r(3, 8), r(3, 8), r(1, 8)));
      case EXP_AUTO, EXP_EULER -> null;
    });
  }

  private static ButcherTableau tableau(List<Ratio> c, List<List<Ratio>> a, List<Ratio> b) {
    return new ButcherTableau(c, a, b);
  }

  private static List<Ratio> times(Object... values) {
    return List.of(values).stream()
        .map(v -> v instanceof Ratio r ? r : r((Integer) v)).toList();
  }

  private static List<Ratio> weights(Ratio... weights) {
    return List.of(weights);
  }

  private static Ratio half() {
    return r(1, 2);
  }

  private static Ratio r(long p) {
    return new Ratio(p, 1);
  }

  private static Ratio r(long p, long q) {
    return new Ratio(p, q);
  }

  /** An exact fraction {@code p/q} in lowest terms, {@code q > 0}. */
  public record Ratio(long p, long q) {
    public Ratio {
      if (q <= 0) {
        throw new IllegalArgumentException("denominator must be positive: " + p + "/" + q);
      }
      long g = gcd(Math.abs(p), q);
      p /= g;
      q /= g;
    }

    public boolean isZero() {
      return p == 0;
    }

    public double value() {
      return (double) p / q;
    }

    static long gcd(long x, long y) {
      return y == 0 ? Math.max(x, 1) : gcd(y, x % y);
    }

    /** The least common multiple of the denominators of the non-zero {@code ratios}. */
    static long commonDenominator(List<Ratio> ratios) {
      long lcm = 1;
      for (Ratio r : ratios) {
        if (!r.isZero()) {
          lcm = lcm / gcd(lcm, r.q) * r.q;
        }
      }
      return lcm;
    }
  }
}
