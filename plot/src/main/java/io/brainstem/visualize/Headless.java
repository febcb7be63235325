package io.brainstem.visualize;

import java.util.Locale;

/**
 * Chooses AWT's headless mode when the user has not: headless on Linux and other X11 systems when
 * neither {@code DISPLAY} nor {@code WAYLAND_DISPLAY} is set (so plots render in CI and over ssh),
 * the JDK's own choice elsewhere.
 */
final class Headless {
  private Headless() {}

  static void ensure() {
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
