package io.brainstem.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the one-dimensional little-endian numeric arrays of an NPZ archive (as written by
 * {@link Npz} or numpy's {@code savez}/{@code savez_compressed}): {@code float64}, {@code float32},
 * {@code int16}, {@code int32} and {@code int64}, returned as {@code double[]} (integers up to
 * 2^53 exactly); {@link #readNpy} reads one NPY file of the same kinds.
 * Anything else (another dtype, big-endian, Fortran order, more than one dimension) is rejected
 * with a message naming the file and the entry.
 */
public final class NpyReader {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /**
   * The entry {@code key} ({@code key.npy} in the archive) of the NPZ file {@code npz}.
   *
   * @throws IllegalArgumentException when the entry is missing or not a supported 1-D array
   * @throws UncheckedIOException when the file cannot be read
   */
  public static double[] read(Path npz, String key) {
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      ZipEntry entry = zip.getEntry(key + ".npy");
      if (entry == null) {
        java.util.List<String> keys = zip.stream().map(ZipEntry::getName)
            .map(n -> n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n).toList();
        throw new IllegalArgumentException(npz + " has no entry '" + key + "'; its entries are "
            + keys);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return parse(in.readAllBytes(), npz + " entry '" + key + "'");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + npz + ": " + e.getMessage(), e);
    }
  }

  /**
   * The 1-D array of the NPY file {@code npy} (as numpy's {@code save} writes it).
   *
   * @throws IllegalArgumentException when it is not a supported 1-D array
   * @throws UncheckedIOException when the file cannot be read
   */
  public static double[] readNpy(Path npy) {
    NpyFile.Array array = NpyFile.read(npy); // one reader of NPY files: NpyFile
    if (array.shape().length != 1) {
      throw new IllegalArgumentException(npy + " has shape " + java.util.Arrays.toString(
          array.shape()) + "; a 1-D array is needed");
    }
    return array.values();
  }

  private static double[] parse(byte[] bytes, String what) {
    if (bytes.length < 10 || (bytes[0] & 0xFF) != 0x93 || bytes[1] != 'N' || bytes[2] != 'U'
        || bytes[3] != 'M' || bytes[4] != 'P' || bytes[5] != 'Y') {
      throw new IllegalArgumentException(what + " is not an NPY array");
    }
    int major = bytes[6];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = major == 1 ? buffer.getShort(8) & 0xFFFF : buffer.getInt(8);
    int start = major == 1 ? 10 : 12;
    String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, what, "descr");
    if (group(FORTRAN, header, what, "fortran_order").equals("True")) {
      throw new IllegalArgumentException(what + " is in Fortran order; save a 1-D array");
    }
    String[] dims = group(SHAPE, header, what, "shape").split(",");
    if (dims.length != 1 || dims[0].isBlank()) {
      throw new IllegalArgumentException(what + " has shape (" + String.join(",", dims)
          + "); a 1-D array is needed");
    }
    int n = Integer.parseInt(dims[0].trim());
    buffer.position(start + headerLength);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = switch (descr) {
        case "<f8" -> buffer.getDouble();
        case "<f4" -> buffer.getFloat();
        case "<i2" -> buffer.getShort();
        case "<i4" -> buffer.getInt();
        case "<i8" -> buffer.getLong();
        default -> throw new IllegalArgumentException(what + " has dtype '" + descr
            + "'; use little-endian float64, float32, int16, int32 or int64");
      };
    }
    return out;
  }

  private static String group(Pattern pattern, String header, String what, String field) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException(what + ": its NPY header has no " + field);
    }
    return m.group(1);
  }
}
