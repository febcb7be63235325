package io.brainstem.cli;

import io.brainstem.monitors.Monitor;
import io.brainstem.mpi.DistributedNetwork;
import io.brainstem.mpi.Slice;
import io.brainstem.network.NeuronGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitors of {@code run --mpi}, as {@code --mpi-monitors} picks: {@code gather}, rank 0 ends
 * with the records of a single-process run ({@link io.brainstem.mpi.MonitorGather}); {@code rank},
 * every rank records its own neurons, in its own indices.
 */
final class MpiMonitors {
  /** Where the records of a distributed run end up. */
  enum Mode {
    gather,
    rank
  }

  private MpiMonitors() {}

  /**
   * One rank's monitors in rank mode: each records the given elements this rank owns (all of its
   * slice when none are given), in the slice's own indices; a monitor of elements all owned by
   * other ranks is left out.
   */
  static List<Monitor> own(DistributedNetwork net, List<Monitor> given) {
    List<Monitor> out = new ArrayList<>();
    for (Monitor m : given) {
      NeuronGroup g = slicedGroup(net, m);
      if (g == null) {
        throw new IllegalArgumentException("--mpi records variables of the groups only; "
            + m.name() + " is not one (projection state lives with the postsynaptic slices)");
      }
      Slice s = net.slice(g);
      int[] idx = m.indices();
      Monitor local;
      if (idx == null) {
        local = Monitor.of(m.path());
      } else {
        int[] mine = java.util.Arrays.stream(idx).filter(i -> i >= s.from() && i < s.to())
            .map(i -> i - s.from()).toArray();
        if (mine.length == 0) {
          continue;
        }
        local = Monitor.of(m.path(), mine);
      }
      local = local.named(m.name());
      out.add(m.every() > 1 ? local.every(m.every()) : local);
    }
    return out;
  }

  /** The sliced group {@code m} records, or null (a probe, a projection, a mirror). */
  private static NeuronGroup slicedGroup(DistributedNetwork net, Monitor m) {
    if (m.path() == null) {
      return null;
    }
    String owner = m.path().substring(0, m.path().indexOf('.'));
    for (NeuronGroup g : net.slicedGroups()) {
      if (g.name().equals(owner)) {
        return g;
      }
    }
    net.variable(m.path()); // an unknown path: the error names the closest
    return null;
  }
}
