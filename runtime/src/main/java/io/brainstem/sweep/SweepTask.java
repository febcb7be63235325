package io.brainstem.sweep;

/**
 * What a {@link Sweep} runs at each point. It runs on a worker thread, concurrently with other
 * points, so it must build everything it mutates (its own network and runner) from the point.
 *
 * @param <R> what one point produces
 */
@FunctionalInterface
public interface SweepTask<R> {
  /**
   * Runs the point. Whatever it throws is recorded as that point's failure; the sweep goes on.
   *
   * @param point the point to run
   * @return the point's result
   * @throws Exception recorded as the point's error
   */
  R run(SweepPoint point) throws Exception;
}
