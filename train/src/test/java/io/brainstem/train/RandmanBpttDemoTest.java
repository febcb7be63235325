package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.train.bptt.BptTrainer;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.data.Split;
import io.brainstem.train.optim.Adam;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Demonstration 3 of issue 14: a spiking classifier trained by BPTT on Zenke &amp; Vogels' Randman
 * (10 classes, 100 input units, 100 steps, D = 1, 100 samples per class, 20 % held out, fixed
 * seeds): 100 LIF hidden neurons and 10 leaky readouts, Adam 0.02, 20 epochs of batches of 64;
 * held-out accuracy at least 90 % (measured: 94.0 %).
 */
class RandmanBpttDemoTest {
  private static final int EPOCHS = 20;

  @Test
  void heldOutAccuracyAtLeastNinetyPercent() {
    RandmanData data = RandmanData.builder().classes(10).units(100).steps(100)
        .manifoldDimension(1).samplesPerClass(100).seed(42).build();
    Split split = Split.stratified(data, 0.2, 1);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] last = {cpu.getCurrentThreadCpuTime()};
    double[] cpuSeconds = new double[EPOCHS];
    BptTrainer trainer = BptTrainer.builder(100, 100, 10)
        .optimizer(Adam.of(0.02))
        .seed(7)
        .progress(e -> {
          long now = cpu.getCurrentThreadCpuTime();
          cpuSeconds[e.epoch()] = (now - last[0]) / 1e9;
          last[0] = now;
          System.out.printf("epoch %d loss %.4f train accuracy %.3f, %.2f s CPU%n",
              e.epoch(), e.loss(), e.accuracy(), cpuSeconds[e.epoch()]);
        })
        .build();
    trainer.fit(split.train(), EPOCHS, 64, 3);
    double accuracy = trainer.accuracy(split.test(), 200);
    double[] sorted = cpuSeconds.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf("held-out accuracy %.3f; median epoch CPU %.2f s%n", accuracy,
        sorted[EPOCHS / 2]);

    XYChart chart = Figures.chart(String.format(
        "BPTT on Randman (10 classes): training loss; held-out accuracy %.1f %%", 100 * accuracy),
        "epoch", "cross-entropy");
    double[] losses = trainer.lossHistory().stream().mapToDouble(Double::doubleValue).toArray();
    Figures.line(chart, "training loss", Figures.range(1, EPOCHS), losses);
    assertThat(Files.isRegularFile(Figures.save(chart, "train-bptt-randman-loss"))).isTrue();
    assertThat(losses[EPOCHS - 1]).isLessThan(losses[0]);
    assertThat(accuracy).isAtLeast(0.9);
  }
}
