package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code savePng} writes what {@code image()} drew: every pixel read back by the JDK's decoder. */
class SavePngTest {
  @Test
  void aRasterPlotReadsBackPixelForPixel(@TempDir Path dir) throws IOException {
    double[] ts = {0, 0.1, 0.2, 0.3};
    boolean[][] spikes = {{true, false, true}, {false, true, false}, {true, true, true}, {false, false, false}};
    RasterPlot plot = RasterPlot.of(ts, spikes).size(300, 200);
    BufferedImage drawn = plot.image();
    Path file = plot.savePng(dir.resolve("raster.png"));
    assertThat(Files.size(file)).isGreaterThan(0L);
    BufferedImage read = ImageIO.read(file.toFile());
    assertThat(read.getWidth()).isEqualTo(300);
    assertThat(read.getHeight()).isEqualTo(200);
    int differing = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        if ((read.getRGB(x, y) & 0xffffff) != (drawn.getRGB(x, y) & 0xffffff)) {
          differing++;
        }
      }
    }
    assertThat(differing).isEqualTo(0);
  }
}
