package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG encoder against the JDK's decoder: every pixel read back as drawn. */
class PngWriterTest {
  private static BufferedImage roundTrip(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngWriter.write(image, out);
    return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
  }

  private static void assertSamePixels(BufferedImage a, BufferedImage b) {
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getHeight()).isEqualTo(a.getHeight());
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        assertThat(b.getRGB(x, y) & 0xffffff).isEqualTo(a.getRGB(x, y) & 0xffffff);
      }
    }
  }

  @Test
  void randomPixelsReadBackExactly() throws IOException {
    BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(7);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        image.setRGB(x, y, r.nextInt()); // every channel difference, wrap-around included
      }
    }
    assertSamePixels(image, roundTrip(image));
  }

  @Test
  void aRasterPlotReadsBackExactly() throws IOException {
    double[] ts = {0, 0.1, 0.2, 0.3};
    boolean[][] spikes = {{true, false, true}, {false, true, false}, {true, true, true}, {false, false, false}};
    BufferedImage image = RasterPlot.of(ts, spikes).size(300, 200).image();
    assertSamePixels(image, roundTrip(image));
  }

  @Test
  void aSubImageUsesItsOwnRows() throws IOException {
    BufferedImage big = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        big.setRGB(x, y, (x * 25) << 16 | (y * 25) << 8);
      }
    }
    BufferedImage sub = big.getSubimage(2, 3, 5, 4);
    assertSamePixels(sub, roundTrip(sub));
  }

  @Test
  void otherImageTypesAreRefusedByName() {
    BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PngWriter.write(argb, new ByteArrayOutputStream()));
    assertThat(e).hasMessageThat().contains("TYPE_INT_RGB");
  }
}
