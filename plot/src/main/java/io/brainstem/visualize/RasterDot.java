package io.brainstem.visualize;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A raster's spike dot. In a bitmap (PNG, window) a dot of up to {@value #PIXEL_MAX} pixels is a
 * solid pixel square without antialiasing: at that size an antialiased circle is a blurred square
 * anyway, and Java2D fills an integer rectangle in native code, where every antialiased circle is
 * a shape rasterised by Marlin (7 000 spikes were about half of a cold JVM's raster PNG). Larger
 * dots, and every dot of an SVG, are circles.
 */
final class RasterDot extends Marker {
  /** The largest diameter drawn as a pixel square. */
  static final int PIXEL_MAX = 3;

  @Override
  public void paint(Graphics2D g, double x, double y, int size) {
    double r = size / 2.0;
    if (size > PIXEL_MAX || g instanceof VectorGraphics2D) {
      g.fill(new Ellipse2D.Double(x - r, y - r, size, size));
      return;
    }
    Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    if (aa != RenderingHints.VALUE_ANTIALIAS_OFF) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    }
    g.fillRect((int) Math.floor(x - r + 0.5), (int) Math.floor(y - r + 0.5), size, size);
    if (aa != RenderingHints.VALUE_ANTIALIAS_OFF) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }
  }
}
