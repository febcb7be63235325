package io.brainstem.runners;

import java.util.Locale;

/**
 * Timing of one {@code run}: the set-up before the step loop (checking inputs, allocating monitor
 * storage) apart from the loop itself, so warm-up never hides in the simulation time. The JVM
 * compiles hot code while the first run executes, so a first run's loop time includes that
 * warm-up; run a short warm-up run first when measuring.
 *
 * @param firstStep the absolute index of the first step run
 * @param steps the number of steps run
 * @param requestedMs the duration asked for, ms
 * @param simulatedMs the time simulated, {@code steps · dt} ms (less than requested when the
 *     duration is not a multiple of dt)
 * @param setupSeconds wall time before the loop, s
 * @param loopSeconds wall time of the step loop, s ({@code run} returns it)
 * @param buildSeconds wall time the runner took to build (binding and validation), s
 */
public record RunStats(
    long firstStep,
    int steps,
    double requestedMs,
    double simulatedMs,
    double setupSeconds,
    double loopSeconds,
    double buildSeconds) {

  /** Steps per wall-clock second in the loop. */
  public double stepsPerSecond() {
    return loopSeconds > 0 ? steps / loopSeconds : Double.POSITIVE_INFINITY;
  }

  /** Simulated ms per wall-clock second in the loop (the real-time factor × 1000). */
  public double msPerSecond() {
    return loopSeconds > 0 ? simulatedMs / loopSeconds : Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%d steps (%.3f ms simulated) in %.3f s loop + %.3f s set-up (runner built in %.3f s)",
        steps, simulatedMs, loopSeconds, setupSeconds, buildSeconds);
  }
}
