package io.brainstem.checkpoint;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.checkpoint.CheckpointResumeTest.assertSameRecords;
import static io.brainstem.checkpoint.CheckpointResumeTest.assertSameState;
import static io.brainstem.checkpoint.CheckpointResumeTest.configured;
import static io.brainstem.checkpoint.CheckpointResumeTest.network;

import io.brainstem.export.NpyDirectory;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a user meets it: a child JVM runs with periodic checkpoints, streaming its monitors, and is
 * killed with SIGKILL ({@code Process.destroyForcibly} on Linux) mid-run; a fresh network and runner
 * resumed from its last checkpoint, streaming to the same directory, end exactly as the
 * uninterrupted run, and the streamed files had lost only what came after that checkpoint.
 */
class CheckpointKillTest {
  private static final double DURATION = 300;
  @TempDir Path dir;

  /** A runner that sleeps a little after every other step, so that the parent can kill it mid-run. */
  static final class SlowRunner extends Runner {
    SlowRunner(Builder b) {
      super(b);
    }

    @Override
    protected void afterStep(long step, double t) {
      if (step % 2 == 0) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    static final class Builder extends RunnerBuilder<Builder> {
      Builder(Network net) {
        super(net);
      }

      @Override
      protected Builder self() {
        return this;
      }

      @Override
      public SlowRunner build() {
        return new SlowRunner(this);
      }
    }
  }

  /** The child: {@code args} are the checkpoint and stream directories. */
  public static void main(String[] args) {
    Runner r = configured(new SlowRunner.Builder(network(Precision.DOUBLE)))
        .checkpointEvery(20, Path.of(args[0])).streamTo(Path.of(args[1])).build();
    System.out.println("running");
    System.out.flush();
    r.run(DURATION);
    System.out.println("finished");
  }

  @Test
  void killedMidRunAndResumedEndsAsTheUninterruptedRun() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    Path streams = dir.resolve("streams");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), CheckpointKillTest.class.getName(), checkpoints.toString(),
        streams.toString()).redirectErrorStream(true).start();
    long killedAfter;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("running")) {
        // JVM warnings come first
      }
      assertThat(line).isEqualTo("running");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (latestStep(checkpoints) < 1000) { // a few checkpoints written, the run far from its end
        assertThat(child.isAlive()).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(10);
      }
      Thread.sleep(System.nanoTime() % 53); // anywhere, possibly mid-checkpoint
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).isEqualTo(137);
    killedAfter = CheckpointStore.readManifest(checkpoints).step();
    assertThat(killedAfter).isLessThan(3000L);
    // the streamed files hold at least every step up to the last checkpoint
    assertThat((long) NpyDirectory.read(streams).ts().length).isAtLeast(killedAfter);

    Runner plain = configured(DSRunner.builder(network(Precision.DOUBLE))).build();
    plain.run(DURATION);
    plain.close();

    Runner resumed = configured(DSRunner.builder(network(Precision.DOUBLE))).streamTo(streams)
        .resumeFrom(checkpoints).build();
    assertThat(resumed.step()).isEqualTo(killedAfter);
    resumed.finishRun();
    resumed.close();
    assertSameRecords(plain.mon(), resumed.mon());
    assertSameState(plain.network(), resumed.network());
    assertSameRecords(plain.mon(), NpyDirectory.read(streams)); // the files alone, as numpy sees them
  }

  private static long latestStep(Path checkpoints) {
    if (!Files.exists(checkpoints.resolve(CheckpointStore.LATEST))) {
      return -1;
    }
    try {
      return CheckpointStore.readManifest(checkpoints).step();
    } catch (CheckpointException e) {
      return -1; // LATEST replaced while reading: try again
    }
  }
}
