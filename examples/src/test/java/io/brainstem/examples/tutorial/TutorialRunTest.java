package io.brainstem.examples.tutorial;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.DSRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tutorial's code and checks what the tutorial says about its results. */
class TutorialRunTest {

  @Test
  void tutorialMainWritesEveryPlotTheDocShows(@TempDir Path img) throws Exception {
    Tutorial.main(new String[] {img.toString()});
    for (String name : TutorialDocTest.images(Files.readString(TutorialDocTest.DOC))) {
      assertWithMessage(name).that(Files.size(img.resolve(name))).isGreaterThan(1000L);
    }
  }

  @Test
  void runnerArgumentsAreTheSeedsAndBothRunnersAgree(@TempDir Path img) {
    DSRunner seed = RunnerArguments.seedRunner();
    assertThat(seed.dt()).isEqualTo(0.1);
    assertThat(seed.jit()).isTrue();
    seed.run(100.);
    MonitorResults ds = DsRunnerExample.run(img);
    MonitorResults report = ReportRunnerExample.run(img);
    assertThat(ds.steps()).isEqualTo(1000);
    assertThat(Arrays.deepEquals(ds.spikes("E.spike"), seed.mon().spikes("E.spike"))).isTrue();
    assertThat(Arrays.deepEquals(ds.spikes("E.spike"), report.spikes("E.spike"))).isTrue();
    assertThat(rateHz(ds.spikes("E.spike"), 100.)).isWithin(3.).of(22.);
  }

  @Test
  void jitFalseMatchesJitBitForBit(@TempDir Path img) {
    assertThat(Debugging.compare(img)).isTrue();
    assertThat(rateHz(Debugging.run(false).spikes("N.spike"), 200.)).isGreaterThan(0.);
  }

  @Test
  void monitorShapesAreAsDocumented(@TempDir Path img) {
    MonitorResults mon = MonitorsExample.run(img);
    assertThat(mon.names()).containsExactly("E.spike", "I.spike", "E.V", "E.V[100]").inOrder();
    assertThat(mon.ts()[1]).isWithin(1e-12).of(0.1);
    assertThat(mon.ts()[999]).isWithin(1e-9).of(99.9);
    assertThat(mon.spikes("I.spike")[0].length).isEqualTo(800);
    assertThat(mon.values("E.V")[0].length).isEqualTo(3);
    double[][] v100 = mon.get("E.V[100]");
    assertThat(v100[0].length).isEqualTo(1);
  }

  @Test
  void moreInputMeansMoreSpikes(@TempDir Path img) {
    boolean[][] spikes = InputsExample.perElement(img).spikes("N.spike");
    int[] counts = new int[5];
    for (boolean[] row : spikes) {
      for (int i = 0; i < 5; i++) {
        counts[i] += row[i] ? 1 : 0;
      }
    }
    for (int i = 1; i < 5; i++) {
      assertWithMessage(Arrays.toString(counts)).that(counts[i]).isGreaterThan(counts[i - 1]);
    }
  }

  static double rateHz(boolean[][] spikes, double durationMs) {
    long n = 0;
    for (boolean[] row : spikes) {
      for (boolean s : row) {
        n += s ? 1 : 0;
      }
    }
    return n / (spikes[0].length * durationMs / 1000.);
  }
}
