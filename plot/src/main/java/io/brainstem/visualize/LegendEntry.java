package io.brainstem.visualize;

import java.awt.Color;

/** One legend row: a colour swatch, a short line or a dot, and its label. */
record LegendEntry(String label, Color color, boolean line) {}
