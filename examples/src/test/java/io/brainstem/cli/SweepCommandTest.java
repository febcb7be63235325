package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

  @Test
  void eachRowEqualsTheSinglePointRunWithItsSeed(@TempDir Path dir) throws Exception {
    BrainstemCliTest.Result r = BrainstemCliTest.run("sweep", "einet", "--scale", "0.1", "--duration", "30",
        "--param", "E.input=10,25", "--param", "E.tau=15:20:5", "--workers", "2", "--out", dir.toString());
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
    assertThat(lines.get(0)).isEqualTo(
        "index,E.input,E.tau,seed,status,error,E.rate_hz,I.rate_hz,loop_s,seconds");
    assertThat(lines).hasSize(5);
    assertThat(r.out()).contains("4 points (0 failed)");
    String[] row = lines.get(3).split(","); // index 2: E.input 25, E.tau 15
    assertThat(row[1]).isEqualTo("25.0");
    assertThat(row[2]).isEqualTo("15.0");
    assertThat(row[4]).isEqualTo("ok");

    // the same point as a single run with its seed ('run' has no --param: take the point whose
    // E.tau is the default 20)
    String[] row20 = lines.get(4).split(",");
    assertThat(row20[2]).isEqualTo("20.0");
    JsonObject single20 = BrainstemCliTest.json("run", "einet", "--scale", "0.1", "--duration", "30",
        "--seed", row20[3], "--input", "E.input=25", "--json");
    assertThat(Double.parseDouble(row20[6]))
        .isEqualTo(single20.getAsJsonObject("rates_hz").get("E").getAsDouble()); // default E.tau is 20
    assertThat(Double.parseDouble(row20[7]))
        .isEqualTo(single20.getAsJsonObject("rates_hz").get("I").getAsDouble());

    JsonObject summary = com.google.gson.JsonParser.parseString(
        Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
    assertThat(summary.get("points").getAsInt()).isEqualTo(4);
    assertThat(summary.get("failed").getAsInt()).isEqualTo(0);
  }

  @Test
  void aFailedPointIsRecordedAndTheExitCodeIsOne(@TempDir Path dir) throws Exception {
    BrainstemCliTest.Result r = BrainstemCliTest.run("sweep", "einet", "--scale", "0.05", "--duration", "5",
        "--param", "E.tau_ref=2,-1", "--monitor", "E.V[0:3]", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("point 1 {E.tau_ref=-1.0} failed");
    List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
    assertThat(lines.get(1)).contains(",ok,");
    assertThat(lines.get(2)).contains(",failed,");
    assertThat(Files.exists(dir.resolve("points/point-0000.npz"))).isTrue();
  }

  @Test
  void badParamsAreUsageErrors(@TempDir Path dir) {
    BrainstemCliTest.Result noValue = BrainstemCliTest.run("sweep", "einet", "--param", "E.tau", "--out", dir.toString());
    assertThat(noValue.code()).isEqualTo(2);
    assertThat(noValue.err()).contains("PATH=V1,V2");
    BrainstemCliTest.Result range = BrainstemCliTest.run("sweep", "einet", "--param", "E.tau=30:10:5", "--out", dir.toString());
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).contains("FROM <= TO");
    BrainstemCliTest.Result word = BrainstemCliTest.run("sweep", "einet", "--param", "E.tau=1,x", "--out", dir.toString());
    assertThat(word.code()).isEqualTo(2);
    assertThat(word.err()).contains("'x' is not a finite number");
    BrainstemCliTest.Result missingOut = BrainstemCliTest.run("sweep", "einet", "--param", "E.tau=1");
    assertThat(missingOut.code()).isEqualTo(2);
    assertThat(missingOut.err()).contains("--out");
  }
}
