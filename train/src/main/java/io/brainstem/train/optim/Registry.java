package io.brainstem.train.optim;

import io.brainstem.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The parameter/gradient pairs, the step count, the schedule and the clipping shared by the
 * optimizers; subclasses write the per-array update.
 */
abstract class Registry implements Optimizer {
  private final Schedule schedule;
  private final double clipNorm;
  private final List<String> names = new ArrayList<>();
  private final List<String> namesView = Collections.unmodifiableList(names);
  double[][] parameters = new double[0][];
  double[][] gradients = new double[0][];
  private int steps;
  private double lastNorm;

  Registry(Schedule schedule, double clipNorm) {
    if (schedule == null) {
      throw new IllegalArgumentException("schedule is null: pass Schedule.constant(rate) or another");
    }
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("gradient clipping norm is " + clipNorm
          + ": pass a positive maximum global norm, e.g. 1.0");
    }
    this.schedule = schedule;
    this.clipNorm = clipNorm;
  }

  @Override
  public final Optimizer add(String name, double[] parameter, double[] gradient) {
    if (steps > 0) {
      throw new IllegalStateException("parameter '" + name + "' added after " + steps
          + " steps: register every parameter before the first step");
    }
    if (name == null || names.contains(name)) {
      throw new IllegalArgumentException("parameter name " + (name == null ? "null" : "'" + name
          + "' is taken") + ": give each parameter a unique name");
    }
    if (parameter == null || gradient == null) {
      throw new IllegalArgumentException("parameter '" + name + "' has a null "
          + (parameter == null ? "parameter" : "gradient") + " array");
    }
    if (parameter.length != gradient.length) {
      throw new IllegalArgumentException("parameter '" + name + "' has " + parameter.length
          + " values but its gradient has " + gradient.length + ": pass arrays of equal length");
    }
    if (parameter == gradient) {
      throw new IllegalArgumentException("parameter '" + name
          + "' uses one array as parameter and gradient: pass a separate gradient array");
    }
    for (int i = 0; i < names.size(); i++) {
      if (registered(parameters[i], parameter, gradient) || registered(gradients[i], parameter,
          gradient)) {
        throw new IllegalArgumentException("parameter '" + name + "' shares an array with '"
            + names.get(i) + "': register each array once");
      }
    }
    names.add(name);
    parameters = Arrays.copyOf(parameters, names.size());
    gradients = Arrays.copyOf(gradients, names.size());
    parameters[names.size() - 1] = parameter;
    gradients[names.size() - 1] = gradient;
    added(parameter.length);
    return this;
  }

  private static boolean registered(double[] known, double[] parameter, double[] gradient) {
    return known == parameter || known == gradient;
  }

  /** Allocates the state (moments, velocities) of the parameter just added. */
  abstract void added(int length);

  /** Called once per step before the updates, with {@code t} = {@link #steps()} + 1. */
  void beforeUpdates(int t) {}

  /**
   * Updates parameter {@code k}; {@code scale} multiplies its gradient (the clipping factor, 1
   * without clipping).
   */
  abstract void update(int k, double rate, double scale);

  @Override
  public final void step() {
    if (names.isEmpty()) {
      throw new IllegalStateException("no parameters registered: call add(name, parameter, "
          + "gradient) before step()");
    }
    double sum = 0;
    for (double[] g : gradients) {
      for (double v : g) {
        sum += v * v;
      }
    }
    double norm = Math.sqrt(sum);
    if (!Double.isFinite(norm)) {
      String culprit = nonFinite();
      throw new TrainingDivergedException(steps, (culprit == null
          ? "the global gradient norm overflows" : "the gradient of '" + culprit
          + "' holds NaN or infinity") + " at optimizer step " + steps
          + ": lower the learning rate, set clipGlobalNorm on the optimizer, or check the loss");
    }
    lastNorm = norm;
    double scale = norm > clipNorm ? clipNorm / norm : 1;
    double rate = learningRate();
    beforeUpdates(steps + 1);
    for (int k = 0; k < parameters.length; k++) {
      update(k, rate, scale);
    }
    steps++;
  }

  /** The first parameter whose gradient holds a non-finite value, or null. */
  private String nonFinite() {
    for (int k = 0; k < gradients.length; k++) {
      for (double v : gradients[k]) {
        if (!Double.isFinite(v)) {
          return names.get(k);
        }
      }
    }
    return null;
  }

  @Override
  public final void zeroGradients() {
    for (double[] g : gradients) {
      Arrays.fill(g, 0);
    }
  }

  @Override
  public final int steps() {
    return steps;
  }

  @Override
  public final double learningRate() {
    double rate = schedule.rate(steps);
    if (!(rate >= 0 && rate < Double.POSITIVE_INFINITY)) {
      throw new IllegalStateException("the schedule's learning rate at step " + steps + " is "
          + rate + ": a schedule returns finite non-negative rates");
    }
    return rate;
  }

  @Override
  public final double lastGradientNorm() {
    return lastNorm;
  }

  @Override
  public final List<String> names() {
    return namesView;
  }
}
