package io.brainstem.export;

import io.brainstem.monitors.MonitorFiles;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} files: a zip archive with one {@code <key>.npy} entry per array, stored or
 * deflated, as {@code numpy.savez} / {@code savez_compressed} write them; {@code numpy.load(file)[key]}
 * reads each array.
 *
 * <pre>{@code
 * Npz.write(Path.of("run.npz"), runner.mon());                    // every monitor, compressed
 * Npz.builder().put("V", v).put("ids", ids).compressed(false).write(Path.of("arrays.npz"));
 * }</pre>
 */
public final class Npz {
  private static final java.time.LocalDateTime ZIP_EPOCH = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);
  private final Map<String, Object> arrays = new LinkedHashMap<>();
  private boolean compressed = true;

  private Npz() {}

  /** An empty archive to fill with {@link #put}. */
  public static Npz builder() {
    return new Npz();
  }

  /**
   * Adds an array under {@code key}: {@code double[]}, {@code double[][]}, {@code boolean[][]},
   * {@code int[]} or {@code long[]}.
   */
  public Npz put(String key, Object array) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.contains("/")) {
      throw new IllegalArgumentException("npz key must be non-empty and contain no '/', got '" + key + "'");
    }
    if (!(array instanceof double[] || array instanceof double[][] || array instanceof boolean[][]
        || array instanceof int[] || array instanceof long[])) {
      throw new IllegalArgumentException(
          "npz entry " + key + ": cannot write " + (array == null ? "null" : array.getClass().getSimpleName())
              + "; use double[], double[][], boolean[][], int[] or long[]");
    }
    if (arrays.put(key, array) != null) {
      throw new IllegalArgumentException("npz key '" + key + "' is given twice");
    }
    return this;
  }

  /** Deflate the entries ({@code true}, default, as {@code savez_compressed}) or store them. */
  public Npz compressed(boolean compressed) {
    this.compressed = compressed;
    return this;
  }

  /** The keys in the order added. */
  public java.util.Set<String> keys() {
    return java.util.Collections.unmodifiableSet(arrays.keySet());
  }

  /** Writes the archive. */
  public Path write(Path file) {
    return Npy.toFile(file, this::write);
  }

  /** Writes the archive to {@code out} (closed at the end, as the zip format requires a trailer). */
  public void write(OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, Object> e : arrays.entrySet()) {
        byte[] npy = npyBytes(e.getValue());
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        // A fixed date (the zip epoch): the same arrays give the same bytes, whenever written.
        entry.setTimeLocal(ZIP_EPOCH);
        if (compressed) {
          entry.setMethod(ZipEntry.DEFLATED);
        } else {
          CRC32 crc = new CRC32();
          crc.update(npy);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(npy.length);
          entry.setCompressedSize(npy.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(npy);
        zip.closeEntry();
      }
    }
  }

  static byte[] npyBytes(Object array) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (array instanceof double[] a) {
      Npy.write(bytes, a);
    } else if (array instanceof double[][] a) {
      Npy.write(bytes, a);
    } else if (array instanceof boolean[][] a) {
      Npy.write(bytes, a);
    } else if (array instanceof int[] a) {
      Npy.write(bytes, a);
    } else {
      Npy.write(bytes, (long[]) array);
    }
    return bytes.toByteArray();
  }

  /**
   * Every record of {@code mon}, as {@link #write(Path, MonitorResults, boolean)} with the dense
   * spike matrices included.
   */
  public static Path write(Path file, MonitorResults mon) {
    return write(file, mon, true);
  }

  /**
   * Writes every record of {@code mon}, compressed:
   *
   * <ul>
   *   <li>{@code ts}: float64 (T,), the start time of each step;
   *   <li>a value monitor {@code name}: float64 (rows, n), plus {@code name_times} (rows,) when it
   *       is decimated or windowed;
   *   <li>a spike monitor {@code name}: {@code name_times} float64 and {@code name_indices} int32
   *       (the column), one entry per spike, and, with {@code denseSpikes}, {@code name} bool
   *       (rows, N) as BrainPy's {@code mon['E.spike']};
   *   <li>every monitor of a variable (not a probe): {@code name.indices} int32 (n,), the element
   *       index of each column ({@link MonitorResults#indices}), so that column c is neuron
   *       {@code z["E.V.indices"][c]}.
   * </ul>
   */
  public static Path write(Path file, MonitorResults mon, boolean denseSpikes) {
    return forResults(mon, denseSpikes).write(file);
  }

  /** The archive {@link #write(Path, MonitorResults, boolean)} writes, to add more entries first. */
  public static Npz forResults(MonitorResults mon, boolean denseSpikes) {
    Npz npz = builder().put(MonitorFiles.TS, mon.ts());
    for (String name : mon.names()) {
      if (mon.isSpike(name)) {
        SpikeEvents e = mon.events(name);
        if (denseSpikes) {
          npz.put(name, mon.spikes(name));
        }
        npz.put(MonitorFiles.times(name), e.times());
        npz.put(MonitorFiles.spikeColumns(name), e.indices());
      } else {
        npz.put(name, mon.values(name));
        if (!Arrays.equals(mon.times(name), mon.ts())) {
          npz.put(MonitorFiles.times(name), mon.times(name));
        }
      }
      if (!mon.isProbe(name)) {
        npz.put(MonitorFiles.indices(name), mon.indices(name));
      }
    }
    return npz;
  }
}
