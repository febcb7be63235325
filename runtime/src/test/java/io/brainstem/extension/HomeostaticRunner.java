package io.brainstem.extension;

import io.brainstem.models.ExpCobaProjection;
import io.brainstem.network.Network;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;

/**
 * The shape of a trainer: after every step it reads the network's state (how many of the
 * projection's presynaptic neurons spiked) and changes a weight for the next step: the
 * projection's {@code g_max} shrinks by {@code rate} per spike and relaxes back otherwise.
 */
public final class HomeostaticRunner extends Runner {
  private final ExpCobaProjection projection;
  private final double rate;
  private double gMax;

  private HomeostaticRunner(Builder b) {
    super(b);
    this.projection = (ExpCobaProjection) network().projection(b.projection);
    this.rate = b.rate;
    this.gMax = b.initial;
    projection.g_max(gMax);
  }

  public static Builder builder(Network network, String projection, double initial, double rate) {
    return new Builder(network, projection, initial, rate);
  }

  @Override
  protected void afterStep(long step, double t) {
    gMax = rule(gMax, projection.pre().spikeCount(), rate);
    projection.g_max(gMax);
  }

  /** The rule: the weight after a step in which {@code spikes} presynaptic neurons fired. */
  static double rule(double gMax, int spikes, double rate) {
    return spikes > 0 ? gMax * (1 - rate * spikes) : gMax + 0.01 * (0.6 - gMax);
  }

  public static final class Builder extends RunnerBuilder<Builder> {
    private final String projection;
    private final double initial;
    private final double rate;

    Builder(Network network, String projection, double initial, double rate) {
      super(network);
      this.projection = projection;
      this.initial = initial;
      this.rate = rate;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public HomeostaticRunner build() {
      return new HomeostaticRunner(this);
    }
  }
}
