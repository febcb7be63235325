package io.brainstem.network;

import java.util.Locale;

/**
 * Heap checks before large allocations: a buffer sized from user input (a long delay, a long
 * recording) is refused with a message saying what to change, instead of failing later with a bare
 * {@link OutOfMemoryError}.
 */
public final class Memory {
  private Memory() {}

  /** The most this JVM's heap can grow to ({@code -Xmx}), in bytes. */
  public static long heap() {
    return Runtime.getRuntime().maxMemory();
  }

  /** A byte count for messages: {@code 512 bytes}, {@code 1.5 MB}, {@code 32.0 GB} (powers of 1000). */
  public static String format(long bytes) {
    if (bytes < 1000) {
      return bytes + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
