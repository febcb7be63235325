package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.export.Npy;
import io.brainstem.export.NpyReader;
import io.brainstem.train.EchoStateNetwork;
import io.brainstem.train.HorizonForecast;
import io.brainstem.train.MackeyGlass;
import io.brainstem.train.Metrics;
import io.brainstem.train.RidgeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class TrainEsnCommandTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = BrainstemCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
    assertWithMessage(json).that(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void forecastsAMackeyGlassFileAlignedAsDocumented(@TempDir Path dir) throws IOException {
    double[] s = MackeyGlass.series(1400);
    Path series = Npy.write(dir.resolve("mg.npy"), s);
    Path out = dir.resolve("esn");
    int n = 900;
    int h = 5;
    Result r = run("train", "esn", "--series", series.toString(), "--train", "" + n, "--washout",
        "100", "--horizon", "" + h, "--units", "150", "--ridge", "1e-7", "--seed", "3", "--out",
        out.toString());
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
    double[] p = NpyReader.readNpy(out.resolve("prediction.npy"));
    assertThat(p).hasLength(s.length - n - h + 1);
    double[] target = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      target[i] = s[n + i + h - 1];
    }
    String summary = Files.readString(out.resolve("summary.json"));
    double nrmse = number(summary, "nrmse");
    assertThat(nrmse).isWithin(1e-12 * nrmse).of(Metrics.nrmse(p, target));
    assertThat(nrmse).isLessThan(0.1);
    assertThat(number(summary, "first_predicted_index")).isEqualTo(n + h - 1.0);
    // the same forecast as the library's protocol, bit for bit
    try (RidgeTrainer t = EchoStateNetwork.forecaster(150, 3).ridgeTrainer(100, 1e-7).build()) {
      assertThat(p).isEqualTo(HorizonForecast.run(t, s, n, h).prediction());
    }
  }

  @Test
  void badInputIsAUsageErrorNamingTheFix(@TempDir Path dir) {
    Path series = Npy.write(dir.resolve("mg.npy"), MackeyGlass.series(300));
    Path out = dir.resolve("o");
    Result tooLong = run("train", "esn", "--series", series.toString(), "--train", "300",
        "--out", out.toString());
    assertThat(tooLong.code()).isEqualTo(2);
    assertThat(tooLong.err()).contains("nothing to predict");
    Result shortFit = run("train", "esn", "--series", series.toString(), "--train", "150",
        "--washout", "100", "--horizon", "50", "--out", out.toString());
    assertThat(shortFit.code()).isEqualTo(2);
    assertThat(shortFit.err()).contains("nothing to fit");
    Path matrix = Npy.write(dir.resolve("m.npy"), new double[][] {{1, 2}, {3, 4}});
    Result twoD = run("train", "esn", "--series", matrix.toString(), "--train", "1", "--out",
        out.toString());
    assertThat(twoD.code()).isEqualTo(2);
    assertThat(twoD.err()).contains("1-D");
    Result missing = run("train", "esn", "--train", "1", "--out", out.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--series");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void helpDocumentsEveryOption() {
    Result r = run("train", "esn", "--help");
    assertThat(r.code()).isEqualTo(0);
    CommandLine esn = BrainstemCli.commandLine().getSubcommands().get("train").getSubcommands().get("esn");
    for (OptionSpec option : esn.getCommandSpec().options()) {
      assertWithMessage("help of train esn").that(r.out()).contains(option.longestName());
      assertWithMessage("description of " + option.longestName())
          .that(String.join(" ", option.description())).isNotEmpty();
    }
    assertThat(r.out()).contains("S[N+i+H-1]");
  }
}
