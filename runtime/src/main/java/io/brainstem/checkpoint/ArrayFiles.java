package io.brainstem.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * One checkpoint array as a 1-D {@code .npy} file (numpy reads it), and its CRC-32 over the data
 * bytes, which the manifest records so that a truncated or changed file is found before anything
 * is restored.
 */
final class ArrayFiles {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private static final int HEADER = 128;
  private static final int CHUNK = 1 << 20;

  private ArrayFiles() {}

  /** The numpy dtype of a supported array. */
  static String dtype(Object a) {
    if (a instanceof double[]) {
      return "<f8";
    } else if (a instanceof float[]) {
      return "<f4";
    } else if (a instanceof int[]) {
      return "<i4";
    } else if (a instanceof long[]) {
      return "<i8";
    } else if (a instanceof boolean[]) {
      return "|b1";
    }
    throw new IllegalArgumentException("cannot checkpoint a " + a.getClass().getSimpleName());
  }

  static int itemBytes(String dtype) {
    return switch (dtype) {
      case "<f8", "<i8" -> 8;
      case "<f4", "<i4" -> 4;
      case "|b1" -> 1;
      default -> throw new IllegalArgumentException("unknown dtype " + dtype);
    };
  }

  /** Writes {@code a} to {@code file} and forces it to disk; returns the CRC-32 of its data. */
  static long write(Path file, Object a) throws IOException {
    String dtype = dtype(a);
    int n = java.lang.reflect.Array.getLength(a);
    CRC32 crc = new CRC32();
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      writeFully(out, ByteBuffer.wrap(header(dtype, n)));
      int item = itemBytes(dtype);
      ByteBuffer b = ByteBuffer.allocate(Math.min(CHUNK, Math.max(item, n * item))).order(ByteOrder.LITTLE_ENDIAN);
      int per = b.capacity() / item;
      for (int from = 0; from < n; from += per) {
        int len = Math.min(per, n - from);
        b.clear();
        if (a instanceof double[] d) {
          b.asDoubleBuffer().put(d, from, len);
        } else if (a instanceof float[] f) {
          b.asFloatBuffer().put(f, from, len);
        } else if (a instanceof int[] i) {
          b.asIntBuffer().put(i, from, len);
        } else if (a instanceof long[] l) {
          b.asLongBuffer().put(l, from, len);
        } else {
          boolean[] z = (boolean[]) a;
          for (int k = 0; k < len; k++) {
            b.put(k, z[from + k] ? (byte) 1 : 0);
          }
        }
        b.limit(len * item);
        crc.update(b.duplicate());
        writeFully(out, b);
      }
      out.force(true);
    }
    return crc.getValue();
  }

  /**
   * Reads a file {@link #write} wrote, checking its header, length and CRC against the manifest's.
   *
   * @throws CheckpointException naming the file when any of them differs
   */
  static Object read(Path file, String dtype, int n, long expectedCrc) {
    int item = itemBytes(dtype);
    long bytes = (long) n * item;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size != HEADER + bytes) {
        throw new CheckpointException("checkpoint file " + file + " has " + size + " bytes, expected "
            + (HEADER + bytes) + " (" + n + " values of " + dtype + "): it is truncated or was changed");
      }
      ByteBuffer head = ByteBuffer.allocate(HEADER);
      readFully(in, head, file);
      if (!java.util.Arrays.equals(head.array(), header(dtype, n))) {
        throw new CheckpointException("checkpoint file " + file + " does not have the header its "
            + "manifest describes (" + n + " values of " + dtype + "): it was changed");
      }
      Object a = switch (dtype) {
        case "<f8" -> new double[n];
        case "<f4" -> new float[n];
        case "<i4" -> new int[n];
        case "<i8" -> new long[n];
        default -> new boolean[n];
      };
      CRC32 crc = new CRC32();
      ByteBuffer b = ByteBuffer.allocate(Math.min(CHUNK, Math.max(item, n * item))).order(ByteOrder.LITTLE_ENDIAN);
      int per = b.capacity() / item;
      for (int from = 0; from < n; from += per) {
        int len = Math.min(per, n - from);
        b.clear();
        b.limit(len * item);
        readFully(in, b, file);
        b.flip();
        crc.update(b.duplicate());
        if (a instanceof double[] d) {
          b.asDoubleBuffer().get(d, from, len);
        } else if (a instanceof float[] f) {
          b.asFloatBuffer().get(f, from, len);
        } else if (a instanceof int[] i) {
          b.asIntBuffer().get(i, from, len);
        } else if (a instanceof long[] l) {
          b.asLongBuffer().get(l, from, len);
        } else {
          boolean[] z = (boolean[]) a;
          for (int k = 0; k < len; k++) {
            z[from + k] = b.get(k) != 0;
          }
        }
      }
      if (crc.getValue() != expectedCrc) {
        throw new CheckpointException("checkpoint file " + file + " is corrupted: its CRC-32 is "
            + Long.toHexString(crc.getValue()) + ", the manifest records " + Long.toHexString(expectedCrc));
      }
      return a;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CheckpointException("checkpoint file " + file + " is missing; the checkpoint is incomplete", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint file " + file + " (" + e + ")", e);
    }
  }

  private static byte[] header(String dtype, int n) {
    String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + n + ",), }";
    byte[] h = new byte[HEADER];
    System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
    h[8] = (byte) (HEADER - 10);
    h[9] = 0;
    byte[] d = dict.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(d, 0, h, 10, d.length);
    java.util.Arrays.fill(h, 10 + d.length, HEADER - 1, (byte) ' ');
    h[HEADER - 1] = '\n';
    return h;
  }

  private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  private static void readFully(FileChannel in, ByteBuffer b, Path file) throws IOException {
    while (b.hasRemaining()) {
      if (in.read(b) < 0) {
        throw new CheckpointException("checkpoint file " + file + " ends early: it is truncated");
      }
    }
  }
}
