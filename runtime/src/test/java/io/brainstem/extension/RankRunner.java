package io.brainstem.extension;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.StepPhase;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shape of a distributed runner, with threads standing in for MPI ranks: each rank's network
 * holds its own group and a ghost of every other rank's group (same name and size, spiking only when
 * told). After {@link StepPhase#SPIKES} each rank publishes its group's spikes, waits for the others,
 * and makes each ghost spike as the group it mirrors did; projections from ghosts deliver them in
 * the next step, as projections from the real groups do in the whole network.
 */
public final class RankRunner extends Runner {
  private final Exchange exchange;
  private final int rank;
  private final NeuronGroup own;
  private final NeuronGroup[] ghosts; // ghosts[r]: rank r's group here, null for this rank

  private RankRunner(Builder b) {
    super(b);
    this.exchange = b.exchange;
    this.rank = b.rank;
    this.own = network().group(exchange.groupNames[rank]);
    this.ghosts = new NeuronGroup[exchange.groupNames.length];
    for (int r = 0; r < ghosts.length; r++) {
      ghosts[r] = r == rank ? null : network().group(exchange.groupNames[r]);
    }
  }

  public static Builder builder(Network network, Exchange exchange, int rank) {
    return new Builder(network, exchange, rank);
  }

  @Override
  protected void afterPhase(StepPhase phase, long step, double t) {
    if (phase != StepPhase.SPIKES) {
      return;
    }
    exchange.spikes[rank] = own.spikeIndices();
    exchange.await(); // every rank has published
    for (int r = 0; r < ghosts.length; r++) {
      if (ghosts[r] != null) {
        ghosts[r].setSpikes(exchange.spikes[r]);
      }
    }
    exchange.await(); // every rank has read before the next step publishes again
  }

  /** What the ranks share: one slot of spike indices per rank, and a barrier. */
  public static final class Exchange {
    final String[] groupNames; // groupNames[r]: the group rank r simulates
    final int[][] spikes;
    private final CyclicBarrier barrier;

    public Exchange(String... groupNames) {
      this.groupNames = groupNames.clone();
      this.spikes = new int[groupNames.length][];
      this.barrier = new CyclicBarrier(groupNames.length);
    }

    void await() {
      try {
        barrier.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while exchanging spikes", e);
      } catch (BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("another rank failed or stalled", e);
      }
    }
  }

  public static final class Builder extends RunnerBuilder<Builder> {
    private final Exchange exchange;
    private final int rank;

    Builder(Network network, Exchange exchange, int rank) {
      super(network);
      this.exchange = exchange;
      this.rank = rank;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public RankRunner build() {
      return new RankRunner(this);
    }
  }
}
