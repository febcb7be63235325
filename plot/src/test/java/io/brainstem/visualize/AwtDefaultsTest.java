package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWT settings plots choose, and that the text shaper they choose draws the same pixels. */
class AwtDefaultsTest {
  @Test
  void choosesTheJniTextShaperUnlessTheUserChoseOne() {
    String before = System.getProperty(AwtDefaults.FFM_TEXT_LAYOUT);
    try {
      System.clearProperty(AwtDefaults.FFM_TEXT_LAYOUT);
      AwtDefaults.ensure();
      assertThat(System.getProperty(AwtDefaults.FFM_TEXT_LAYOUT)).isEqualTo("false");
      System.setProperty(AwtDefaults.FFM_TEXT_LAYOUT, "true");
      AwtDefaults.ensure();
      assertThat(System.getProperty(AwtDefaults.FFM_TEXT_LAYOUT)).isEqualTo("true");
    } finally {
      if (before == null) {
        System.clearProperty(AwtDefaults.FFM_TEXT_LAYOUT);
      } else {
        System.setProperty(AwtDefaults.FFM_TEXT_LAYOUT, before);
      }
    }
  }

  /** Two fresh JVMs (the JDK reads the property once): FFM and JNI shaping, the same PNG. */
  @Test
  void bothTextShapersWriteTheSamePng(@TempDir Path dir) throws Exception {
    Path ffm = dir.resolve("ffm.png");
    Path jni = dir.resolve("jni.png");
    draw("true", ffm);
    draw("false", jni);
    assertThat(Files.size(jni)).isGreaterThan(1000L);
    assertThat(Files.readAllBytes(jni)).isEqualTo(Files.readAllBytes(ffm));
  }

  private static void draw(String useFfm, Path png) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(List.of(java, "-Djava.awt.headless=true",
        "-D" + AwtDefaults.FFM_TEXT_LAYOUT + "=" + useFfm,
        "-cp", System.getProperty("java.class.path"), TextProbe.class.getName(), png.toString()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEmpty();
    assertThat(p.exitValue()).isEqualTo(0);
  }

  /** Draws a plot with a title, axis titles and tick labels. */
  static final class TextProbe {
    public static void main(String[] args) throws IOException {
      double[] ts = {0, 0.1, 0.2, 0.3};
      double[][] v = {{-65, -60}, {-55, -62}, {-50, -58}, {-70, -66}};
      Plots.line(ts, v).title("Shaped text: V (mV), 0–0.3 ms").yLabel("V (mV)")
          .savePng(Path.of(args[0]));
    }
  }
}
