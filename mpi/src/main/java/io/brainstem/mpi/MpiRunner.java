package io.brainstem.mpi;

import io.brainstem.network.StepPhase;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps one rank's {@link DistributedNetwork} as {@code DSRunner} steps a whole one, and after each
 * step's {@link StepPhase#SPIKES} phase exchanges the spikes with every other rank
 * (MPI_Allgatherv), so that the next step's projections deliver every presynaptic spike. All ranks
 * must build the same network (checked before the first step: a different seed, size or rank
 * count on one rank stops every rank with a message naming it) and run the same durations.
 *
 * <p>Monitors see this rank's groups; the mirrors ({@code E@all.spike}) hold every rank's spikes
 * in global indices, so rank 0 alone can record the whole network's spikes (see docs/scaling.md).
 * A collective that waits longer than {@link Builder#exchangeTimeout} stops every rank.
 */
public final class MpiRunner extends Runner {
  private final Communicator comm;
  private final DistributedNetwork net;
  private final SpikeExchange exchange;
  private final Watchdog watchdog;
  private boolean checked;

  private MpiRunner(Builder builder) {
    super(builder);
    this.comm = builder.comm;
    this.net = builder.net;
    this.watchdog = new Watchdog(comm, builder.timeoutSeconds);
    this.exchange = new SpikeExchange(comm, net, watchdog, builder.cpuTiming);
  }

  /** Starts configuring a runner for this rank's part {@code network}, exchanging over {@code comm}. */
  public static Builder builder(DistributedNetwork network, Communicator comm) {
    return new Builder(network, comm);
  }

  /** The communicator the spikes go over. */
  public Communicator communicator() {
    return comm;
  }

  /** How many spike exchanges have run. */
  public long exchanges() {
    return exchange.exchanges();
  }

  /**
   * Wall seconds this rank has spent in the spike exchanges so far: the transfer and the wait for
   * the slowest rank of each step (the rest of the loop is this rank's own work).
   */
  public double exchangeSeconds() {
    return exchange.exchangeSeconds();
  }

  /**
   * The stepping thread's CPU seconds in the spike exchanges so far, with
   * {@link Builder#exchangeCpuTiming} on (else 0): MPI polls while it waits, so this CPU time is
   * waiting, and the loop's CPU time minus it is this rank's own work, which machine load does not
   * inflate.
   */
  public double exchangeCpuSeconds() {
    return exchange.exchangeCpuSeconds();
  }

  @Override
  protected void runStarted(long firstStep, int steps) {
    if (!checked) {
      checkSameNetwork();
      checked = true;
    }
  }

  /** Every rank must have built the same network: compares the fingerprints and the run length. */
  private void checkSameNetwork() {
    int n = comm.size();
    long[] mine = {net.fingerprint(), Double.doubleToLongBits(dt())};
    long[] all = new long[2 * n];
    watchdog.enter(step());
    comm.allgather(mine, 2, all);
    watchdog.leave();
    List<Integer> differ = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (all[2 * r] != all[0] || all[2 * r + 1] != all[1]) {
        differ.add(r);
      }
    }
    if (!differ.isEmpty()) {
      throw new IllegalStateException("ranks " + differ + " built a different network or dt than "
          + "rank 0 (this is rank " + comm.rank() + ": " + net.describe() + ", dt " + dt() + " ms); "
          + "every rank must build the same network with the same seed, sizes and dt");
    }
  }

  @Override
  protected void afterPhase(StepPhase phase, long step, double t) {
    if (phase == StepPhase.SPIKES) {
      exchange.exchange(step);
    }
  }

  @Override
  protected void onClose() {
    watchdog.close();
  }

  /** Configures an {@link MpiRunner}; see {@link RunnerBuilder}. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final DistributedNetwork net;
    private final Communicator comm;
    private double timeoutSeconds = 120;
    private boolean cpuTiming;

    Builder(DistributedNetwork network, Communicator comm) {
      super(network);
      this.net = network;
      if (comm == null) {
        throw new IllegalArgumentException("an MpiRunner needs a communicator (Mpi.init() or ThreadRanks), got null");
      }
      if (comm.size() != network.partition().ranks() || comm.rank() != network.partition().rank()) {
        throw new IllegalArgumentException("the network is partitioned for rank "
            + network.partition().rank() + " of " + network.partition().ranks()
            + " but the communicator is rank " + comm.rank() + " of " + comm.size()
            + "; build it with new DistributedNetwork(Partition.of(comm))");
      }
      this.comm = comm;
    }

    /**
     * How long one spike exchange may wait for the other ranks before every rank is stopped
     * (default 120 s; the first exchange waits for the slowest rank to build its part).
     */
    public Builder exchangeTimeout(double seconds) {
      if (!(seconds > 0) || Double.isInfinite(seconds)) {
        throw new IllegalArgumentException("exchangeTimeout must be positive and finite seconds, got " + seconds);
      }
      this.timeoutSeconds = seconds;
      return this;
    }

    /**
     * Also measures the stepping thread's CPU time in the exchanges ({@link
     * MpiRunner#exchangeCpuSeconds}): two clock reads per step, for benchmarks (default off).
     */
    public Builder exchangeCpuTiming(boolean on) {
      this.cpuTiming = on;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Validates the configuration and creates the runner. */
    @Override
    public MpiRunner build() {
      return new MpiRunner(this);
    }
  }
}
