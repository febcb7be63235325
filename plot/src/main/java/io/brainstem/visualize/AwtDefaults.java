package io.brainstem.visualize;

import java.util.Locale;

/**
 * AWT settings a plotting library should choose when the user has not, applied before the first
 * AWT class that reads them:
 *
 * <ul>
 *   <li>headless mode on Linux and other X11 systems when neither {@code DISPLAY} nor {@code
 *       WAYLAND_DISPLAY} is set (so plots render in CI and over ssh), the JDK's own choice
 *       elsewhere;
 *   <li>text shaped by HarfBuzz through the JDK's JNI binding ({@code sun.font.layout.ffm=false}).
 *       Since JDK 22 Java2D calls HarfBuzz through the FFM API by default; the first text a JVM
 *       lays out then spins some 200 classes and compiles the class-file API, 0.3 s of a cold
 *       process's CPU on JDK 25 (docs/benchmarks-history.md, "The text shaper"), for the same glyphs
 *       (the same PNG bytes). JDKs without the property ignore it.
 * </ul>
 */
final class AwtDefaults {
  /** Read once by {@code sun.font.SunLayoutEngine}'s static initialiser (JDK 22 and later). */
  static final String FFM_TEXT_LAYOUT = "sun.font.layout.ffm";

  private AwtDefaults() {}

  static void ensure() {
    if (System.getProperty(FFM_TEXT_LAYOUT) == null) {
      System.setProperty(FFM_TEXT_LAYOUT, "false");
    }
    if (System.getProperty("java.awt.headless") != null) {
      return;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    boolean x11 = !os.contains("win") && !os.contains("mac");
    if (x11 && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
