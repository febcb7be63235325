package io.brainstem.runners;

/** What a second {@code run} does with the records of the first. */
public enum MonitorMode {
  /** Each run starts fresh records; {@code mon()} holds the latest run only (BrainPy; the default). */
  REPLACE,
  /** Each run adds its rows after those of earlier runs; {@code mon()} holds every run since build or reset. */
  APPEND
}
