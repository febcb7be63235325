package io.brainstem.mpi;

import io.brainstem.network.NeuronGroup;
import java.util.List;

/**
 * Gives every rank the step's spikes of all ranks: each rank's spikes of its slices, in global
 * indices, gathered and set as the spikes of the {@link SpikeMirror}s. Slices are contiguous and in
 * rank order, so each group's gathered list is ascending, as a single process's. One collective per
 * step: every rank sends a block of fixed size (its counts per group, then up to {@code capacity}
 * spikes, MPI_Allgather); a step with more spikes on some rank sends the rest with MPI_Allgatherv
 * and grows the block (every rank sees the same counts, so all grow it alike). Allocates nothing
 * per step except when the block grows.
 */
final class SpikeExchange {
  private final Communicator comm;
  private final NeuronGroup[] locals;
  private final SpikeMirror[] mirrors;
  private final int[] offsets;
  private final int groups;
  private final int ranks;
  private final int[] counts; // this rank's spike count per group
  private final int[] allCounts; // [rank · groups + group]
  private final int[] rankCounts;
  private final int[] displs;
  private final int[] send;
  private final int[] recv;
  private final int[] joined;
  private int capacity = 64; // spikes per rank in the fixed block
  private int[] block;
  private int[] blocks;
  private final int[] overflowCounts;
  private final int[] overflowDispls;
  private final int[] overflow;
  private final int[] tail;
  private final Watchdog watchdog;
  private long exchanges;
  private long waitNanos;
  private final java.lang.management.ThreadMXBean cpuClock; // null: no CPU timing
  private long cpuNanos;
  private long spikesReceived;

  SpikeExchange(Communicator comm, DistributedNetwork net, Watchdog watchdog, boolean cpuTiming) {
    this.comm = comm;
    this.cpuClock = cpuTiming ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
    this.watchdog = watchdog;
    List<NeuronGroup> sliced = net.slicedGroups();
    this.groups = sliced.size();
    this.ranks = comm.size();
    this.locals = sliced.toArray(new NeuronGroup[0]);
    this.mirrors = new SpikeMirror[groups];
    this.offsets = new int[groups];
    int localTotal = 0;
    int globalTotal = 0;
    int largest = 0;
    for (int g = 0; g < groups; g++) {
      mirrors[g] = net.all(locals[g]);
      offsets[g] = net.slice(locals[g]).from();
      localTotal += locals[g].size();
      globalTotal += mirrors[g].size();
      largest = Math.max(largest, mirrors[g].size());
    }
    this.counts = new int[Math.max(1, groups)];
    this.allCounts = new int[Math.max(1, groups) * ranks];
    this.rankCounts = new int[ranks];
    this.displs = new int[ranks];
    this.send = new int[Math.max(1, localTotal)];
    this.recv = new int[Math.max(1, globalTotal)];
    this.joined = new int[Math.max(1, largest)];
    this.overflowCounts = new int[ranks];
    this.overflowDispls = new int[ranks];
    this.overflow = new int[Math.max(1, globalTotal)];
    this.tail = new int[Math.max(1, localTotal)];
    allocateBlocks();
  }

  /** After a step's SPIKES phase: every mirror gets the step's spikes of its whole group. */
  void exchange(long step) {
    int n = 0;
    for (int g = 0; g < groups; g++) {
      counts[g] = locals[g].spikesInto(send, n, offsets[g]);
      n += counts[g];
    }
    if (ranks == 1) { // nothing to exchange: the spikes are already every spike
      int at = 0;
      for (int g = 0; g < groups; g++) {
        mirrors[g].setSpikes(send, at, counts[g]);
        at += counts[g];
      }
      spikesReceived += n;
      exchanges++;
      return;
    }
    watchdog.enter(step);
    long start = System.nanoTime();
    long cpuStart = cpuClock == null ? 0 : cpuClock.getCurrentThreadCpuTime();
    int width = groups + capacity;
    System.arraycopy(counts, 0, block, 0, groups);
    System.arraycopy(send, 0, block, groups, Math.min(n, capacity));
    comm.allgather(block, width, blocks);
    int at = 0;
    int most = 0;
    for (int r = 0; r < ranks; r++) {
      int c = 0;
      for (int g = 0; g < groups; g++) {
        allCounts[r * groups + g] = blocks[r * width + g];
        c += blocks[r * width + g];
      }
      rankCounts[r] = c;
      displs[r] = at;
      at += c;
      most = Math.max(most, c);
      System.arraycopy(blocks, r * width + groups, recv, displs[r], Math.min(c, capacity));
    }
    if (most > capacity) { // some rank had more spikes than the block holds: send the rest
      int o = 0;
      for (int r = 0; r < ranks; r++) {
        overflowCounts[r] = Math.max(0, rankCounts[r] - capacity);
        overflowDispls[r] = o;
        o += overflowCounts[r];
      }
      int rest = Math.max(0, n - capacity);
      System.arraycopy(send, Math.min(n, capacity), tail, 0, rest);
      comm.allgatherv(tail, rest, overflow, overflowCounts, overflowDispls);
      for (int r = 0; r < ranks; r++) {
        System.arraycopy(overflow, overflowDispls[r], recv, displs[r] + capacity, overflowCounts[r]);
      }
      capacity = Math.max(2 * capacity, most);
      allocateBlocks();
    }
    waitNanos += System.nanoTime() - start;
    if (cpuClock != null) {
      cpuNanos += cpuClock.getCurrentThreadCpuTime() - cpuStart;
    }
    watchdog.leave();
    spikesReceived += at;
    exchanges++;
    for (int g = 0; g < groups; g++) {
      int total = 0;
      for (int r = 0; r < ranks; r++) {
        int from = displs[r];
        for (int h = 0; h < g; h++) {
          from += allCounts[r * groups + h];
        }
        int c = allCounts[r * groups + g];
        System.arraycopy(recv, from, joined, total, c);
        total += c;
      }
      mirrors[g].setSpikes(joined, 0, total);
    }
  }

  private void allocateBlocks() {
    block = new int[groups + capacity];
    blocks = new int[ranks * (groups + capacity)];
  }

  /** How many exchanges ran. */
  long exchanges() {
    return exchanges;
  }

  /** Wall seconds spent in the collectives: moving the spikes and waiting for the slowest rank. */
  double exchangeSeconds() {
    return waitNanos * 1e-9;
  }

  /** This thread's CPU seconds in the collectives (MPI polls while it waits), with CPU timing on. */
  double exchangeCpuSeconds() {
    return cpuNanos * 1e-9;
  }

  /** How many spike indices all exchanges delivered to this rank. */
  long spikesReceived() {
    return spikesReceived;
  }
}
