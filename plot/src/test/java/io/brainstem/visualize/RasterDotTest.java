package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Small raster dots are solid pixel squares in a bitmap; larger ones antialiased circles. */
class RasterDotTest {
  private static int[] counts(int markerSize) {
    double[] ts = {0, 0.1, 0.2};
    boolean[][] spikes = {{false, false}, {false, true}, {false, false}};
    BufferedImage image = RasterPlot.of(ts, spikes).color(Color.RED).markerSize(markerSize)
        .size(300, 200).image();
    int red = 0;
    int reddish = 0; // blended with the white background: an antialiased edge
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb == 0xff0000) {
          red++;
        } else if ((rgb >> 16) == 0xff && (rgb & 0xff) == ((rgb >> 8) & 0xff) && rgb != 0xffffff) {
          reddish++;
        }
      }
    }
    return new int[] {red, reddish};
  }

  @Test
  void smallDotsAreSolidSquares() {
    assertThat(counts(2)).asList().containsExactly(4, 0).inOrder();
    assertThat(counts(3)).asList().containsExactly(9, 0).inOrder();
  }

  @Test
  void largerDotsAreAntialiasedCircles() {
    int[] c = counts(9);
    assertThat(c[0]).isGreaterThan(20);
    assertThat(c[1]).isGreaterThan(0);
  }
}
