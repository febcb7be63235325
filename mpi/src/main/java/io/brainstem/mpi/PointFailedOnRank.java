package io.brainstem.mpi;

/**
 * A sweep point that failed on another rank, as {@link MpiSweep} gathers it: only the error's text
 * travels, and {@link #toString()} is that text, so the sweep table reads as the one-machine one.
 */
public final class PointFailedOnRank extends Exception {
  private static final long serialVersionUID = 1L;

  private final int rank;
  private final String text;

  /**
   * The failure of a point run on {@code rank}.
   *
   * @param rank the rank that ran the point
   * @param text the error as that rank printed it ({@code Throwable.toString()})
   */
  public PointFailedOnRank(int rank, String text) {
    super("on rank " + rank + ": " + text);
    this.rank = rank;
    this.text = text;
  }

  /** The rank that ran the point. */
  public int rank() {
    return rank;
  }

  /** The original error's text, as the one-machine table shows it. */
  @Override
  public String toString() {
    return text;
  }
}
