package io.brainstem.export;

import io.brainstem.monitors.RecordFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code .npy} file that grows as values are appended: float64 {@code (rows,)} or
 * {@code (rows, columns)}, or int32 {@code (rows,)}. The header has a fixed size of
 * {@value #HEADER_BYTES} bytes (room for any shape, so the data never moves); values go into a
 * direct buffer of fixed size that is written through a {@link FileChannel} when full or on
 * {@link #flush()}. Data is written before the header that counts it, so at any moment the file is
 * a valid {@code .npy} (numpy reads the rows its header counts and ignores bytes after them).
 * Alone, the header is rewritten after every write; in an {@link NpyDirectory} only when the
 * directory commits, so that all its files count rows at the same step. Appending allocates nothing.
 *
 * <pre>{@code
 * try (var v = NpyAppender.doubles(Path.of("v.npy"), 3, 1 << 20)) { v.put(row, 0, 3); }
 * }</pre>
 */
public final class NpyAppender implements RecordFile, AutoCloseable {
  /** The directory a file belongs to: told when data goes out uncommitted, asked whether reads are safe. */
  interface Group {
    /** {@link #BUFFERS_PER_COMMIT} buffers were written out past the committed rows; the directory should commit. */
    void dataWritten();

    /** Throws when the files may have been replaced since they were written (called around reads). */
    void checkUnchanged(Path file);
  }

  /** The size of the header (magic to newline); the data starts here, a multiple of {@link Npy#ALIGNMENT}. */
  public static final int HEADER_BYTES = 128;

  /** In a directory, a file asks for a commit after writing out this many buffers since the last. */
  public static final int BUFFERS_PER_COMMIT = 16;

  private static final byte[] DICT_SHAPE = "', 'fortran_order': False, 'shape': (".getBytes(StandardCharsets.US_ASCII);
  private static final int READ_CHUNK = 1 << 20;

  private final Path path;
  private final Group group; // null: a file of its own
  private final String descr;
  private final int itemBytes;
  private final FileChannel channel;
  private final ByteBuffer buffer;
  private final DoubleBuffer doubles;
  private final IntBuffer ints;
  private final int capacity; // items
  private final ByteBuffer header = ByteBuffer.allocateDirect(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private int columns; // 0: 1-D; -1: 2-D, width not known yet
  private int filled; // items in the buffer
  private long written; // items in the file
  private long headerRows = -1; // the rows the header on disk counts; -1: unknown
  private int writesSinceCommit;
  private long generation;
  private boolean closed;

  private NpyAppender(Path path, String descr, int itemBytes, int columns, int bufferBytes, Group group) {
    this(path, descr, itemBytes, columns, bufferBytes, group, -1);
  }

  /** With {@code keepRows >= 0}: an existing file continued after its first {@code keepRows} rows. */
  private NpyAppender(Path path, String descr, int itemBytes, int columns, int bufferBytes, Group group,
      long keepRows) {
    if (bufferBytes < 64) {
      throw new IllegalArgumentException("stream buffer must be at least 64 bytes, got " + bufferBytes);
    }
    if (columns < -1) {
      throw new IllegalArgumentException("columns must be -1, 0 or positive, got " + columns);
    }
    this.path = path;
    this.group = group;
    this.descr = descr;
    this.itemBytes = itemBytes;
    this.columns = columns;
    this.capacity = bufferBytes / itemBytes;
    this.buffer = ByteBuffer.allocateDirect(capacity * itemBytes).order(ByteOrder.LITTLE_ENDIAN);
    this.doubles = itemBytes == 8 ? buffer.asDoubleBuffer() : null;
    this.ints = itemBytes == 4 ? buffer.asIntBuffer() : null;
    try {
      this.channel = keepRows >= 0
          ? FileChannel.open(path, StandardOpenOption.WRITE)
          : FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException((keepRows >= 0 ? "cannot continue " : "cannot create ") + path
          + " (" + e + "); stream to a directory you can write to", e);
    }
    try {
      if (keepRows >= 0) {
        keep(keepRows);
      }
      writeHeader();
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /**
   * Creates (or empties) a float64 file: 1-D with {@code columns == 0}, {@code (rows, columns)}
   * with {@code columns > 0}, 2-D of a width set later by {@link #setColumns} with -1.
   *
   * @param bufferBytes the size of the write buffer (at least 64)
   */
  public static NpyAppender doubles(Path file, int columns, int bufferBytes) {
    return new NpyAppender(file, "<f8", 8, columns, bufferBytes, null);
  }

  /** Creates (or empties) a 1-D int32 file. */
  public static NpyAppender ints(Path file, int bufferBytes) {
    return new NpyAppender(file, "<i4", 4, 0, bufferBytes, null);
  }

  /** A float64 file of {@code group}, whose header is rewritten only by {@link #commitHeader()}. */
  static NpyAppender doubles(Path file, int columns, int bufferBytes, Group group) {
    return new NpyAppender(file, "<f8", 8, columns, bufferBytes, group);
  }

  /** An int32 file of {@code group}; see {@link #doubles(Path, int, int, Group)}. */
  static NpyAppender ints(Path file, int bufferBytes, Group group) {
    return new NpyAppender(file, "<i4", 4, 0, bufferBytes, group);
  }

  /**
   * An existing file of our layout, opened for reading its first {@code rows} rows (a manifest's
   * count; the header may count more after a crash). Appending throws.
   *
   * @throws IllegalStateException naming the file when it is not ours or holds fewer rows
   */
  static NpyAppender existing(Path file, long rows, Group group) {
    byte[] head = new byte[HEADER_BYTES];
    long size;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.wrap(head);
      while (b.hasRemaining() && in.read(b) >= 0) {
        // read the whole header
      }
      size = in.size();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + " (" + e + ")", e);
    }
    String text = new String(head, 10, HEADER_BYTES - 10, StandardCharsets.US_ASCII);
    int shape = text.indexOf("'shape': (");
    if (!text.startsWith("{'descr': '") || shape < 0 || head[8] != HEADER_BYTES - 10) {
      throw new IllegalStateException(file + " is not a streamed .npy file (its header is not the "
          + HEADER_BYTES + "-byte header NpyAppender writes)");
    }
    String descr = text.substring(11, text.indexOf('\'', 11));
    String[] dims = text.substring(shape + 10, text.indexOf(')', shape)).split(",");
    int columns = dims.length > 1 && !dims[1].isBlank() ? Integer.parseInt(dims[1].trim()) : 0;
    if (dims.length > 1 && columns == 0) {
      columns = -1; // 2-D of a width never set (a probe that recorded nothing)
    }
    NpyAppender f = new NpyAppender(file, descr, descr.equals("<i4") ? 4 : 8, columns, group);
    f.written = rows * Math.max(1, columns);
    if (size < HEADER_BYTES + f.written * f.itemBytes) {
      throw new IllegalStateException(file + " holds " + (size - HEADER_BYTES) / f.itemBytes / Math.max(1, columns)
          + " rows, fewer than the " + rows + " its manifest records; it was changed after the run");
    }
    return f;
  }

  /**
   * An existing file of {@code group} continued after its first {@code rows} rows: the bytes after
   * them are cut and appending goes on from there (a run resumed from a checkpoint).
   *
   * @throws IllegalStateException naming the file when it holds fewer rows
   */
  static NpyAppender continued(Path file, boolean ints, int columns, long rows, int bufferBytes, Group group) {
    return new NpyAppender(file, ints ? "<i4" : "<f8", ints ? 4 : 8, columns, bufferBytes, group, rows);
  }

  private void keep(long rows) {
    long items = rows * Math.max(1, columns);
    long size;
    try {
      size = channel.size();
      if (size >= HEADER_BYTES + items * itemBytes) {
        channel.truncate(HEADER_BYTES + items * itemBytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot continue " + path + " (" + e + ")", e);
    }
    if (size < HEADER_BYTES + items * itemBytes) {
      throw new IllegalStateException(path + " holds " + Math.max(0, size - HEADER_BYTES) / itemBytes
          / Math.max(1, columns) + " rows, fewer than the " + rows + " recorded when the checkpoint "
          + "was taken; it was changed or emptied since");
    }
    written = items;
  }

  /** A closed file for reading only. */
  private NpyAppender(Path path, String descr, int itemBytes, int columns, Group group) {
    this.path = path;
    this.group = group;
    this.descr = descr;
    this.itemBytes = itemBytes;
    this.columns = columns;
    this.capacity = 0;
    this.buffer = ByteBuffer.allocate(0);
    this.doubles = null;
    this.ints = null;
    this.channel = null;
    this.closed = true;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public int columns() {
    return columns;
  }

  @Override
  public void setColumns(int n) {
    if (columns != -1 || n < 1) {
      throw new IllegalStateException(path + ": the width can be set once, to at least 1 (is "
          + columns + ", asked " + n + ")");
    }
    columns = n;
    writeHeader();
  }

  @Override
  public long rows() {
    return (written + filled) / Math.max(1, columns);
  }

  @Override
  public void put(double value) {
    doubles.put(filled++, value);
    if (filled == capacity) {
      full();
    }
  }

  @Override
  public void put(double[] values, int offset, int length) {
    while (length > 0) {
      int n = Math.min(length, capacity - filled);
      doubles.put(filled, values, offset, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == capacity) {
        full();
      }
    }
  }

  @Override
  public void putInt(int value) {
    ints.put(filled++, value);
    if (filled == capacity) {
      full();
    }
  }

  /** The buffer is full: alone, write it out with its header; in a directory, the data only. */
  private void full() {
    if (group == null) {
      flush();
    } else {
      writeData();
      if (++writesSinceCommit == BUFFERS_PER_COMMIT) {
        group.dataWritten();
      }
    }
  }

  /** Writes out what is buffered and rewrites the header to count it. */
  @Override
  public void flush() {
    if (filled == 0) {
      return;
    }
    writeData();
    writeHeader();
  }

  /** Rewrites the header to count every row written out (the directory's commit, after {@link #writeData}). */
  void commitHeader() {
    writesSinceCommit = 0;
    if (writtenRows() != headerRows) { // an unchanged header is not rewritten: fewer writes per commit
      writeHeader();
    }
  }

  /** Rows written out to the file (what {@link #commitHeader()} would count). */
  long writtenRows() {
    return columns > 0 ? written / columns : columns == 0 ? written : 0;
  }

  /** Writes out what is buffered, after the rows the header counts; the header is left as it is. */
  void writeData() {
    if (filled == 0) {
      return;
    }
    if (closed) {
      throw new IllegalStateException(path + " is closed (its runner was closed); build a new runner to record again");
    }
    buffer.limit(filled * itemBytes).position(0);
    long at = HEADER_BYTES + written * itemBytes;
    try {
      while (buffer.hasRemaining()) {
        at += channel.write(buffer, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + " (" + e + "); it holds the rows before this "
          + "write; check the disk has room", e);
    }
    buffer.clear();
    written += filled;
    filled = 0;
  }

  /** Writes the header for the rows in the file, without allocating. */
  private void writeHeader() {
    ByteBuffer h = fillHeader();
    long at = 0;
    headerRows = -1;
    try {
      while (h.hasRemaining()) {
        at += channel.write(h, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the header of " + path + " (" + e + ")", e);
    }
    headerRows = columns < 0 ? -1 : writtenRows();
  }

  /**
   * Rewrites the header of an existing file of our layout to count its first {@code rows} rows and
   * cuts the bytes after them (the recovery of a crashed stream directory).
   */
  static void cut(Path file, long rows) {
    NpyAppender f = existing(file, rows, null);
    ByteBuffer h = f.fillHeader();
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long at = 0;
      while (h.hasRemaining()) {
        at += out.write(h, at);
      }
      out.truncate(HEADER_BYTES + f.written * f.itemBytes);
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("could not rewrite " + file + " (" + e + ")", e);
    }
  }

  /** The header for the rows written out, ready to write. */
  private ByteBuffer fillHeader() {
    ByteBuffer h = header;
    h.clear();
    h.put(Npy.MAGIC).put((byte) 1).put((byte) 0).putShort((short) (HEADER_BYTES - 10));
    h.put((byte) '{').put((byte) '\'').put((byte) 'd').put((byte) 'e').put((byte) 's').put((byte) 'c')
        .put((byte) 'r').put((byte) '\'').put((byte) ':').put((byte) ' ').put((byte) '\'');
    for (int i = 0; i < descr.length(); i++) {
      h.put((byte) descr.charAt(i));
    }
    h.put(DICT_SHAPE);
    putDigits(h, writtenRows());
    if (columns == 0) {
      h.put((byte) ',');
    } else {
      h.put((byte) ',').put((byte) ' ');
      putDigits(h, Math.max(0, columns));
    }
    h.put((byte) ')').put((byte) ',').put((byte) ' ').put((byte) '}');
    while (h.position() < HEADER_BYTES - 1) {
      h.put((byte) ' ');
    }
    h.put((byte) '\n');
    h.flip();
    return h;
  }

  private static void putDigits(ByteBuffer h, long value) {
    long div = 1;
    while (value / div >= 10) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      h.put((byte) ('0' + (value / div) % 10));
    }
  }

  @Override
  public void clear() {
    if (closed) {
      throw new IllegalStateException(path + " is closed (its runner was closed)");
    }
    buffer.clear();
    filled = 0;
    written = 0;
    generation++;
    try {
      channel.truncate(HEADER_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty " + path + " (" + e + ")", e);
    }
    writeHeader();
  }

  @Override
  public long generation() {
    return generation;
  }

  @Override
  public double[] readDoubles(long from, long to) {
    check(8, 0, from, to);
    double[] out = new double[(int) (to - from)];
    read(from, out.length, (b, at, n) -> b.asDoubleBuffer().get(out, (int) at, n));
    return out;
  }

  @Override
  public double[][] readRows(long from, long to) {
    check(8, 1, from, to);
    int n = columns;
    double[][] out = new double[(int) (to - from)][n];
    read(from * n, out.length * (long) n, (b, at, count) -> {
      DoubleBuffer d = b.asDoubleBuffer();
      long item = at;
      while (count > 0) {
        int r = (int) (item / n);
        int c = (int) (item % n);
        int k = Math.min(count, n - c);
        d.get(out[r], c, k);
        item += k;
        count -= k;
      }
    });
    return out;
  }

  @Override
  public int[] readInts(long from, long to) {
    check(4, 0, from, to);
    int[] out = new int[(int) (to - from)];
    read(from, out.length, (b, at, n) -> b.asIntBuffer().get(out, (int) at, n));
    return out;
  }

  private void check(int bytes, int dims, long from, long to) {
    if (itemBytes != bytes || (dims == 0) != (columns == 0)) {
      throw new IllegalStateException(path + " holds " + descr + " with " + (columns == 0 ? 1 : 2)
          + " dimensions");
    }
    if (from < 0 || to < from || to > rows()) {
      throw new IndexOutOfBoundsException(
          path + " has " + rows() + " rows; cannot read rows " + from + ".." + to);
    }
    if (to - from > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          path + ": rows " + from + ".." + to + " are more than an array holds; read it in parts");
    }
    if (closed) {
      return;
    }
    if (group == null) {
      flush();
    } else {
      writeData(); // the header waits for the directory's commit
    }
  }

  @FunctionalInterface
  private interface Chunk {
    /** Takes {@code count} items, the first being item {@code at} of the range, from {@code b}. */
    void take(ByteBuffer b, long at, int count);
  }

  /** Reads items {@code first .. first + count - 1} in chunks, through a channel of its own. */
  private void read(long first, long count, Chunk chunk) {
    boolean check = closed && group != null; // while open, the directory's lock keeps other writers out
    if (check) {
      group.checkUnchanged(path);
    }
    readItems(first, count, chunk);
    if (check) {
      group.checkUnchanged(path); // a writer that came during the read has announced itself by now
    }
  }

  private void readItems(long first, long count, Chunk chunk) {
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(1, count) * itemBytes))
          .order(ByteOrder.LITTLE_ENDIAN);
      int per = b.capacity() / itemBytes;
      long done = 0;
      while (done < count) {
        int n = (int) Math.min(per, count - done);
        b.clear().limit(n * itemBytes);
        long at = HEADER_BYTES + (first + done) * itemBytes;
        while (b.hasRemaining()) {
          int got = in.read(b, at);
          if (got < 0) {
            throw new IOException("the file ends before row " + (first + count) + "; was it changed on disk?");
          }
          at += got;
        }
        b.flip();
        chunk.take(b, done, n);
        done += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + " (" + e + ")", e);
    }
  }

  /**
   * Writes what is buffered, finalises the header, cuts any bytes after the rows it counts, forces
   * the file to the device and closes it.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      writeData();
      writeHeader();
      channel.truncate(HEADER_BYTES + written * itemBytes);
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + " to its device (" + e + ")", e);
    } finally {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not close " + path + " (" + e + ")", e);
      }
    }
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the constructor is already failing with the first error
    }
  }

  @Override
  public String toString() {
    return "NpyAppender(" + path + ", " + descr + ", " + rows() + " rows)";
  }
}
