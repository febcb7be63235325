package io.brainstem.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint directory on disk. A directory {@code C} given to {@code checkpointEvery(ms, C)} or
 * {@code checkpoint(C)} holds complete checkpoints in subdirectories {@code step-<n>}, and a file
 * {@value #LATEST} naming the newest. A checkpoint is written into a temporary subdirectory, every
 * file forced to disk, its {@value #MANIFEST} last; then renamed into place, and only then does
 * {@value #LATEST} (replaced by an atomic rename) point to it and older ones past the count to keep
 * are deleted. A process killed at any moment leaves {@value #LATEST} naming a complete checkpoint
 * (or none yet), and the kept older ones complete.
 *
 * <p>A checkpoint is {@value #MANIFEST} (format, version, step, model fingerprint, metadata, and per
 * array its key, dtype, length and CRC-32) and {@code state.npz}, every array as a 1-D {@code .npy}
 * entry {@code <key>.npy} of an uncompressed zip ({@code numpy.load} reads it).
 */
public final class CheckpointStore {
  /** The manifest of one checkpoint. */
  public static final String MANIFEST = "manifest.json";
  /** The file naming the newest complete checkpoint of a checkpoint directory. */
  public static final String LATEST = "LATEST";
  /** The format written, and the only one read. */
  public static final int FORMAT_VERSION = 1;
  /** The {@code format} field of every manifest. */
  public static final String FORMAT = "brainstem-checkpoint";

  private CheckpointStore() {}

  /**
   * Writes a checkpoint of {@code state} into {@code container} atomically (see the class comment)
   * and returns the directory of the new checkpoint.
   *
   * @param header the manifest's fields besides {@code format}, {@code version} and {@code arrays}
   *     ({@code step}, {@code fingerprint}, {@code metadata}...); {@code step} must be a Long
   * @throws UncheckedIOException naming the directory when it cannot be written (the previous
   *     checkpoint stays the latest)
   */
  public static Path write(Path container, Map<String, Object> header, StateOut state) {
    return write(container, header, state, 1);
  }

  /**
   * As {@link #write(Path, Map, StateOut)}, keeping the {@code keep} newest complete checkpoints
   * (this one included) and deleting older ones.
   */
  public static Path write(Path container, Map<String, Object> header, StateOut state, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("a checkpoint directory keeps at least the newest checkpoint, got keep = " + keep);
    }
    long step = (Long) header.get("step");
    String name = String.format(java.util.Locale.ROOT, "step-%015d", step);
    try {
      Files.createDirectories(container);
      Path tmp = container.resolve(".tmp-" + name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
      Files.createDirectory(tmp);
      List<Object> arrays = new ArrayList<>();
      for (ArrayFiles.Entry e : ArrayFiles.write(tmp.resolve(ArrayFiles.FILE), state.arrays())) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("key", e.key());
        a.put("dtype", e.dtype());
        a.put("length", (long) e.length());
        a.put("crc32", e.crc());
        arrays.add(a);
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", FORMAT);
      manifest.put("version", (long) FORMAT_VERSION);
      manifest.putAll(header);
      manifest.put("data", ArrayFiles.FILE);
      manifest.put("arrays", arrays);
      writeForced(tmp.resolve(MANIFEST), Json.write(manifest));
      Path target = container.resolve(name);
      if (Files.exists(target)) { // the same step saved again (on demand after a periodic one)
        target = container.resolve(name + "-" + System.nanoTime());
      }
      move(tmp, target);
      Path latestTmp = container.resolve(".tmp-" + LATEST + "-" + ProcessHandle.current().pid());
      writeForced(latestTmp, target.getFileName() + "\n");
      move(latestTmp, container.resolve(LATEST));
      forceDirectory(container);
      deleteOlder(container, target.getFileName().toString(), keep);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint into " + container.toAbsolutePath() + " (" + e
          + "); the previous checkpoint there, if any, is still the latest", e);
    }
  }

  /**
   * Reads the newest checkpoint of {@code dir} (a checkpoint directory with {@value #LATEST}, or
   * one checkpoint with {@value #MANIFEST}), verifying the format version and every array's length
   * and CRC-32 before returning.
   *
   * @throws CheckpointException naming the directory and what is missing, truncated or corrupted
   */
  public static Checkpoint read(Path dir) {
    Path one = resolve(dir);
    Map<String, Object> manifest = manifest(one);
    List<ArrayFiles.Entry> entries = new ArrayList<>();
    for (Object o : list(manifest, "arrays", one)) {
      if (!(o instanceof Map<?, ?> a)) {
        throw corrupt(one, "an entry of 'arrays' is not an object");
      }
      String key = field(a, "key", String.class, one);
      String dtype = field(a, "dtype", String.class, one);
      long length = field(a, "length", Long.class, one);
      long crc = field(a, "crc32", Long.class, one);
      if (length < 0 || length > Integer.MAX_VALUE - 16) {
        throw corrupt(one, "array '" + key + "' has length " + length);
      }
      try {
        ArrayFiles.itemBytes(dtype);
      } catch (IllegalArgumentException e) {
        throw corrupt(one, "array '" + key + "' has an unknown dtype '" + dtype + "'");
      }
      entries.add(new ArrayFiles.Entry(key, dtype, (int) length, crc));
    }
    if (!ArrayFiles.FILE.equals(manifest.get("data"))) {
      throw corrupt(one, "the manifest's 'data' is " + manifest.get("data") + ", not " + ArrayFiles.FILE);
    }
    Map<String, Object> arrays = ArrayFiles.read(one.resolve(ArrayFiles.FILE), entries);
    return new Checkpoint(one, manifest, arrays);
  }

  /**
   * Reads only the manifest of the newest checkpoint of {@code dir} (its step, fingerprint and
   * metadata), without the arrays.
   *
   * @throws CheckpointException if there is none or it is not a valid manifest
   */
  public static Checkpoint readManifest(Path dir) {
    Path one = resolve(dir);
    return new Checkpoint(one, manifest(one), Map.of());
  }

  /**
   * The complete checkpoints of the checkpoint directory {@code dir} (those with a manifest), by
   * step, oldest first; each is a directory {@link #read} accepts. Empty if there is none.
   */
  public static java.util.NavigableMap<Long, Path> steps(Path dir) {
    java.util.TreeMap<Long, Path> out = new java.util.TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "step-*")) {
      for (Path p : s) {
        Long step = stepOf(p.getFileName().toString());
        if (step != null && Files.isRegularFile(p.resolve(MANIFEST))) {
          out.merge(step, p, (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()) >= 0 ? a : b);
        }
      }
    } catch (IOException e) {
      throw new CheckpointException("cannot list the checkpoints of " + dir.toAbsolutePath() + " (" + e + ")", e);
    }
    return out;
  }

  /** The step of a checkpoint directory's name ({@code step-<n>}, or {@code step-<n>-<nanos>}), else null. */
  private static Long stepOf(String name) {
    if (!name.startsWith("step-")) {
      return null;
    }
    int end = name.indexOf('-', 5);
    try {
      return Long.parseLong(end < 0 ? name.substring(5) : name.substring(5, end));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The directory of the newest checkpoint of {@code dir}. */
  private static Path resolve(Path dir) {
    if (Files.isRegularFile(dir.resolve(MANIFEST))) {
      return dir;
    }
    Path latest = dir.resolve(LATEST);
    String name;
    try {
      name = Files.readString(latest, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      throw new CheckpointException("no checkpoint in " + dir.toAbsolutePath() + ": it has neither "
          + LATEST + " nor " + MANIFEST + (Files.isDirectory(dir) ? "" : " (it does not exist)")
          + "; give the directory passed to checkpointEvery(...) or checkpoint(...)", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + latest + " (" + e + ")", e);
    }
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new CheckpointException(latest + " is corrupted: it names '" + name + "', not a checkpoint of "
          + dir.toAbsolutePath());
    }
    Path one = dir.resolve(name);
    if (!Files.isRegularFile(one.resolve(MANIFEST))) {
      throw new CheckpointException(latest + " names " + name + ", but " + one.resolve(MANIFEST)
          + " is missing: the checkpoint directory was changed");
    }
    return one;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> manifest(Path one) {
    String text;
    try {
      text = Files.readString(one.resolve(MANIFEST), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + one.resolve(MANIFEST) + " (" + e + ")", e);
    }
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw corrupt(one, "the manifest is not valid JSON (" + e.getMessage() + ")");
    }
    if (!(parsed instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
      throw corrupt(one, "the manifest is not a Brainstem checkpoint manifest (format '" + FORMAT + "')");
    }
    Object version = m.get("version");
    if (!Long.valueOf(FORMAT_VERSION).equals(version)) {
      throw new CheckpointException("checkpoint " + one + " has format version " + version + "; this Brainstem "
          + "reads version " + FORMAT_VERSION + " only: resume it with the Brainstem that wrote it");
    }
    return (Map<String, Object>) m;
  }

  static List<?> list(Map<String, Object> m, String name, Path one) {
    if (!(m.get(name) instanceof List<?> l)) {
      throw corrupt(one, "the manifest has no list '" + name + "'");
    }
    return l;
  }

  static <T> T field(Map<?, ?> m, String name, Class<T> type, Path one) {
    Object v = m.get(name);
    if (!type.isInstance(v)) {
      throw corrupt(one, "the manifest's field '" + name + "' is " + v + ", not a " + type.getSimpleName());
    }
    return type.cast(v);
  }

  static CheckpointException corrupt(Path one, String what) {
    return new CheckpointException("checkpoint " + one + " is corrupted: " + what);
  }

  private static void writeForced(Path file, String text) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        out.write(b);
      }
      out.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + to.getParent() + " cannot rename atomically", e);
    }
  }

  /** Forces a directory's entries to disk where the platform allows it (Linux does). */
  private static void forceDirectory(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here (Windows): the renames are still atomic, only their durability is the OS's
    }
  }

  /**
   * Deletes the leftover temporary directories of {@code container} and its checkpoints but
   * {@code newest} and the {@code keep - 1} complete ones before it.
   */
  private static void deleteOlder(Path container, String newest, int keep) throws IOException {
    java.util.Set<String> kept = new java.util.HashSet<>();
    kept.add(newest);
    for (Path p : steps(container).descendingMap().values()) {
      if (kept.size() >= keep) {
        break;
      }
      kept.add(p.getFileName().toString());
    }
    List<Path> old = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(container)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (!kept.contains(n) && Files.isDirectory(p) && (n.startsWith("step-") || n.startsWith(".tmp-"))) {
          old.add(p);
        }
      }
    }
    for (Path p : old) {
      try (var walk = Files.walk(p)) {
        for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
