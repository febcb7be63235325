package io.brainstem.cli;

import io.brainstem.export.Npy;
import io.brainstem.export.NpyReader;
import io.brainstem.train.EchoStateNetwork;
import io.brainstem.train.HorizonForecast;
import io.brainstem.train.RidgeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code brainstem train esn}: an echo-state network with a ridge readout forecasts a series
 * {@code H} steps ahead ({@link HorizonForecast}: a direct readout of {@code S[t + H]} from the
 * state at {@code t}).
 */
@Command(
    name = "esn",
    description = {
      "Trains an echo-state network (leaky tanh units, leak 0.3, recurrent weights scaled to "
          + "spectral radius 1.25) with a ridge readout on S[0:N] and forecasts H steps ahead "
          + "over the rest.",
      "The readout maps the state after input S[t] to S[t+H] directly (no closed loop). "
          + "prediction[i] estimates S[N+i+H-1], for i = 0 .. len(S)-N-H."
    },
    sortOptions = false,
    footer = {
      "",
      "Writes DIR/prediction.npy (float64) and DIR/summary.json (nrmse = RMSE / std of the "
          + "targets predicted). Example:",
      "  brainstem train esn --series mg.npy --train 2000 --washout 100 --horizon 50 --out esn"
    })
final class TrainEsnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--series", paramLabel = "S.npy", required = true,
      description = "The series: a 1-D NPY array (float64; float32 and integers are converted), "
          + "one sample per step.")
  Path series;

  @Option(names = "--train", paramLabel = "N", required = true,
      description = "Trains on S[0:N] only.")
  int train;

  @Option(names = "--washout", paramLabel = "W", defaultValue = "100",
      description = "States of the first W steps are not fitted (default: ${DEFAULT-VALUE}).")
  int washout;

  @Option(names = "--horizon", paramLabel = "H", defaultValue = "1",
      description = "Steps ahead, ≥ 1 (default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--units", paramLabel = "U", defaultValue = "500",
      description = "Reservoir units (default: ${DEFAULT-VALUE}).")
  int units;

  @Option(names = "--ridge", paramLabel = "A", defaultValue = "1e-8",
      description = "Ridge penalty α ≥ 0 of the readout; its bias is not penalised "
          + "(default: ${DEFAULT-VALUE}).")
  double ridge;

  @Option(names = "--seed", paramLabel = "K", defaultValue = "42",
      description = "Seed of the reservoir's connectivity and weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output directory (created if needed).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (units < 1) {
      throw new ParameterException(spec.commandLine(), "--units must be ≥ 1, got " + units);
    }
    if (washout < 0) {
      throw new ParameterException(spec.commandLine(), "--washout must be ≥ 0, got " + washout);
    }
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new ParameterException(spec.commandLine(), "--ridge must be finite and ≥ 0, got " + ridge);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " exists and is not a directory");
    }
    if (!Files.isRegularFile(series)) {
      throw new ParameterException(spec.commandLine(), "--series " + series + ": no such file");
    }
    double[] s;
    try {
      s = NpyReader.readNpy(series);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--series: " + e.getMessage());
    }
    if (train < 1 || train > s.length) {
      throw new ParameterException(spec.commandLine(), "--train " + train + " must be in [1, "
          + s.length + "], the series' length");
    }
    HorizonForecast.Result result;
    EchoStateNetwork esn = EchoStateNetwork.forecaster(units, seed);
    try (RidgeTrainer trainer = esn.ridgeTrainer(washout, ridge).build()) {
      result = HorizonForecast.run(trainer, s, train, horizon);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Files.createDirectories(out);
    Npy.write(out.resolve("prediction.npy"), result.prediction());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("nrmse", result.nrmse());
    summary.put("rmse", rmse(result));
    summary.put("predictions", result.prediction().length);
    summary.put("first_predicted_index", train + horizon - 1);
    summary.put("training_mse", result.trainingMse());
    summary.put("series_length", s.length);
    summary.put("train", train);
    summary.put("washout", washout);
    summary.put("horizon", horizon);
    summary.put("units", units);
    summary.put("ridge", ridge);
    summary.put("seed", seed);
    summary.put("spectral_radius", esn.spectralRadius());
    summary.put("method", "direct readout of S[t+H] from the state after S[t]; "
        + "prediction[i] estimates S[N+i+H-1]; nrmse = sqrt(mean((p-y)^2)) / std(y)");
    Files.writeString(out.resolve("summary.json"), Json.write(summary));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("ESN %d units, horizon %d: NRMSE %.4g over %d predictions (S[%d..%d]); wrote %s%n",
        units, horizon, result.nrmse(), result.prediction().length, train + horizon - 1,
        s.length - 1, out);
    stdout.flush();
    return 0;
  }

  private static double rmse(HorizonForecast.Result r) {
    double se = 0;
    for (int i = 0; i < r.target().length; i++) {
      double d = r.prediction()[i] - r.target()[i];
      se += d * d;
    }
    return Math.sqrt(se / r.target().length);
  }
}
