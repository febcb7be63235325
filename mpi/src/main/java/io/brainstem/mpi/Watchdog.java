package io.brainstem.mpi;

import java.util.Locale;

/**
 * Stops every rank when one collective waits longer than a timeout: a rank that died or hangs
 * leaves the others in MPI_Allgatherv forever otherwise. A daemon thread checks once a second and
 * calls {@link Communicator#abort} with a message naming the step.
 */
final class Watchdog implements AutoCloseable {
  private final Communicator comm;
  private final double timeoutSeconds;
  private final Thread thread;
  private volatile long enteredNanos; // 0: not in a collective
  private volatile long step;
  private volatile boolean closed;

  Watchdog(Communicator comm, double timeoutSeconds) {
    if (!(timeoutSeconds > 0)) {
      throw new IllegalArgumentException("the exchange timeout must be positive seconds, got "
          + timeoutSeconds);
    }
    this.comm = comm;
    this.timeoutSeconds = timeoutSeconds;
    this.thread = new Thread(this::watch, "brainstem-mpi-watchdog-" + comm.rank());
    thread.setDaemon(true);
    thread.start();
  }

  void enter(long step) {
    this.step = step;
    enteredNanos = System.nanoTime();
  }

  void leave() {
    enteredNanos = 0;
  }

  private void watch() {
    while (!closed) {
      try {
        Thread.sleep(Math.min(1000, (long) (timeoutSeconds * 250) + 1));
      } catch (InterruptedException e) {
        return;
      }
      long since = enteredNanos;
      if (since != 0 && !closed && (System.nanoTime() - since) * 1e-9 > timeoutSeconds) {
        comm.abort(3, String.format(Locale.ROOT, "brainstem: rank %d of %d waited more than %s s "
            + "for the spike exchange of step %d; another rank has died or hangs. Stopping every "
            + "rank (raise the limit with --mpi-timeout / MpiRunner.Builder.exchangeTimeout)",
            comm.rank(), comm.size(), timeoutSeconds, step));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
