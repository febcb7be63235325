package io.brainstem.mpi;

import io.brainstem.sweep.Sweep;
import io.brainstem.sweep.SweepPoint;
import io.brainstem.sweep.SweepResult;
import io.brainstem.sweep.SweepTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Sweep} spread over the ranks of an MPI job: rank {@code r} of {@code K} runs the points
 * whose index is {@code r} modulo {@code K} ({@link Sweep#share}), each with the seed it has in the
 * whole sweep, {@link Sweep#workers()} at a time; then every rank receives every point's outcome,
 * so rank 0 writes the same table as a one-machine run ({@link SweepResult#writeCsv(java.nio.file.Path)}).
 *
 * <pre>{@code
 * try (Communicator comm = Mpi.init()) {
 *   SweepResult<Map<String, Object>> all = MpiSweep.run(comm, sweep, NetworkRuns.of(...));
 *   if (comm.rank() == 0) all.writeCsv(Path.of("out/sweep.csv"));
 * }
 * }</pre>
 *
 * <p>What moves between ranks is each point's table row: its columns (numbers keep their type, so
 * they print as in the one-machine table; anything else as text) and, for a failed point, its
 * error's text ({@link PointFailedOnRank}). Anything a point writes itself, such as the NPZ files of
 * {@code NetworkRuns.saveMonitors}, is written by the rank that ran it, into a directory every rank
 * sees (a shared file system on a cluster).
 */
public final class MpiSweep {
  private MpiSweep() {}

  /**
   * Runs this rank's share of {@code sweep} and gathers every point's columns ({@link
   * SweepResult#columnsOf}) on every rank. Every rank must call it with the same sweep.
   *
   * @return every point's outcome, in point order, its value the point's columns
   */
  public static SweepResult<Map<String, Object>> run(Communicator comm, Sweep sweep, SweepTask<?> task)
      throws InterruptedException {
    return run(comm, sweep, task, SweepResult::columnsOf);
  }

  /**
   * As {@link #run(Communicator, Sweep, SweepTask)}, with the columns of a result given by {@code
   * columns}.
   *
   * @param <R> what one point produces
   * @return every point's outcome, in point order, its value the point's columns
   */
  public static <R> SweepResult<Map<String, Object>> run(Communicator comm, Sweep sweep,
      SweepTask<R> task, Function<? super R, ? extends Map<String, ?>> columns) throws InterruptedException {
    Objects.requireNonNull(comm, "comm is null; pass Mpi.init()");
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(columns, "columns");
    long start = System.nanoTime();
    SweepResult<R> mine = sweep.share(comm.rank(), comm.size()).run(task);
    List<SweepResult.Outcome<Map<String, Object>>> rows = new ArrayList<>();
    for (SweepResult.Outcome<R> o : mine.outcomes()) {
      Map<String, Object> cells = new LinkedHashMap<>();
      if (!o.failed()) {
        columns.apply(o.value()).forEach(cells::put);
      }
      rows.add(new SweepResult.Outcome<>(o.point(), o.failed() ? null : cells, o.error(), o.seconds()));
    }
    List<SweepResult.Outcome<Map<String, Object>>> all = gather(comm, rows);
    return SweepResult.of(all, (System.nanoTime() - start) * 1e-9);
  }

  /** Every rank's outcomes, in rank order; this rank's are its own objects. */
  static List<SweepResult.Outcome<Map<String, Object>>> gather(Communicator comm,
      List<SweepResult.Outcome<Map<String, Object>>> mine) {
    byte[] bytes = encode(mine, comm.rank());
    int[] lengths = new int[comm.size()];
    comm.allgather(new int[] {bytes.length}, 1, lengths);
    int[] counts = new int[comm.size()];
    int[] displs = new int[comm.size()];
    int total = 0;
    for (int r = 0; r < counts.length; r++) {
      counts[r] = (lengths[r] + 3) / 4;
      displs[r] = total;
      total += counts[r];
    }
    int[] packed = pack(bytes);
    int[] recv = new int[total];
    comm.allgatherv(packed, packed.length, recv, counts, displs);
    List<SweepResult.Outcome<Map<String, Object>>> out = new ArrayList<>();
    for (int r = 0; r < counts.length; r++) {
      out.addAll(r == comm.rank() ? mine : decode(unpack(recv, displs[r], lengths[r])));
    }
    return out;
  }

  static byte[] encode(List<SweepResult.Outcome<Map<String, Object>>> outcomes, int rank) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      out.writeInt(outcomes.size());
      for (SweepResult.Outcome<Map<String, Object>> o : outcomes) {
        SweepPoint p = o.point();
        out.writeInt(p.index());
        out.writeLong(p.seed());
        out.writeInt(p.values().size());
        for (Map.Entry<String, Double> v : p.values().entrySet()) {
          out.writeUTF(v.getKey());
          out.writeDouble(v.getValue());
        }
        out.writeDouble(o.seconds());
        out.writeBoolean(o.failed());
        if (o.failed()) {
          out.writeInt(rank);
          writeText(out, String.valueOf(o.error()));
        } else {
          out.writeInt(o.value().size());
          for (Map.Entry<String, Object> c : o.value().entrySet()) {
            writeText(out, c.getKey());
            writeCell(out, c.getValue());
          }
        }
      }
    } catch (IOException e) { // a byte array does not fail
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  static List<SweepResult.Outcome<Map<String, Object>>> decode(byte[] bytes) {
    List<SweepResult.Outcome<Map<String, Object>>> out = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        int index = in.readInt();
        long seed = in.readLong();
        int params = in.readInt();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < params; j++) {
          values.put(in.readUTF(), in.readDouble());
        }
        SweepPoint point = new SweepPoint(index, values, seed);
        double seconds = in.readDouble();
        if (in.readBoolean()) {
          int rank = in.readInt();
          out.add(new SweepResult.Outcome<>(point, null, new PointFailedOnRank(rank, readText(in)), seconds));
        } else {
          int cols = in.readInt();
          Map<String, Object> cells = new LinkedHashMap<>();
          for (int j = 0; j < cols; j++) {
            cells.put(readText(in), readCell(in));
          }
          out.add(new SweepResult.Outcome<>(point, cells, null, seconds));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("a rank sent a sweep result this rank cannot read (do all ranks "
          + "run the same brainstem version?): " + e, e);
    }
    return out;
  }

  private static void writeCell(DataOutputStream out, Object v) throws IOException {
    if (v instanceof Double d) {
      out.writeByte('D');
      out.writeDouble(d);
    } else if (v instanceof Float f) {
      out.writeByte('F');
      out.writeFloat(f);
    } else if (v instanceof Long l) {
      out.writeByte('L');
      out.writeLong(l);
    } else if (v instanceof Integer n) {
      out.writeByte('I');
      out.writeInt(n);
    } else if (v == null) {
      out.writeByte('N');
    } else { // the table prints it as text
      out.writeByte('S');
      writeText(out, String.valueOf(v));
    }
  }

  private static Object readCell(DataInputStream in) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case 'D' -> in.readDouble();
      case 'F' -> in.readFloat();
      case 'L' -> in.readLong();
      case 'I' -> in.readInt();
      case 'N' -> null;
      case 'S' -> readText(in);
      default -> throw new IOException("unknown cell type " + tag);
    };
  }

  /** UTF-8 with an int length: error texts may exceed writeUTF's 64 KB. */
  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int[] pack(byte[] bytes) {
    int[] out = new int[(bytes.length + 3) / 4];
    for (int i = 0; i < bytes.length; i++) {
      out[i >> 2] |= (bytes[i] & 0xff) << ((i & 3) * 8);
    }
    return out;
  }

  private static byte[] unpack(int[] ints, int from, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (ints[from + (i >> 2)] >>> ((i & 3) * 8));
    }
    return out;
  }
}
