package io.brainstem.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The lock of a stream directory: {@value #FILE} holds the writer's pid, host, start time and a
 * generation id, and an OS lock ({@link FileChannel#tryLock}) on it is held while the writer is
 * open, so a second writer (in this JVM or another process) is refused. The OS drops the lock when
 * the process dies, so a crashed writer never blocks the next one. The file itself stays (deleting
 * a lock file lets two writers lock two different files), naming its last writer; the generation
 * id tells readers whether the files are still the ones they were made from.
 *
 * <p>Closing any descriptor of a file drops every POSIX lock the process holds on it, so while this
 * JVM holds a directory's lock the lock file is never opened again here: the locks held are kept in
 * {@link #HELD}, which answers both the refusal and the owner.
 */
final class DirectoryLock {
  /** The lock file's name. */
  static final String FILE = "brainstem.lock";

  /** The locks this JVM holds, by the real path of their directory. */
  private static final Map<Path, DirectoryLock> HELD = new HashMap<>();

  private final Path key;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String generation;
  private final String[] owner;

  private DirectoryLock(Path key, Path file, FileChannel channel, FileLock lock, String generation, String[] owner) {
    this.key = key;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.generation = generation;
    this.owner = owner;
  }

  /**
   * Locks {@code dir} for writing and records this process as its owner with a new generation id.
   *
   * @throws IllegalStateException naming the directory and its owner when another writer holds it
   */
  static DirectoryLock acquire(Path dir) {
    return acquire(dir, UUID.randomUUID().toString());
  }

  /** Locks {@code dir}, recording {@code generation} (a recovery keeps the recording's). */
  static synchronized DirectoryLock acquire(Path dir, String generation) {
    Path file = dir.resolve(FILE);
    Path key = key(dir);
    DirectoryLock mine = HELD.get(key);
    if (mine != null) {
      throw refused(dir, mine.owner);
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stream monitors to " + dir.toAbsolutePath() + ": cannot create the "
          + "lock file " + file + " (" + e + "); give streamTo(...) a directory you can write to", e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held in this JVM outside HELD: not by us, but refuse all the same
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException("cannot lock " + file + " (" + e + ")", e);
    }
    if (lock == null) {
      close(channel); // we hold no lock on this file, so closing drops none
      throw refused(dir, owner(dir));
    }
    String[] owner = {Long.toString(ProcessHandle.current().pid()), host(), Instant.now().toString(), generation};
    String text = "pid " + owner[0] + "\nhost " + owner[1] + "\nstarted " + owner[2] + "\ngeneration " + generation + "\n";
    try {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      long at = 0;
      while (b.hasRemaining()) { // over the old text, then cut: the old id is gone at the first write
        at += channel.write(b, at);
      }
      channel.truncate(at);
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException("cannot write the lock file " + file + " (" + e + ")", e);
    }
    DirectoryLock held = new DirectoryLock(key, file, channel, lock, generation, owner);
    HELD.put(key, held);
    return held;
  }

  private static IllegalStateException refused(Path dir, String[] owner) {
    return new IllegalStateException("cannot stream monitors to " + dir.toAbsolutePath() + ": another runner is "
        + "writing there (" + describe(owner) + ", lock file " + dir.resolve(FILE) + "); close that runner first, "
        + "or give streamTo(...) a directory of its own");
  }

  /** The directory's real path (one key however it is spelled). */
  private static Path key(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  /** The generation id this lock wrote. */
  String generation() {
    return generation;
  }

  /** Whether the lock is still held. */
  boolean held() {
    return lock.isValid();
  }

  /** Releases the lock; the file stays, naming this writer. Idempotent. */
  void release() {
    synchronized (DirectoryLock.class) {
      HELD.remove(key, this);
    }
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not release the lock " + file + " (" + e + ")", e);
    } finally {
      close(channel);
    }
  }

  /**
   * Throws when the lock file of {@code dir} no longer names {@code generation}: another writer
   * took the directory after the reader's files were made, and may have replaced them.
   */
  static void checkGeneration(Path dir, String generation, String what) {
    String[] owner = owner(dir);
    if (!generation.equals(owner[3])) {
      throw new IllegalStateException(what + " cannot be read: the files in " + dir.toAbsolutePath() + " were "
          + "replaced by a later run (" + describe(owner) + ") after these results were made; read results before "
          + "streaming another run to the same directory, or give each run a directory of its own");
    }
  }

  /** pid, host, start time and generation recorded in the lock file of {@code dir} (null where unknown). */
  static String[] owner(Path dir) {
    synchronized (DirectoryLock.class) {
      DirectoryLock mine = HELD.get(key(dir));
      if (mine != null) {
        return mine.owner; // not read from the file: closing it would drop our lock
      }
    }
    String[] owner = new String[4];
    String text;
    try {
      text = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return owner;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock file " + dir.resolve(FILE) + " (" + e + ")", e);
    }
    String[] keys = {"pid ", "host ", "started ", "generation "};
    for (String line : text.split("\n")) {
      for (int k = 0; k < keys.length; k++) {
        if (line.startsWith(keys[k])) {
          owner[k] = line.substring(keys[k].length()).trim();
        }
      }
    }
    return owner;
  }

  private static String describe(String[] owner) {
    if (owner[0] == null) {
      return "owner unknown: its lock file is missing or being written";
    }
    return "pid " + owner[0] + " on " + owner[1] + ", started " + owner[2];
  }

  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try { // no name service call on Linux, where getLocalHost can stall
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException | RuntimeException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException f) {
        return "unknown host";
      }
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing after a failure or a release; the first outcome is what counts
    }
  }
}
