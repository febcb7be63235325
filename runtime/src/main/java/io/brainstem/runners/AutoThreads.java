package io.brainstem.runners;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;

/**
 * The thread count a runner uses when {@link RunnerBuilder#threads} is not set: {@code min(cores,
 * max(1, floor(work / WORK_PER_THREAD)))}, where {@code work} estimates one step's element updates.
 *
 * <p>A step on {@code n} threads pays one to three barriers (after the projections and the groups,
 * or one after both, and unless the step is planned after the clearing of the inputs), each
 * chunk's walk of the spiking rows, and the serial join of the spike lists: a few microseconds on
 * any machine, and more when a worker has parked; a network whose step is not much longer than
 * that runs slower on two threads than on one. {@code work} counts every neuron, every
 * postsynaptic element of every projection (each integrated once a step) and a thousandth of the
 * synapses (the events of a step at about 10 Hz and dt = 0.1 ms). {@link #WORK_PER_THREAD} puts
 * COBA with 10 000 neurons (work 30 800; two threads 0.66-1.39x of one on a quiet 2-core Zen 5)
 * on one thread and 20 000 (61 600; 0.90-1.89x, median 1.4x) on two (docs/runners.md,
 * "Threads").
 */
public final class AutoThreads {
  /** The work (element updates per step) that one more thread needs to pay for its barriers. */
  public static final int WORK_PER_THREAD = 30_000;

  private AutoThreads() {}

  /** The estimated element updates of one step of {@code network} (see the class comment). */
  public static long work(Network network) {
    long work = 0;
    for (NeuronGroup g : network.groups()) {
      work += g.size();
    }
    for (Projection p : network.projections()) {
      work += p.post().size() + p.synapseCount() / 1000;
    }
    return work;
  }

  /**
   * The automatic thread count for {@code network} on {@code cores} processors: {@code min(cores,
   * max(1, work(network) / WORK_PER_THREAD))}.
   *
   * @throws IllegalArgumentException if {@code cores < 1}
   */
  public static int of(Network network, int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be at least 1, got " + cores);
    }
    long byWork = work(network) / WORK_PER_THREAD;
    return (int) Math.max(1, Math.min(cores, byWork));
  }
}
