package io.brainstem.checkpoint;

/**
 * A checkpoint that cannot be written, read or resumed: missing, truncated or corrupted files, a
 * different format version, or a network that differs from the one saved. The message names the
 * checkpoint directory and what is wrong; nothing was restored when it is thrown on resume.
 */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public CheckpointException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
