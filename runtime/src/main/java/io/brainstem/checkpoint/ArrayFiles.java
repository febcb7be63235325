package io.brainstem.checkpoint;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The arrays of a checkpoint as one uncompressed {@code .npz} (a zip of 1-D {@code .npy} entries,
 * {@code key.npy}; {@code numpy.load} reads it), written and forced to disk in one go: one file
 * costs one fsync, where one file per array cost one each (tens of milliseconds on a busy disk).
 * Each array's CRC-32 over its data bytes goes into the manifest, so that a truncated or changed
 * file is found before anything is restored.
 */
final class ArrayFiles {
  /** The file of a checkpoint's arrays. */
  static final String FILE = "state.npz";

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private static final int HEADER = 128;
  private static final int CHUNK = 1 << 20;

  /** What the manifest records of one array. */
  record Entry(String key, String dtype, int length, long crc) {}

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

  /**
   * Writes every array of {@code arrays} (by key) into {@code file}, forces it to disk, and returns
   * what the manifest records of each.
   */
  static List<Entry> write(Path file, Map<String, Object> arrays) throws IOException {
    List<Entry> entries = new java.util.ArrayList<>();
    ByteBuffer b = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    try (FileOutputStream fileOut = new FileOutputStream(file.toFile());
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(fileOut, CHUNK))) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Map.Entry<String, Object> e : arrays.entrySet()) {
        Object a = e.getValue();
        String dtype = dtype(a);
        int n = java.lang.reflect.Array.getLength(a);
        byte[] header = header(dtype, n);
        CRC32 data = new CRC32();
        CRC32 whole = new CRC32();
        whole.update(header);
        chunks(a, b, null, data, whole); // stored entries need their size and CRC first
        ZipEntry z = new ZipEntry(e.getKey() + ".npy");
        long size = header.length + (long) n * itemBytes(dtype);
        z.setMethod(ZipEntry.STORED);
        z.setSize(size);
        z.setCompressedSize(size);
        z.setCrc(whole.getValue());
        zip.putNextEntry(z);
        zip.write(header);
        chunks(a, b, zip, null, null);
        zip.closeEntry();
        entries.add(new Entry(e.getKey(), dtype, n, data.getValue()));
      }
      zip.finish();
      zip.flush();
      fileOut.getChannel().force(true);
    }
    return entries;
  }

  /** Converts {@code a} to little-endian bytes chunk by chunk, writing them or adding them to CRCs. */
  private static void chunks(Object a, ByteBuffer b, OutputStream out, CRC32 c1, CRC32 c2) throws IOException {
    int item = itemBytes(dtype(a));
    int n = java.lang.reflect.Array.getLength(a);
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
      if (out != null) {
        out.write(b.array(), 0, len * item);
      } else {
        c1.update(b.array(), 0, len * item);
        c2.update(b.array(), 0, len * item);
      }
    }
  }

  /**
   * Reads every array the manifest lists from {@code file}, checking each one's header, length and
   * CRC-32 against the manifest's.
   *
   * @throws CheckpointException naming the file and the array when any of them differs
   */
  static Map<String, Object> read(Path file, List<Entry> entries) {
    Map<String, Object> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (Entry e : entries) {
        ZipEntry z = zip.getEntry(e.key() + ".npy");
        if (z == null) {
          throw new CheckpointException("checkpoint file " + file + " has no array '" + e.key()
              + "', which its manifest lists: it was changed");
        }
        try (InputStream in = zip.getInputStream(z)) {
          out.put(e.key(), read(in, file, e));
        }
      }
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new CheckpointException("checkpoint file " + file + " is missing; the checkpoint is incomplete", e);
    } catch (ZipException e) {
      throw new CheckpointException("checkpoint file " + file + " is truncated or corrupted (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint file " + file + " (" + e + ")", e);
    }
    return out;
  }

  private static Object read(InputStream in, Path file, Entry e) throws IOException {
    String where = "checkpoint file " + file + ", array '" + e.key() + "'";
    byte[] head = in.readNBytes(HEADER);
    if (!java.util.Arrays.equals(head, header(e.dtype(), e.length()))) {
      throw new CheckpointException(where + " does not have the header its manifest describes ("
          + e.length() + " values of " + e.dtype() + "): it is truncated or was changed");
    }
    int item = itemBytes(e.dtype());
    int n = e.length();
    Object a = switch (e.dtype()) {
      case "<f8" -> new double[n];
      case "<f4" -> new float[n];
      case "<i4" -> new int[n];
      case "<i8" -> new long[n];
      default -> new boolean[n];
    };
    CRC32 crc = new CRC32();
    ByteBuffer b = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    int per = CHUNK / item;
    for (int from = 0; from < n; from += per) {
      int len = Math.min(per, n - from);
      int got = in.readNBytes(b.array(), 0, len * item);
      if (got < len * item) {
        throw new CheckpointException(where + " ends after " + (from + got / item) + " of its " + n
            + " values: it is truncated");
      }
      crc.update(b.array(), 0, len * item);
      b.clear();
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
    if (in.read() >= 0) {
      throw new CheckpointException(where + " holds more than the " + n + " values its manifest records: it was changed");
    }
    if (crc.getValue() != e.crc()) {
      throw new CheckpointException(where + " is corrupted: the CRC-32 of its data is "
          + Long.toHexString(crc.getValue()) + ", the manifest records " + Long.toHexString(e.crc()));
    }
    return a;
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
}
