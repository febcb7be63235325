package io.brainstem.monitors;

/**
 * The spikes a spike monitor recorded, as events: event {@code e} is column {@link #indices()}[e]
 * (the neuron index, or its position in the monitor's index list) spiking in recorded row
 * {@link #rows()}[e], at time {@link #times()}[e]. Events are in time order, and by column within a
 * row.
 *
 * <p>Rates are in Hz and count only what was recorded: each recorded row observes one step of
 * {@code dt} ms, so a monitor with {@code every(k)} or a window estimates rates from its rows alone.
 */
public final class SpikeEvents {
  private final String name;
  private final double[] rowTimes;
  private final int[] rows;
  private final int[] columns;
  private final int width;
  private final double dt;

  /**
   * Events of a record of {@code rowTimes.length} rows and {@code width} columns, each row one step
   * of {@code dt} ms.
   */
  public SpikeEvents(String name, double[] rowTimes, int[] rows, int[] columns, int width, double dt) {
    if (rows.length != columns.length) {
      throw new IllegalArgumentException("rows and columns differ in length");
    }
    this.name = name;
    this.rowTimes = rowTimes;
    this.rows = rows;
    this.columns = columns;
    this.width = width;
    this.dt = dt;
  }

  /** The monitor's name. */
  public String name() {
    return name;
  }

  /** Number of spikes. */
  public int count() {
    return rows.length;
  }

  /** Number of columns (neurons recorded). */
  public int width() {
    return width;
  }

  /** Number of recorded rows (steps). */
  public int rowCount() {
    return rowTimes.length;
  }

  /** The time of each recorded row, ms. */
  public double[] rowTimes() {
    return rowTimes;
  }

  /** The step length in ms. */
  public double dt() {
    return dt;
  }

  /** The row of each spike (not copied). */
  public int[] rows() {
    return rows;
  }

  /** The column (neuron) of each spike (not copied). */
  public int[] indices() {
    return columns;
  }

  /** The time of each spike in ms (the start of its step, as {@code ts}). */
  public double[] times() {
    double[] t = new double[rows.length];
    for (int e = 0; e < t.length; e++) {
      t[e] = rowTimes[rows[e]];
    }
    return t;
  }

  /** The dense view {@code boolean[rows][width]}, BrainPy's {@code mon['E.spike']}. */
  public boolean[][] dense() {
    boolean[][] d = new boolean[rowTimes.length][width];
    for (int e = 0; e < rows.length; e++) {
      d[rows[e]][columns[e]] = true;
    }
    return d;
  }

  /** Spikes per column. */
  public int[] countsPerNeuron() {
    int[] c = new int[width];
    for (int col : columns) {
      c[col]++;
    }
    return c;
  }

  /** Spikes per row. */
  public int[] countsPerRow() {
    int[] c = new int[rowTimes.length];
    for (int r : rows) {
      c[r]++;
    }
    return c;
  }

  /** The recorded time in seconds: rows × dt. */
  public double seconds() {
    return rowTimes.length * dt / 1000.0;
  }

  /** The mean firing rate over neurons and recorded time, Hz. */
  public double meanRate() {
    double s = seconds() * width;
    return s == 0 ? 0 : rows.length / s;
  }

  /** Each neuron's firing rate over the recorded time, Hz. */
  public double[] ratesPerNeuron() {
    int[] c = countsPerNeuron();
    double[] r = new double[width];
    double s = seconds();
    for (int i = 0; i < width; i++) {
      r[i] = s == 0 ? 0 : c[i] / s;
    }
    return r;
  }

  /**
   * The population rate per row in Hz, {@code spikes / (width · dt)}, smoothed with a centred
   * moving average over {@code windowMs} (BrainPy's {@code bp.measure.firing_rate(spikes, width)}):
   * the window spans {@code 2·floor(windowMs / (2·spacing)) + 1} rows, where spacing is the time
   * between recorded rows. Unlike NumPy's zero-padded {@code 'same'} convolution, rows near the
   * ends are averaged over the part of the window that exists, so the edges do not droop.
   * {@code windowMs = 0} gives the unsmoothed rate.
   */
  public double[] populationRate(double windowMs) {
    if (!(windowMs >= 0) || Double.isInfinite(windowMs)) {
      throw new IllegalArgumentException(
          "population rate window must be finite and >= 0 (ms), got " + windowMs);
    }
    int n = rowTimes.length;
    double[] raw = new double[n];
    int[] perRow = countsPerRow();
    double scale = 1000.0 / (width * dt);
    for (int r = 0; r < n; r++) {
      raw[r] = perRow[r] * scale;
    }
    double spacing = n > 1 ? (rowTimes[n - 1] - rowTimes[0]) / (n - 1) : dt;
    int half = (int) Math.floor(windowMs / (2 * spacing) + 1e-9);
    if (half == 0) {
      return raw;
    }
    double[] prefix = new double[n + 1];
    for (int r = 0; r < n; r++) {
      prefix[r + 1] = prefix[r] + raw[r];
    }
    double[] smooth = new double[n];
    for (int r = 0; r < n; r++) {
      int lo = Math.max(0, r - half);
      int hi = Math.min(n, r + half + 1);
      smooth[r] = (prefix[hi] - prefix[lo]) / (hi - lo);
    }
    return smooth;
  }

  @Override
  public String toString() {
    return "SpikeEvents(" + name + ": " + rows.length + " spikes, " + width + " neurons, "
        + rowTimes.length + " rows)";
  }
}
