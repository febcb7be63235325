package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Plots#prepare()} draws once, off the caller's thread, and changes no later plot. */
class PrepareTest {
  @Test
  void warmsUpOnceOnADaemonThreadAndLaterPlotsDrawTheSamePixels() throws Exception {
    double[] ts = {0, 0.1, 0.2};
    boolean[][] spikes = {{true, false}, {false, true}, {true, true}};
    BufferedImage before = RasterPlot.of(ts, spikes).size(200, 120).title("r").image();

    CompletableFuture<Void> first = Plots.prepare();
    assertThat(Plots.prepare()).isSameInstanceAs(first);
    first.get(60, TimeUnit.SECONDS); // throws if the warm-up failed to draw or encode
    assertThat(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("brainstem-plot-warmup"))
        .allMatch(Thread::isDaemon)).isTrue();

    BufferedImage after = RasterPlot.of(ts, spikes).size(200, 120).title("r").image();
    int differing = 0;
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 200; x++) {
        differing += before.getRGB(x, y) == after.getRGB(x, y) ? 0 : 1;
      }
    }
    assertThat(differing).isEqualTo(0);
  }
}
