package io.brainstem.mpi;

/**
 * How groups are split over {@code ranks} processes: rank {@code r} owns one contiguous slice of
 * every group, the slices in rank order, their sizes differing by at most one (the first
 * {@code size % ranks} ranks own one more).
 *
 * @param rank this process's rank, {@code 0 .. ranks - 1}
 * @param ranks the number of processes
 */
public record Partition(int rank, int ranks) {
  /** Checks {@code 0 <= rank < ranks}. */
  public Partition {
    if (ranks < 1 || rank < 0 || rank >= ranks) {
      throw new IllegalArgumentException("a partition needs 0 <= rank < ranks, got rank " + rank
          + " of " + ranks);
    }
  }

  /** The whole network in one process. */
  public static Partition single() {
    return new Partition(0, 1);
  }

  /** The partition of {@code comm}'s ranks seen from its rank. */
  public static Partition of(Communicator comm) {
    return new Partition(comm.rank(), comm.size());
  }

  /** This rank's slice of a group of {@code size} neurons. */
  public Slice slice(int size) {
    return sliceOf(size, rank);
  }

  /** Rank {@code r}'s slice of a group of {@code size} neurons. */
  public Slice sliceOf(int size, int r) {
    if (size < ranks) {
      throw new IllegalArgumentException("a group of " + size + " neurons cannot be split over "
          + ranks + " ranks (each rank needs at least one neuron); run on at most " + size + " ranks");
    }
    int base = size / ranks;
    int extra = size % ranks;
    int from = r * base + Math.min(r, extra);
    return new Slice(from, from + base + (r < extra ? 1 : 0));
  }
}
