package io.brainstem.export;

import io.brainstem.monitors.RecordFile;
import io.brainstem.monitors.RecordFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory of {@link NpyAppender}s, one per streamed array, each {@code <stem>.npy} with a write
 * buffer of the same size. Files of the same names already in the directory are replaced.
 */
public final class NpyDirectory implements RecordFiles {
  private final Path dir;
  private final int bufferBytes;
  private final Map<String, String> owners = new LinkedHashMap<>();
  private final List<NpyAppender> files = new ArrayList<>();
  private final List<Path> paths = new ArrayList<>(); // every file claimed, appended or constant
  private boolean closed;

  /**
   * Creates {@code dir} (and its parents) if needed.
   *
   * @throws UncheckedIOException naming the directory when it cannot be created or written
   */
  public NpyDirectory(Path dir, int bufferBytes) {
    if (bufferBytes < 64) {
      throw new IllegalArgumentException("stream buffer must be at least 64 bytes, got " + bufferBytes);
    }
    this.dir = dir;
    this.bufferBytes = bufferBytes;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stream monitors to " + dir.toAbsolutePath() + ": cannot create "
          + "that directory (" + e + "); give streamTo(...) a directory you can write to", e);
    }
    if (!Files.isWritable(dir)) {
      throw new UncheckedIOException("cannot stream monitors to " + dir.toAbsolutePath() + ": the directory "
          + "is not writable; give streamTo(...) a directory you can write to",
          new IOException("not writable: " + dir));
    }
  }

  @Override
  public Path directory() {
    return dir;
  }

  @Override
  public RecordFile doubles(String stem, int columns, String owner) {
    Path file = claim(stem, owner);
    return add(NpyAppender.doubles(file, columns, bufferBytes));
  }

  @Override
  public RecordFile ints(String stem, String owner) {
    Path file = claim(stem, owner);
    return add(NpyAppender.ints(file, bufferBytes));
  }

  @Override
  public void constantInts(String stem, int[] values, String owner) {
    Npy.write(claim(stem, owner), values);
  }

  private Path claim(String stem, String owner) {
    if (closed) {
      throw new IllegalStateException("the stream directory " + dir + " is closed");
    }
    if (stem.isEmpty() || stem.equals(".") || stem.equals("..") || stem.indexOf('/') >= 0
        || stem.indexOf('\\') >= 0 || stem.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          owner + " cannot be streamed to a file named '" + stem + ".npy'; give it a name without '/' or '\\' "
              + "with .named(...)");
    }
    String name = stem + ".npy";
    String other = owners.putIfAbsent(name, owner);
    if (other != null) {
      throw new IllegalArgumentException(
          owner + " would stream to " + name + ", which " + other + " already writes; rename one with "
              + ".named(...)");
    }
    Path file = dir.resolve(name);
    paths.add(file);
    return file;
  }

  private NpyAppender add(NpyAppender f) {
    files.add(f);
    return f;
  }

  @Override
  public void flush() {
    for (NpyAppender f : files) {
      f.flush();
    }
  }

  @Override
  public void clear() {
    for (NpyAppender f : files) {
      f.clear();
    }
  }

  /** Closes every file, even when one fails (the first failure is thrown, the others suppressed). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (NpyAppender f : files) {
      try {
        f.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean closed() {
    return closed;
  }

  /** The files created so far, in order. */
  public List<Path> files() {
    return List.copyOf(paths);
  }
}
