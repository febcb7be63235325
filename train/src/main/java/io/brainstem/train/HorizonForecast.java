package io.brainstem.train;

/**
 * Direct H-step-ahead forecasting of a scalar series with a {@link RidgeTrainer}, the protocol of
 * {@code brainstem train esn}. The series drives the network, one sample per step: the state after
 * step {@code t} has seen {@code S[0..t]}. A readout trained on the target {@code S[t + H]} of the
 * state at {@code t} estimates {@code S[t + H]} directly (no closed loop, so errors do not feed
 * back; one readout per horizon). The network's input is the series standardised by the mean and
 * standard deviation of {@code S[0 : N]} (the training part only), so that any scale drives the
 * units in their working range; targets and predictions stay in the series' units.
 *
 * <ul>
 *   <li><b>Fit</b> on {@code S[0 : N]} only: inputs {@code S[0 : N − H]}, targets
 *       {@code S[H : N]}; the trainer's washout drops the first states.
 *   <li><b>Predict</b>, continuing the run: inputs {@code S[N − H : len − H]}; the state after
 *       input {@code S[N + i − 1]} gives {@code prediction[i]}, the estimate of
 *       {@code S[N + i + H − 1]}, for {@code i = 0 … len − N − H}.
 * </ul>
 */
public final class HorizonForecast {
  private HorizonForecast() {}

  /**
   * The forecast and its error.
   *
   * @param prediction {@code prediction[i]} estimates {@code S[N + i + H − 1]}
   * @param target {@code S[N + i + H − 1]}
   * @param nrmse {@link Metrics#nrmse} of the prediction against the target
   * @param trainingMse the fit's training mean squared error
   */
  public record Result(double[] prediction, double[] target, double nrmse, double trainingMse) {}

  /**
   * Fits {@code trainer} on {@code series[0 : train]} and predicts {@code horizon} steps ahead over
   * the rest (see the class comment for the alignment).
   *
   * @param trainer a ridge trainer with input weights of one column, fresh or {@code reset()}
   * @param series the scalar series
   * @param train N, the training length
   * @param horizon H ≥ 1
   * @throws IllegalArgumentException if the lengths leave nothing to fit or to predict
   */
  public static Result run(RidgeTrainer trainer, double[] series, int train, int horizon) {
    if (trainer.inputWidth() != 1) {
      throw new IllegalArgumentException("the forecast feeds one series: give the trainer input "
          + "weights of one column, [units][1]; it has " + trainer.inputWidth());
    }
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be ≥ 1 step, got " + horizon);
    }
    if (train - horizon <= trainer.washout()) {
      throw new IllegalArgumentException("nothing to fit: training length " + train + " minus the "
          + "horizon " + horizon + " leaves " + (train - horizon) + " states, not more than the "
          + "washout " + trainer.washout() + "; train longer or wash out less");
    }
    if (series.length < train + horizon) {
      throw new IllegalArgumentException("nothing to predict: the series has " + series.length
          + " samples; it needs at least train + horizon = " + (train + horizon));
    }
    for (int i = 0; i < series.length; i++) {
      if (!Double.isFinite(series[i])) {
        throw new IllegalArgumentException("series[" + i + "] is " + series[i]
            + ": the series must be finite");
      }
    }
    double mean = 0;
    for (int t = 0; t < train; t++) {
      mean += series[t];
    }
    mean /= train;
    double var = 0;
    for (int t = 0; t < train; t++) {
      var += (series[t] - mean) * (series[t] - mean);
    }
    double sd = Math.sqrt(var / train);
    if (!(sd > 0)) {
      throw new IllegalArgumentException("the training part S[0:" + train + "] is constant: "
          + "nothing to learn from; train on a part that varies");
    }
    double[][] fitIn = new double[train - horizon][];
    double[][] fitOut = new double[train - horizon][];
    for (int t = 0; t < fitIn.length; t++) {
      fitIn[t] = new double[] {(series[t] - mean) / sd};
      fitOut[t] = new double[] {series[t + horizon]};
    }
    double loss = trainer.fit(fitIn, fitOut);
    int len = series.length;
    double[][] predIn = new double[len - train][];
    for (int j = 0; j < predIn.length; j++) {
      predIn[j] = new double[] {(series[train - horizon + j] - mean) / sd};
    }
    double[][] out = trainer.predict(predIn);
    int count = len - train - horizon + 1;
    double[] prediction = new double[count];
    double[] target = new double[count];
    for (int i = 0; i < count; i++) {
      prediction[i] = out[horizon - 1 + i][0];
      target[i] = series[train + i + horizon - 1];
    }
    return new Result(prediction, target, Metrics.nrmse(prediction, target), loss);
  }
}
