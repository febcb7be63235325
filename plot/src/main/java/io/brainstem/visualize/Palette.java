package io.brainstem.visualize;

import java.awt.Color;

/** Population colours: colour-blind-safe (Okabe–Ito), excitatory blue first, inhibitory vermillion second. */
public final class Palette {
  private static final Color[] COLORS = {
    new Color(0, 114, 178), // blue
    new Color(213, 94, 0), // vermillion
    new Color(0, 158, 115), // bluish green
    new Color(204, 121, 167), // reddish purple
    new Color(230, 159, 0), // orange
    new Color(86, 180, 233), // sky blue
    new Color(0, 0, 0), // black
  };

  private Palette() {}

  /** The colour of population {@code i} (cycling). */
  public static Color color(int i) {
    return COLORS[Math.floorMod(i, COLORS.length)];
  }
}
