package io.brainstem.runners;

import io.brainstem.monitors.Recorder;
import io.brainstem.network.Memory;
import java.util.List;

/**
 * Refuses, before a run allocates anything, in-memory records larger than the heap can ever hold
 * ({@link Memory#heap()}, {@code -Xmx}): the run would otherwise fail with a bare
 * {@link OutOfMemoryError} after its set-up, naming nothing.
 */
final class RecordBudget {
  private RecordBudget() {}

  /**
   * Checks the records of a run of {@code steps} steps from absolute step {@code first}; {@code
   * keptTimes} is how many row times the runner already keeps (earlier runs under APPEND).
   */
  static void check(List<Recorder> recorders, long first, int steps, double t0, double dt,
      boolean append, long keptTimes, double duration) {
    check(recorders, first, steps, t0, dt, append, keptTimes, duration, Memory.heap());
  }

  /** As {@link #check(List, long, int, double, double, boolean, long, double)} against {@code heap} bytes. */
  static void check(List<Recorder> recorders, long first, int steps, double t0, double dt,
      boolean append, long keptTimes, double duration, long heap) {
    if (recorders.isEmpty()) {
      return;
    }
    long[][] plans = new long[recorders.size()][];
    boolean anyInMemory = false;
    long total = 0;
    for (int i = 0; i < plans.length; i++) {
      Recorder r = recorders.get(i);
      plans[i] = r.plannedMemory(first, steps, t0, dt, append);
      total = saturatedAdd(total, plans[i][1]);
      anyInMemory |= !r.isStreamed();
    }
    if (!anyInMemory) {
      return;
    }
    total = saturatedAdd(total, (long) Double.BYTES * (steps + (append ? keptTimes : 0))); // ts
    if (total <= heap) {
      return;
    }
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < plans.length; i++) {
      if (plans[i][1] > 0) {
        parts.append(parts.length() == 0 ? "" : ", ").append("monitor '")
            .append(recorders.get(i).name()).append("' ").append(plans[i][0]).append(" rows, ")
            .append(Memory.format(plans[i][1]));
      }
    }
    throw new IllegalArgumentException("run(" + duration + " ms) would keep " + Memory.format(total)
        + " of records in memory (" + parts + "), more than this JVM's heap of "
        + Memory.format(heap) + " (-Xmx). Record less: every k-th step with Monitor.of(path)"
        + ".every(k), a time window with .window(start, end), or chosen elements with "
        + "Monitor.of(path, indices...); or stream the records to disk with streamTo(dir); or split"
        + " the run into shorter runs under MonitorMode.REPLACE, reading mon() after each");
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
