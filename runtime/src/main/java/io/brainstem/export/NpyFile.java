package io.brainstem.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NPY file of any number of dimensions opened for reading by ranges of its first axis, without
 * loading it whole: {@code readRows(first, count, dst, offset)} reads {@code count} consecutive
 * sub-arrays (each {@link #rowSize()} values: a sample {@code (T, N)} of an {@code (S, T, N)}
 * array, say) from the file. Little-endian {@code float64}, {@code float32}, {@code int8},
 * {@code int16}, {@code int32}, {@code int64}, {@code uint8} and {@code bool} in C order, format
 * versions 1 to 3, values returned as {@code double}; anything else is rejected with a message
 * naming the file. Close it when done.
 *
 * <pre>{@code
 * try (NpyFile x = NpyFile.open(Path.of("x.npy"))) {   // shape (S, T, N)
 *   double[] sample = new double[x.rowSize()];
 *   x.readRows(7, 1, sample, 0);                       // sample 7, T·N values
 * }
 * }</pre>
 */
public final class NpyFile implements AutoCloseable {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
  private static final int CHUNK = 1 << 16;

  private final Path path;
  private final FileChannel channel;
  private final String dtype;
  private final int itemSize;
  private final int[] shape;
  private final long dataStart;
  private final int rowSize;
  private final ByteBuffer buffer;

  private NpyFile(Path path, FileChannel channel) throws IOException {
    this.path = path;
    this.channel = channel;
    ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    readFully(head, 0);
    head.flip();
    byte[] magic = new byte[6];
    if (head.remaining() < 10) {
      throw notNpy("it is shorter than an NPY header");
    }
    head.get(magic);
    if (!Arrays.equals(magic, Npy.MAGIC)) {
      throw notNpy("it does not start with \\x93NUMPY");
    }
    int major = head.get(6);
    int headerLength;
    int start;
    if (major == 1) {
      headerLength = head.getShort(8) & 0xFFFF;
      start = 10;
    } else if (major == 2 || major == 3) {
      headerLength = head.getInt(8);
      start = 12;
    } else {
      throw notNpy("its format version " + major + " is unknown (1, 2 or 3 expected)");
    }
    ByteBuffer headerBytes = ByteBuffer.allocate(headerLength);
    readFully(headerBytes, start);
    String header = new String(headerBytes.array(), 0, headerBytes.position(),
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    this.dtype = field(DESCR, header, "descr");
    this.itemSize = itemSize(dtype);
    if (field(FORTRAN, header, "fortran_order").equals("True")) {
      throw new IllegalArgumentException(path + " is in Fortran order: save it in C order "
          + "(numpy.ascontiguousarray)");
    }
    this.shape = parseShape(field(SHAPE, header, "shape"));
    this.dataStart = start + headerLength;
    long size = 1;
    for (int i = 1; i < shape.length; i++) {
      size *= shape[i];
    }
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + " has rows of " + size
          + " values, more than an array holds");
    }
    this.rowSize = shape.length == 0 ? 1 : (int) size;
    long needed = dataStart + (long) rows() * rowSize * itemSize;
    if (channel.size() < needed) {
      throw new IllegalArgumentException(path + " is truncated: its header promises "
          + Arrays.toString(shape) + " (" + needed + " bytes with the header) but it has "
          + channel.size() + " bytes");
    }
    this.buffer = ByteBuffer.allocate(Math.max(CHUNK, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Opens {@code npy} and reads its header.
   *
   * @param npy the file
   * @return the open file
   * @throws IllegalArgumentException when it is not an NPY file of a supported dtype and order
   * @throws UncheckedIOException when it cannot be read
   */
  public static NpyFile open(Path npy) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(npy, StandardOpenOption.READ);
      return new NpyFile(npy, channel);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot read " + npy + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /**
   * The whole array of {@code npy}, flat in C order, with its shape.
   *
   * @param npy the file
   * @return the values and the shape
   */
  public static Array read(Path npy) {
    try (NpyFile f = open(npy)) {
      double[] all = new double[Math.toIntExact((long) f.rows() * f.rowSize())];
      f.readRows(0, f.rows(), all, 0);
      return new Array(all, f.shape());
    }
  }

  /**
   * An array read whole: its values flat in C order and its shape.
   *
   * @param values the values, as many as the product of the shape
   * @param shape the dimensions, outermost first
   */
  public record Array(double[] values, int[] shape) {}

  /**
   * The dimensions, outermost first (empty for a scalar).
   *
   * @return a copy of the shape
   */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * The numpy dtype string, e.g. {@code <f8}.
   *
   * @return the dtype
   */
  public String dtype() {
    return dtype;
  }

  /**
   * The length of the first axis (1 for a scalar).
   *
   * @return the number of rows
   */
  public int rows() {
    return shape.length == 0 ? 1 : shape[0];
  }

  /**
   * The number of values in one row: the product of every dimension but the first.
   *
   * @return the row size
   */
  public int rowSize() {
    return rowSize;
  }

  /**
   * Reads rows {@code first} to {@code first + count − 1} into {@code dst} from {@code offset}
   * ({@code count · rowSize()} values, in C order).
   *
   * @param first the first row
   * @param count the number of rows
   * @param dst the destination
   * @param offset where in {@code dst} the first value goes
   * @throws IndexOutOfBoundsException when the rows or the destination range are out of bounds
   */
  public void readRows(int first, int count, double[] dst, int offset) {
    if (first < 0 || count < 0 || (long) first + count > rows()) {
      throw new IndexOutOfBoundsException("rows " + first + " to " + ((long) first + count - 1)
          + " of " + path + ", which has " + rows());
    }
    long values = (long) count * rowSize;
    if (offset < 0 || offset + values > dst.length) {
      throw new IndexOutOfBoundsException(values + " values from offset " + offset
          + " do not fit in an array of " + dst.length);
    }
    long position = dataStart + (long) first * rowSize * itemSize;
    int written = 0;
    try {
      while (written < values) {
        int n = (int) Math.min(values - written, buffer.capacity() / itemSize);
        buffer.clear().limit(n * itemSize);
        readFully(buffer, position);
        buffer.flip();
        for (int i = 0; i < n; i++) {
          dst[offset + written + i] = next();
        }
        written += n;
        position += (long) n * itemSize;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private double next() {
    return switch (dtype) {
      case "<f8" -> buffer.getDouble();
      case "<f4" -> buffer.getFloat();
      case "<i8" -> buffer.getLong();
      case "<i4" -> buffer.getInt();
      case "<i2" -> buffer.getShort();
      case "|i1" -> buffer.get();
      case "|u1", "|b1" -> buffer.get() & 0xFF;
      default -> throw new IllegalStateException(dtype);
    };
  }

  private int itemSize(String descr) {
    return switch (descr) {
      case "<f8", "<i8" -> 8;
      case "<f4", "<i4" -> 4;
      case "<i2" -> 2;
      case "|i1", "|u1", "|b1" -> 1;
      default -> throw new IllegalArgumentException(path + " has dtype '" + descr
          + "': save little-endian float64, float32, int8/16/32/64, uint8 or bool");
    };
  }

  private int[] parseShape(String dims) {
    String[] parts = dims.split(",");
    int count = 0;
    int[] out = new int[parts.length];
    for (String p : parts) {
      if (!p.isBlank()) {
        long d = Long.parseLong(p.trim().replace("L", ""));
        if (d < 0 || d > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(path + " has a dimension of " + d);
        }
        out[count++] = (int) d;
      }
    }
    return Arrays.copyOf(out, count);
  }

  private void readFully(ByteBuffer b, long position) throws IOException {
    while (b.hasRemaining()) {
      int n = channel.read(b, position);
      if (n < 0) {
        break;
      }
      position += n;
    }
  }

  private String field(Pattern pattern, String header, String name) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw notNpy("its header has no " + name);
    }
    return m.group(1);
  }

  private IllegalArgumentException notNpy(String why) {
    return new IllegalArgumentException(path + " is not an NPY file: " + why);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the open failed already; that error is the one to report
      }
    }
  }

  /** Closes the file. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
    }
  }
}
