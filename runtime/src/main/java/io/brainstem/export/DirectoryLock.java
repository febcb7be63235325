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
import java.util.UUID;

/**
 * The lock of a stream directory: {@value #FILE} holds the writer's pid, host, start time and a
 * generation id, and an OS lock ({@link FileChannel#tryLock}) on it is held while the writer is
 * open, so a second writer (in this JVM or another process) is refused. The OS drops the lock when
 * the process dies, so a crashed writer never blocks the next one. The file itself stays (deleting
 * a lock file lets two writers lock two different files), naming its last writer; the generation
 * id tells readers whether the files are still the ones they were made from.
 */
final class DirectoryLock {
  /** The lock file's name. */
  static final String FILE = "brainstem.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String generation;

  private DirectoryLock(Path file, FileChannel channel, FileLock lock, String generation) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.generation = generation;
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
  static DirectoryLock acquire(Path dir, String generation) {
    Path file = dir.resolve(FILE);
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
      lock = null; // a runner of this JVM holds it
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException("cannot lock " + file + " (" + e + ")", e);
    }
    if (lock == null) {
      close(channel);
      throw new IllegalStateException("cannot stream monitors to " + dir.toAbsolutePath() + ": another runner is "
          + "writing there (" + describe(owner(dir)) + ", lock file " + file + "); close that runner first, or "
          + "give streamTo(...) a directory of its own");
    }
    String text = "pid " + ProcessHandle.current().pid() + "\nhost " + host() + "\nstarted " + Instant.now()
        + "\ngeneration " + generation + "\n";
    try {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      long at = 0;
      while (b.hasRemaining()) { // over the old text first, then cut: the id is never missing
        at += channel.write(b, at);
      }
      channel.truncate(at);
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException("cannot write the lock file " + file + " (" + e + ")", e);
    }
    return new DirectoryLock(file, channel, lock, generation);
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
      return "owner unknown: its lock file is being written";
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
