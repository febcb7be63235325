package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.export.NpyReader;
import io.brainstem.export.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code brainstem run song2000} end to end against Brian2 over 20 s of biological time
 * (resources brian2/song2000_20s*, made by runtime/src/test/resources/brian2/song2000.py): the files in,
 * spikes.npz and weights.npy out; every postsynaptic spike equals Brian2's, every weight is within
 * 1e-9·gmax.
 */
class Song2000CommandTest {
  @Test
  void twentySecondsMatchBrian2(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.npz");
    double[] steps = NpyReader.read(copy("song2000_20s_in.npz", dir), "steps");
    double[] indices = NpyReader.read(dir.resolve("song2000_20s_in.npz"), "indices");
    double[] times = new double[steps.length];
    for (int n = 0; n < steps.length; n++) {
      times[n] = steps[n] * 0.1;
    }
    Npz.builder().put("indices", Arrays.stream(indices).mapToLong(x -> (long) x).toArray())
        .put("times", times).write(in);
    Path w0 = copy("song2000_20s_w0.npy", dir);
    Path out = dir.resolve("out");
    StringWriter text = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = BrainstemCli.commandLine();
    cli.setOut(new PrintWriter(text));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("run", "song2000", "--input-spikes", in.toString(),
        "--initial-weights", w0.toString(), "--duration", "20000", "--out", out.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(0);

    Map<String, double[]> brian2 = reference();
    double[] spikeTimes = NpyReader.read(out.resolve("spikes.npz"), "times");
    double[] spikeIndices = NpyReader.read(out.resolve("spikes.npz"), "indices");
    double[] weights = NpyReader.readNpy(out.resolve("weights.npy"));
    double error = 0;
    for (int n = 0; n < weights.length; n++) {
      error = Math.max(error, Math.abs(weights[n] - brian2.get("w")[n]));
    }
    System.out.println("song2000 CLI vs Brian2, 20 s: " + spikeTimes.length + " post spikes ("
        + brian2.get("spikes").length + " in Brian2), max |w - Brian2| / gmax = "
        + error / Song2000.GMAX);
    assertThat(spikeTimes).usingTolerance(1e-6).containsExactly(brian2.get("spikes")).inOrder();
    assertThat(spikeIndices).hasLength(spikeTimes.length);
    assertThat(weights).hasLength(1000);
    assertThat(error).isLessThan(1e-9 * Song2000.GMAX);
    assertThat(text.toString()).contains(spikeTimes.length + " postsynaptic spikes");
  }

  @Test
  void otherNetworksRefuseTheFiles(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cli = BrainstemCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("run", "song2000", "--duration", "10");
    assertThat(code).isNotEqualTo(0);
    assertThat(err.toString()).contains("song2000 needs --input-spikes IN.npz");
  }

  @Test
  void aBadIndexIsNamed(@TempDir Path dir) throws IOException {
    Path in = Npz.builder().put("indices", new long[] {0, 3}).put("times", new double[] {1, 2})
        .write(dir.resolve("in.npz"));
    Path w0 = dir.resolve("w0.npy");
    io.brainstem.export.Npy.write(w0, new double[] {0.005, 0.005});
    StringWriter err = new StringWriter();
    CommandLine cli = BrainstemCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("run", "song2000", "--input-spikes", in.toString(),
        "--initial-weights", w0.toString(), "--duration", "10", "--out",
        dir.resolve("out").toString());
    assertThat(code).isNotEqualTo(0);
    assertThat(err.toString()).contains("index 1 is 3.0, but there are 2 inputs");
  }

  private static Path copy(String name, Path dir) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = Song2000CommandTest.class.getResourceAsStream("/brian2/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static Map<String, double[]> reference() throws IOException {
    Map<String, double[]> out = new HashMap<>();
    try (InputStream in = Song2000CommandTest.class.getResourceAsStream(
        "/brian2/song2000_20s.out")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.trim().split(" ");
        out.put(parts[0], Arrays.stream(parts).skip(1).mapToDouble(Double::parseDouble).toArray());
      }
    }
    return out;
  }
}
