package io.brainstem.visualize;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Renders and encodes a tiny raster once on a daemon thread, so that AWT's headless toolkit, the
 * fonts, XChart and the PNG encoder are loaded and initialised by the time the first real plot is
 * drawn (in a cold JVM that is most of the first plot's cost: about 0.25 s of the main thread's CPU
 * for the seed's raster, docs/benchmarks-history.md). Started at most once per JVM.
 */
final class Warmup {
  private static CompletableFuture<Void> started;

  private Warmup() {}

  static synchronized CompletableFuture<Void> start() {
    if (started == null) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Thread thread = new Thread(() -> run(done), "brainstem-plot-warmup");
      thread.setDaemon(true); // never keeps the JVM alive
      thread.start();
      started = done;
    }
    return started;
  }

  private static void run(CompletableFuture<Void> done) {
    try {
      RasterPlot plot = Plots.raster(new double[] {0, 0.1}, new boolean[][] {{true}, {false}})
          .title("warm-up");
      Figure.writePng(plot.image(), OutputStream.nullOutputStream());
      done.complete(null);
    } catch (IOException e) {
      done.completeExceptionally(new UncheckedIOException(e));
    } catch (RuntimeException | Error e) {
      done.completeExceptionally(e);
    }
  }
}
