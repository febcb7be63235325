package io.brainstem.mpi;

/**
 * The collective operations a distributed run needs, over a fixed set of ranks that all call them
 * in the same order: {@link Mpi} (MPI_COMM_WORLD of the system MPI library) or {@link ThreadRanks}
 * (ranks as threads of one JVM). Every array is the caller's; nothing is kept.
 */
public interface Communicator extends AutoCloseable {
  /** This process's rank, {@code 0 .. size() - 1}. */
  int rank();

  /** The number of ranks. */
  int size();

  /**
   * Every rank sends {@code send[0 .. count)}; {@code recv} receives them in rank order,
   * {@code count} values per rank ({@code recv.length >= count · size()}).
   */
  void allgather(int[] send, int count, int[] recv);

  /** As {@link #allgather(int[], int, int[])} for longs. */
  void allgather(long[] send, int count, long[] recv);

  /**
   * Every rank sends {@code send[0 .. count)}, {@code counts[rank]} values; {@code recv} receives
   * rank {@code r}'s at {@code displs[r]}.
   */
  void allgatherv(int[] send, int count, int[] recv, int[] counts, int[] displs);

  /** As {@link #allgatherv(int[], int, int[], int[], int[])} for doubles. */
  void allgatherv(double[] send, int count, double[] recv, int[] counts, int[] displs);

  /** Returns once every rank has called it. */
  void barrier();

  /**
   * Stops every rank with exit code {@code code} after printing {@code why} on this rank's stderr;
   * for a failure that the other ranks cannot see, which would otherwise leave them waiting in a
   * collective. Does not return.
   */
  void abort(int code, String why);

  /** Wall-clock seconds since an arbitrary origin (MPI_Wtime). */
  double wtime();

  /** Ends this rank's participation (MPI_Finalize); collectives throw afterwards. */
  @Override
  void close();
}
