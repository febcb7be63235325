package io.brainstem.export;

import io.brainstem.monitors.MonitorFiles;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.RecordFile;
import io.brainstem.monitors.RecordFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory of {@link NpyAppender}s, one per streamed array, each {@code <stem>.npy} with a write
 * buffer of the same size, written by one writer at a time and committed together.
 *
 * <ul>
 *   <li><b>One writer.</b> The directory is locked ({@value DirectoryLock#FILE}: pid, host, start
 *       time, generation id) from construction to {@link #close()}; a second writer, in this JVM or
 *       another process, is refused naming the owner. Files of the same names already in the
 *       directory are replaced. Files read after {@code close()} check that no later writer has
 *       taken the directory, and throw rather than return another run's rows.
 *   <li><b>Commits.</b> A full buffer is written out at once, past the rows the headers count;
 *       headers change only at a commit ({@link #flush()}), which writes out every buffer, rewrites
 *       every header, then the manifest {@value #MANIFEST} (one write) with each file's rows. The
 *       runner commits at step boundaries ({@link #boundary()}), so every header counts the rows of
 *       the same step.
 *   <li><b>After a crash</b> every file holds at least the rows the manifest records, and its header
 *       counts them or (killed while headers were being rewritten, microseconds per commit) those
 *       of the next commit. {@link #read} reads the manifest's rows; {@link #recover} cuts every file
 *       to them.
 * </ul>
 */
public final class NpyDirectory implements RecordFiles, NpyAppender.Group {
  /** The manifest's file name. */
  public static final String MANIFEST = "brainstem.manifest";

  private static final int COUNT_DIGITS = 19;

  private final Path dir;
  private final int bufferBytes;
  private final DirectoryLock lock;
  private final FileChannel manifestOut;
  private final Map<String, String> owners = new LinkedHashMap<>();
  private final List<NpyAppender> files = new ArrayList<>();
  private final List<Path> paths = new ArrayList<>(); // every file claimed, appended or constant
  private final List<String> constants = new ArrayList<>(); // "file <rows> <name>" of constant files
  private final List<String> described = new ArrayList<>();
  private ByteBuffer manifest; // built at the first commit after a claim
  private int[] countAt; // where each appended file's count is in manifest
  private long flushSteps = Long.MAX_VALUE;
  private long sinceFlush;
  private boolean dataWritten;
  private boolean closed;
  private Map<String, long[]> continued = Map.of(); // file name -> {rows, columns}: files kept, not replaced

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
    this.lock = DirectoryLock.acquire(dir);
    try {
      this.manifestOut = FileChannel.open(dir.resolve(MANIFEST), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      lock.release();
      throw new UncheckedIOException("cannot create " + dir.resolve(MANIFEST) + " (" + e + "); give "
          + "streamTo(...) a directory you can write to", e);
    }
  }

  /** The generation id of this writer, as in the lock file and the manifest. */
  public String generation() {
    return lock.generation();
  }

  @Override
  public Path directory() {
    return dir;
  }

  /**
   * Makes the files named in {@code rows} (file name to {rows, columns}) be continued after that
   * many rows when they are claimed, instead of replaced: a run resumed from a checkpoint appends to
   * the files of the run it continues. Call before claiming any file.
   */
  @Override
  public void continueFiles(Map<String, long[]> rows) {
    this.continued = Map.copyOf(rows);
  }

  @Override
  public Map<String, long[]> fileRows() {
    Map<String, long[]> rows = new LinkedHashMap<>();
    for (NpyAppender f : files) {
      rows.put(f.path().getFileName().toString(), new long[] {f.rows(), f.columns()});
    }
    return rows;
  }

  @Override
  public RecordFile doubles(String stem, int columns, String owner) {
    Path file = claim(stem, owner);
    long[] keep = continued.get(file.getFileName().toString());
    return add(keep != null
        ? NpyAppender.continued(file, false, columns < 0 ? (int) keep[1] : columns, keep[0], bufferBytes, this)
        : NpyAppender.doubles(file, columns, bufferBytes, this));
  }

  @Override
  public RecordFile ints(String stem, String owner) {
    Path file = claim(stem, owner);
    long[] keep = continued.get(file.getFileName().toString());
    return add(keep != null
        ? NpyAppender.continued(file, true, 0, keep[0], bufferBytes, this)
        : NpyAppender.ints(file, bufferBytes, this));
  }

  @Override
  public void constantInts(String stem, int[] values, String owner) {
    Path file = claim(stem, owner);
    try (NpyAppender f = NpyAppender.ints(file, Math.max(64, Math.min(4 * values.length, bufferBytes)))) {
      for (int v : values) {
        f.putInt(v); // with our 128-byte header, so that read() and recover() open it like the others
      }
    }
    constants.add("file " + values.length + " " + stem + ".npy");
    manifest = null;
  }

  @Override
  public void describe(String line) {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a manifest line cannot contain a line break: " + line);
    }
    described.add(line);
    manifest = null;
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
    manifest = null;
    return f;
  }

  @Override
  public void flushEvery(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("a stream directory commits every 1 or more steps, got " + steps);
    }
    flushSteps = steps;
  }

  @Override
  public void boundary() {
    if (dataWritten || sinceFlush >= flushSteps) {
      flush();
    }
    sinceFlush++;
  }

  @Override
  public void dataWritten() {
    dataWritten = true;
  }

  /** Commits: writes out every buffer, then rewrites every header, then the manifest. Allocates nothing once built. */
  @Override
  public void flush() {
    List<NpyAppender> all = files;
    int n = all.size();
    for (int i = 0; i < n; i++) { // indexed: an iterator is an allocation until C2 removes it
      all.get(i).writeData();
    }
    for (int i = 0; i < n; i++) {
      all.get(i).commitHeader();
    }
    writeManifest();
    dataWritten = false;
    sinceFlush = 0;
  }

  private void writeManifest() {
    if (manifest == null) {
      buildManifest();
    }
    ByteBuffer m = manifest;
    for (int i = 0; i < countAt.length; i++) {
      long rows = files.get(i).writtenRows();
      for (int d = COUNT_DIGITS - 1, at = countAt[i]; d >= 0; d--, rows /= 10) {
        m.put(at + d, (byte) ('0' + rows % 10));
      }
    }
    m.clear();
    long at = 0;
    try { // one write: a process that dies leaves the old manifest or the new one
      while (m.hasRemaining()) {
        at += manifestOut.write(m, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + dir.resolve(MANIFEST) + " (" + e + "); check the "
          + "disk has room", e);
    }
  }

  private void buildManifest() {
    StringBuilder text = new StringBuilder("brainstem stream 1\ngeneration ").append(generation()).append('\n');
    for (String line : described) {
      text.append(line).append('\n');
    }
    for (String line : constants) {
      text.append(line).append('\n');
    }
    countAt = new int[files.size()];
    for (int i = 0; i < countAt.length; i++) {
      text.append("file ");
      countAt[i] = text.length();
      text.append("0".repeat(COUNT_DIGITS)).append(' ').append(files.get(i).path().getFileName()).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < countAt.length; i++) { // offsets in bytes: names before may be non-ASCII
      countAt[i] = text.substring(0, countAt[i]).getBytes(StandardCharsets.UTF_8).length;
    }
    manifest = ByteBuffer.allocateDirect(bytes.length);
    manifest.put(bytes).clear();
    try {
      manifestOut.truncate(bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + dir.resolve(MANIFEST) + " (" + e + ")", e);
    }
  }

  @Override
  public void clear() {
    for (NpyAppender f : files) {
      f.clear();
    }
    flush();
  }

  @Override
  public void checkUnchanged(Path file) {
    if (!lock.held()) {
      DirectoryLock.checkGeneration(dir, generation(), file.getFileName().toString());
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
    try {
      flush();
    } catch (RuntimeException e) {
      failure = e;
    }
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
    try {
      manifestOut.force(false);
      manifestOut.close();
    } catch (IOException e) {
      RuntimeException f = new UncheckedIOException("could not write " + dir.resolve(MANIFEST) + " (" + e + ")", e);
      if (failure == null) {
        failure = f;
      } else {
        failure.addSuppressed(f);
      }
    } finally {
      lock.release();
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean closed() {
    return closed;
  }

  /**
   * The records of a stream directory, as {@code runner.mon()} would show them with
   * {@code MonitorMode.APPEND}: every step since build or reset, up to the last commit its manifest
   * records — also after the writer crashed, and while a writer is still appending. The files are
   * read on first request; reading throws if a later writer has taken the directory since.
   *
   * @throws IllegalArgumentException if {@code dir} holds no manifest (no runner streamed there)
   */
  public static MonitorResults read(Path dir) {
    StreamManifest m = StreamManifest.read(dir);
    NpyAppender.Group guard = new NpyAppender.Group() {
      @Override
      public void dataWritten() {}

      @Override
      public void checkUnchanged(Path file) {
        DirectoryLock.checkGeneration(dir, m.generation(), file.getFileName().toString());
      }
    };
    guard.checkUnchanged(dir.resolve(MANIFEST));
    RecordFile ts = open(m, MonitorFiles.TS, guard);
    List<MonitorResults.StoredMonitor> monitors = new ArrayList<>();
    for (StreamManifest.Monitor mon : m.monitors()) {
      String n = mon.name();
      boolean spike = mon.kind().equals("spikes");
      int[] indices = mon.kind().equals("probe") ? null : readAll(open(m, MonitorFiles.indices(n), guard));
      RecordFile rowTimes = !mon.ownTimes() ? ts
          : open(m, spike ? MonitorFiles.rowTimes(n) : MonitorFiles.times(n), guard);
      if (spike) {
        monitors.add(new MonitorResults.StoredMonitor(n, true, indices, rowTimes,
            open(m, MonitorFiles.times(n), guard), open(m, MonitorFiles.spikeColumns(n), guard), indices.length));
      } else {
        RecordFile data = open(m, n, guard);
        monitors.add(new MonitorResults.StoredMonitor(n, false, indices, rowTimes, data, null, data.columns()));
      }
    }
    return MonitorResults.fromFiles(ts, m.dt(), monitors);
  }

  /**
   * Makes every file of a stream directory whose writer died end at its last commit: each header is
   * rewritten to count the rows the manifest records and the bytes after them are cut, so that
   * {@code numpy.load} of every file shows the same steps (a crash can leave headers one commit
   * apart, or data past them). Locks the directory meanwhile, keeping its generation.
   *
   * @throws IllegalStateException if a writer still holds the directory
   */
  public static void recover(Path dir) {
    StreamManifest m = StreamManifest.read(dir);
    DirectoryLock lock = DirectoryLock.acquire(dir, m.generation());
    try {
      for (Map.Entry<String, Long> f : m.rows().entrySet()) {
        NpyAppender.cut(dir.resolve(f.getKey()), f.getValue());
      }
    } finally {
      lock.release();
    }
  }

  private static NpyAppender open(StreamManifest m, String stem, NpyAppender.Group guard) {
    String name = stem + ".npy";
    return NpyAppender.existing(m.dir().resolve(name), m.rowsOf(name), guard);
  }

  private static int[] readAll(RecordFile f) {
    return f.readInts(0, f.rows());
  }

  /** The files created so far, in order. */
  public List<Path> files() {
    return List.copyOf(paths);
  }
}
