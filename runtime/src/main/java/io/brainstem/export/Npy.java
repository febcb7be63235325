package io.brainstem.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * NumPy {@code .npy} files, format version 1.0: the magic {@code \x93NUMPY}, version bytes 1 0, a
 * little-endian uint16 header length, and an ASCII header
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (T, N), }} padded with spaces and ended
 * by a newline so that the data starts at a multiple of 64 bytes; then the data in C order
 * (row-major), little-endian. dtypes: {@code <f8} (double), {@code |b1} (boolean, one byte 0/1),
 * {@code <i4} (int), {@code <i8} (long). {@code numpy.load} reads every file written here.
 *
 * <pre>{@code
 * Npy.write(Path.of("v.npy"), mon.values("E.V"));      // float64, shape (T, N)
 * }</pre>
 */
public final class Npy {
  /** The data offset is a multiple of this (NPY format 1.0 recommends 64 for memory mapping). */
  public static final int ALIGNMENT = 64;

  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int CHUNK = 1 << 16;

  private Npy() {}

  /** Writes a 1-D float64 array. */
  public static Path write(Path file, double[] data) {
    return toFile(file, data, out -> write(out, data));
  }

  /** Writes a 2-D float64 array; every row must have the same length. */
  public static Path write(Path file, double[][] data) {
    return toFile(file, data, out -> write(out, data));
  }

  /**
   * Writes a float64 array of any shape from its values flat in C order (row-major), e.g. a
   * data set {@code (S, T, N)}; {@link NpyFile} reads it back, whole or by ranges of rows.
   *
   * @param file the file
   * @param data the values, as many as the product of {@code shape}
   * @param shape the dimensions, outermost first
   * @return {@code file}
   */
  public static Path write(Path file, double[] data, int... shape) {
    Objects.requireNonNull(data, "data is null; pass the array to write");
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension " + d + " in shape "
            + java.util.Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds "
          + size + " values but data has " + data.length + ": pass the shape of the data");
    }
    return toFile(file, out -> {
      out.write(header("<f8", shape));
      ByteBuffer b = buffer();
      for (double x : data) {
        b = put(out, b, 8).putDouble(x);
      }
      flush(out, b);
    });
  }

  /** Writes a 2-D boolean array. */
  public static Path write(Path file, boolean[][] data) {
    return toFile(file, data, out -> write(out, data));
  }

  /** Writes a 1-D int32 array. */
  public static Path write(Path file, int[] data) {
    return toFile(file, data, out -> write(out, data));
  }

  /** Writes a 1-D int64 array. */
  public static Path write(Path file, long[] data) {
    return toFile(file, data, out -> write(out, data));
  }

  /** Writes a 1-D float64 array to {@code out} (not closed). */
  public static void write(OutputStream out, double[] data) throws IOException {
    checkArguments(out, data);
    out.write(header("<f8", data.length));
    ByteBuffer b = buffer();
    for (double x : data) {
      b = put(out, b, 8).putDouble(x);
    }
    flush(out, b);
  }

  /** Writes a 2-D float64 array to {@code out} (not closed). */
  public static void write(OutputStream out, double[][] data) throws IOException {
    checkArguments(out, data);
    int cols = columns(data.length, data.length == 0 ? 0 : data[0].length);
    out.write(header("<f8", data.length, cols));
    ByteBuffer b = buffer();
    for (int r = 0; r < data.length; r++) {
      checkRow(r, data[r].length, cols);
      for (double x : data[r]) {
        b = put(out, b, 8).putDouble(x);
      }
    }
    flush(out, b);
  }

  /** Writes a 2-D boolean array to {@code out} (not closed). */
  public static void write(OutputStream out, boolean[][] data) throws IOException {
    checkArguments(out, data);
    int cols = columns(data.length, data.length == 0 ? 0 : data[0].length);
    out.write(header("|b1", data.length, cols));
    ByteBuffer b = buffer();
    for (int r = 0; r < data.length; r++) {
      checkRow(r, data[r].length, cols);
      for (boolean x : data[r]) {
        b = put(out, b, 1).put((byte) (x ? 1 : 0));
      }
    }
    flush(out, b);
  }

  /** Writes a 1-D int32 array to {@code out} (not closed). */
  public static void write(OutputStream out, int[] data) throws IOException {
    checkArguments(out, data);
    out.write(header("<i4", data.length));
    ByteBuffer b = buffer();
    for (int x : data) {
      b = put(out, b, 4).putInt(x);
    }
    flush(out, b);
  }

  /** Writes a 1-D int64 array to {@code out} (not closed). */
  public static void write(OutputStream out, long[] data) throws IOException {
    checkArguments(out, data);
    out.write(header("<i8", data.length));
    ByteBuffer b = buffer();
    for (long x : data) {
      b = put(out, b, 8).putLong(x);
    }
    flush(out, b);
  }

  /**
   * The complete header (magic through the padded dictionary) for an array of {@code descr} and
   * {@code shape}; its length is a multiple of {@link #ALIGNMENT}.
   */
  public static byte[] header(String descr, int... shape) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new IllegalArgumentException("negative dimension " + shape[i]);
      }
      s.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    s.append(shape.length == 1 ? ",)" : ")");
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1; // + the final newline
    int total = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    int headerLength = total - MAGIC.length - 4;
    if (headerLength > 0xFFFF) {
      throw new IllegalArgumentException("NPY 1.0 header too long: " + headerLength + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
    b.put(dict.getBytes(StandardCharsets.US_ASCII));
    while (b.position() < total - 1) {
      b.put((byte) ' ');
    }
    b.put((byte) '\n');
    return b.array();
  }

  private static int columns(int rows, int first) {
    return rows == 0 ? 0 : first;
  }

  private static void checkRow(int r, int length, int cols) {
    if (length != cols) {
      throw new IllegalArgumentException(
          "row " + r + " has " + length + " values but row 0 has " + cols + "; NPY arrays are rectangular");
    }
  }

  private static ByteBuffer buffer() {
    return ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Makes room for {@code bytes} more bytes, writing the buffer out when full. */
  private static ByteBuffer put(OutputStream out, ByteBuffer b, int bytes) throws IOException {
    if (b.remaining() < bytes) {
      flush(out, b);
    }
    return b;
  }

  private static void flush(OutputStream out, ByteBuffer b) throws IOException {
    out.write(b.array(), 0, b.position());
    b.clear();
  }

  @FunctionalInterface
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void checkArguments(OutputStream out, Object data) {
    Objects.requireNonNull(out, "out is null; pass the stream to write to");
    Objects.requireNonNull(data, "data is null; pass the array to write");
  }

  /** Checks the arguments before the file is created, so a null array leaves no empty file. */
  private static Path toFile(Path file, Object data, Body body) {
    Objects.requireNonNull(data, "data is null; pass the array to write");
    return toFile(file, body);
  }

  static Path toFile(Path file, Body body) {
    Objects.requireNonNull(file, "file is null; pass the Path of the .npy file to write");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        body.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
    return file;
  }
}
