package io.brainstem.mpi;

/** Distributed runs cannot start here: the message says what to install or use instead. */
public final class MpiUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why MPI is unavailable, and the fix. */
  public MpiUnavailableException(String message) {
    super(message);
  }
}
