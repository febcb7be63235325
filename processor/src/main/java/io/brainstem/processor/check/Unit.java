package io.brainstem.processor.check;

import java.util.Arrays;

/**
 * A physical unit: exponents of the SI base dimensions (m, kg, s, A, mol) and a power of ten.
 * Both are stored doubled, so that half powers are units too: a {@code @Noise} coefficient is
 * per {@code sqrt(ms)}. Two units are equal only if dimension and scale agree (mV is not V).
 */
public final class Unit {
  static final String[] BASES = {"m", "kg", "s", "A", "mol"};
  static final int LENGTH = 0;
  static final int MASS = 1;
  static final int TIME = 2;
  static final int CURRENT = 3;
  static final int AMOUNT = 4;

  public static final Unit ONE = new Unit(new int[BASES.length], 0);
  /** Brainstem's time unit: {@code t}, {@code dt} and every rate are in (or per) ms. */
  public static final Unit MS = base(TIME).scaled(-3);

  private final int[] twiceExponents;
  private final int twiceDecades;

  private Unit(int[] twiceExponents, int twiceDecades) {
    this.twiceExponents = twiceExponents;
    this.twiceDecades = twiceDecades;
  }

  /** The SI base unit of dimension {@code index} (one of the constants above). */
  static Unit base(int index) {
    int[] exponents = new int[BASES.length];
    exponents[index] = 2;
    return new Unit(exponents, 0);
  }

  /** This unit times {@code 10^decades}. */
  Unit scaled(int decades) {
    return new Unit(twiceExponents, twiceDecades + 2 * decades);
  }

  /** The SI base unit of the same dimension (scale 1). */
  Unit unscaled() {
    return new Unit(twiceExponents, 0);
  }

  public Unit times(Unit other) {
    int[] sum = new int[BASES.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = twiceExponents[i] + other.twiceExponents[i];
    }
    return new Unit(sum, twiceDecades + other.twiceDecades);
  }

  public Unit divide(Unit other) {
    return times(other.pow(-1));
  }

  /** This unit to the power {@code p}, or null when that is not a whole or half power. */
  public Unit pow(double p) {
    int[] result = new int[BASES.length];
    for (int i = 0; i < result.length; i++) {
      Integer scaled = whole(twiceExponents[i] * p);
      if (scaled == null) {
        return null;
      }
      result[i] = scaled;
    }
    Integer decades = whole(twiceDecades * p);
    return decades == null ? null : new Unit(result, decades);
  }

  private static Integer whole(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e6 ? (int) x : null;
  }

  public boolean isDimensionless() {
    return sameDimension(ONE);
  }

  public boolean sameDimension(Unit other) {
    return Arrays.equals(twiceExponents, other.twiceExponents);
  }

  /** log10 of this unit over one of the same dimension: mV over V is -3. */
  public double decadesOver(Unit other) {
    return (twiceDecades - other.twiceDecades) / 2.0;
  }

  /** log10 of this unit in SI base units (mV: -3). */
  double decades() {
    return twiceDecades / 2.0;
  }

  /** The exponent of base dimension {@code index}. */
  double exponent(int index) {
    return twiceExponents[index] / 2.0;
  }

  /** How the unit reads in a message, e.g. {@code mV}, {@code mV/ms}, {@code uA/cm^2}. */
  @Override
  public String toString() {
    return UnitNames.format(this);
  }

  /** The dimension in words, e.g. {@code voltage} or {@code voltage per time}. */
  public String dimension() {
    return UnitNames.dimension(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unit other
        && twiceDecades == other.twiceDecades
        && Arrays.equals(twiceExponents, other.twiceExponents);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(twiceExponents) + twiceDecades;
  }
}
