/**
 * Runners for training (BrainPy's {@code DSTrainer} family): {@link io.brainstem.train.RidgeTrainer}
 * solves a ridge readout of a group variable's states collected over a run (offline);
 * {@link io.brainstem.train.ForceTrainer} updates the readout by recursive least squares at every
 * step (FORCE, online), feeding its output back into the network.
 * {@link io.brainstem.train.HorizonForecast} runs the echo-state forecasting protocol of
 * {@code brainstem train esn}, {@link io.brainstem.train.MackeyGlass} generates its test series.
 * Both trainers are {@link io.brainstem.runners.Runner}s: the step loop, threads, monitors and
 * {@code reset()} are the runners'. A network of B trials ({@code Trainer.Builder.trials},
 * {@link io.brainstem.train.EchoStateNetwork#network(int)}) runs B sequences in one pass; the ridge
 * trainer fits them in memory or streamed. Linear algebra comes from EJML. See docs/tutorial.md, "Runners
 * for training".
 */
package io.brainstem.train;
