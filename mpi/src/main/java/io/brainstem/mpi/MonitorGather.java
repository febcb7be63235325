package io.brainstem.mpi;

import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.NeuronGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The monitors of a distributed run gathered to rank 0, so that rank 0's {@link MonitorResults}
 * equal a single-process run's, name for name and in the same order:
 *
 * <ul>
 *   <li>a spike monitor of a group is recorded on rank 0 from the group's {@link SpikeMirror},
 *       which already holds every spike; nothing moves at the end;
 *   <li>a value monitor of a group ({@code E.V}, {@code E.V[0:3,1700]}) is recorded by every rank
 *       on the neurons it owns, and {@link #gather} brings the columns to rank 0 after the run
 *       ({@code MPI_Allgatherv}), placed in the monitor's own column order with the global indices.
 * </ul>
 *
 * <p>Every rank builds the same {@code MonitorGather} from the same monitors, gives {@link
 * #recorded()} to its runner and, after the run, calls {@link #gather} (a collective). Monitors of
 * projections and probes are refused: their state lives with the postsynaptic slices.
 */
public final class MonitorGather {
  private final Communicator comm;
  private final List<Monitor> recorded = new ArrayList<>();
  private final List<Part> values = new ArrayList<>();

  /** One value monitor: the columns of the whole monitor this rank records, and whether it records. */
  private record Part(String name, int[] globalIndices, int[] positions, boolean records) {}

  /**
   * Plans the monitors of this rank.
   *
   * @param given the monitors, as for a single-process run (names and indices of whole groups)
   * @throws IllegalArgumentException for a monitor of a projection or a probe, naming it
   */
  public MonitorGather(DistributedNetwork net, Communicator comm, List<Monitor> given) {
    this.comm = Objects.requireNonNull(comm, "comm");
    boolean root = comm.rank() == 0;
    for (Monitor m : given) {
      NeuronGroup g = slicedGroup(net, m);
      if (g == null) {
        throw new IllegalArgumentException("--mpi records the variables of the groups only; "
            + m.name() + " is not one (projection state lives with the postsynaptic slices)");
      }
      if (net.variable(m.path()).isBoolean()) {
        if (root) {
          String path = SpikeMirror.mirrorName(g.name()) + ".spike";
          Monitor mirrored = m.indices() == null ? Monitor.of(path) : Monitor.of(path, m.indices());
          recorded.add(copyTiming(m, mirrored.named(m.name())));
        }
        continue;
      }
      Slice s = net.slice(g);
      int[] global = m.indices();
      if (global == null) {
        global = new int[net.globalSize(g)];
        for (int i = 0; i < global.length; i++) {
          global[i] = i;
        }
      }
      List<Integer> positions = new ArrayList<>();
      for (int c = 0; c < global.length; c++) {
        if (global[c] >= s.from() && global[c] < s.to()) {
          positions.add(c);
        }
      }
      int[] pos = positions.stream().mapToInt(Integer::intValue).toArray();
      boolean records = pos.length > 0 || root;
      if (records) {
        int[] local = new int[Math.max(1, pos.length)]; // rank 0 without neurons: a placeholder column
        for (int k = 0; k < pos.length; k++) {
          local[k] = global[pos[k]] - s.from();
        }
        Monitor mine = m.indices() == null && pos.length == s.size() ? Monitor.of(m.path())
            : Monitor.of(m.path(), local);
        recorded.add(copyTiming(m, mine.named(m.name())));
      }
      values.add(new Part(m.name(), global, pos, records));
    }
  }

  /** The monitors this rank's runner records. */
  public List<Monitor> recorded() {
    return List.copyOf(recorded);
  }

  /**
   * Brings every rank's columns of the value monitors to rank 0 and puts them in {@code mine}
   * (rank 0's results) in each monitor's column order; on the other ranks {@code mine} is left as
   * it is. Every rank must call it, after the same run.
   */
  public void gather(MonitorResults mine) {
    int ranks = comm.size();
    for (Part p : values) {
      double[][] rows = p.records() ? mine.values(p.name()) : new double[0][];
      int width = p.positions().length;
      double[] send = new double[rows.length * width];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(rows[r], 0, send, r * width, width);
      }
      int[] widths = new int[ranks];
      comm.allgather(new int[] {width}, 1, widths);
      int[] sizes = new int[ranks];
      comm.allgather(new int[] {send.length}, 1, sizes);
      int[] positions = new int[sum(widths)];
      comm.allgatherv(p.positions(), width, positions, widths, offsets(widths));
      double[] all = new double[sum(sizes)];
      int[] at = offsets(sizes);
      comm.allgatherv(send, send.length, all, sizes, at);
      if (comm.rank() != 0) {
        continue;
      }
      int steps = rows.length;
      double[][] whole = new double[steps][p.globalIndices().length];
      int column = 0;
      for (int r = 0; r < ranks; r++) {
        if (widths[r] > 0 && sizes[r] != steps * widths[r]) {
          throw new IllegalStateException("monitor " + p.name() + ": rank " + r + " recorded "
              + sizes[r] / widths[r] + " rows, rank 0 " + steps + "; did every rank run as long?");
        }
        for (int k = 0; k < widths[r]; k++, column++) {
          int c = positions[column];
          for (int t = 0; t < steps; t++) {
            whole[t][c] = all[at[r] + t * widths[r] + k];
          }
        }
      }
      mine.replaceValues(p.name(), p.globalIndices(), whole);
    }
  }

  private static Monitor copyTiming(Monitor from, Monitor to) {
    Monitor out = from.every() > 1 ? to.every(from.every()) : to;
    boolean windowed = from.windowStart() != Double.NEGATIVE_INFINITY
        || from.windowEnd() != Double.POSITIVE_INFINITY;
    return windowed ? out.window(from.windowStart(), from.windowEnd()) : out;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) {
      s = Math.addExact(s, v);
    }
    return s;
  }

  private static int[] offsets(int[] counts) {
    int[] out = new int[counts.length];
    for (int r = 1; r < counts.length; r++) {
      out[r] = out[r - 1] + counts[r - 1];
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
