package io.brainstem.mpi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * MPI_COMM_WORLD of Open MPI through the Foreign Function and Memory API (JDK 22+): the dozen calls
 * a distributed run needs. Open MPI's handles are the addresses of global symbols
 * ({@code MPI_COMM_WORLD} is {@code &ompi_mpi_comm_world}, {@code MPI_INT} {@code &ompi_mpi_int}),
 * found by name. Java arrays are copied through native buffers that grow as needed and are kept.
 */
final class OpenMpiBinding implements Communicator {
  private static final int RTLD_NOW = 2;
  private static final int RTLD_GLOBAL = 0x100;
  private static final int MPI_THREAD_MULTIPLE = 3; // Open MPI's value (mpi.h)

  private static OpenMpiBinding instance; // MPI initialises once per process

  private final Path library;
  private final MemorySegment comm;
  private final MemorySegment mpiInt;
  private final MemorySegment mpiLong;
  private final MemorySegment mpiDouble;
  private final MethodHandle allgather;
  private final MethodHandle allgatherv;
  private final MethodHandle barrier;
  private final MethodHandle abort;
  private final MethodHandle wtime;
  private final MethodHandle finalizeMpi;
  private final int rank;
  private final int size;
  private final boolean threadMultiple;
  private final Thread owner;
  private final Arena arena = Arena.ofShared();
  private MemorySegment sendBuf = MemorySegment.NULL;
  private MemorySegment recvBuf = MemorySegment.NULL;
  private MemorySegment countsBuf = MemorySegment.NULL;
  private MemorySegment displsBuf = MemorySegment.NULL;
  private boolean closed;

  private OpenMpiBinding(Path library) throws Throwable {
    this.library = library;
    Linker linker = Linker.nativeLinker();
    dlopenGlobal(linker, library);
    SymbolLookup lib = SymbolLookup.libraryLookup(library, Arena.global());
    this.comm = symbol(lib, "ompi_mpi_comm_world");
    this.mpiInt = symbol(lib, "ompi_mpi_int");
    this.mpiLong = symbol(lib, "ompi_mpi_long");
    this.mpiDouble = symbol(lib, "ompi_mpi_double");
    MethodHandle initialized = fn(linker, lib, "MPI_Initialized", JAVA_INT, ADDRESS);
    MethodHandle initThread = fn(linker, lib, "MPI_Init_thread", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
    MethodHandle commRank = fn(linker, lib, "MPI_Comm_rank", JAVA_INT, ADDRESS, ADDRESS);
    MethodHandle commSize = fn(linker, lib, "MPI_Comm_size", JAVA_INT, ADDRESS, ADDRESS);
    this.allgather = fn(linker, lib, "MPI_Allgather", JAVA_INT,
        ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
    this.allgatherv = fn(linker, lib, "MPI_Allgatherv", JAVA_INT,
        ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    this.barrier = fn(linker, lib, "MPI_Barrier", JAVA_INT, ADDRESS);
    this.abort = fn(linker, lib, "MPI_Abort", JAVA_INT, ADDRESS, JAVA_INT);
    this.wtime = linker.downcallHandle(lib.find("MPI_Wtime").orElseThrow(), FunctionDescriptor.of(JAVA_DOUBLE));
    this.finalizeMpi = fn(linker, lib, "MPI_Finalize", JAVA_INT);

    try (Arena a = Arena.ofConfined()) {
      MemorySegment flag = a.allocate(JAVA_INT);
      check("MPI_Initialized", (int) initialized.invokeExact(flag));
      boolean multiple = true;
      if (flag.get(JAVA_INT, 0) == 0) {
        MemorySegment provided = a.allocate(JAVA_INT);
        check("MPI_Init_thread", (int) initThread.invokeExact(MemorySegment.NULL, MemorySegment.NULL,
            MPI_THREAD_MULTIPLE, provided));
        multiple = provided.get(JAVA_INT, 0) >= MPI_THREAD_MULTIPLE;
      }
      this.threadMultiple = multiple;
      MemorySegment out = a.allocate(JAVA_INT);
      check("MPI_Comm_rank", (int) commRank.invokeExact(comm, out));
      this.rank = out.get(JAVA_INT, 0);
      check("MPI_Comm_size", (int) commSize.invokeExact(comm, out));
      this.size = out.get(JAVA_INT, 0);
    }
    this.owner = Thread.currentThread();
  }

  /** Called by {@link Mpi#init()} through reflection (this class exists only on JDK 22+ builds). */
  static synchronized Communicator open(Path library) {
    if (instance != null && !instance.closed) {
      return instance;
    }
    if (instance != null) {
      throw new IllegalStateException("MPI was finalized in this process and cannot be initialised "
          + "again; call Mpi.init() once and close the communicator at the end");
    }
    try {
      instance = new OpenMpiBinding(library);
      return instance;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("MPI initialisation through " + library + " failed: " + e, e);
    }
  }

  /**
   * Loads the library with RTLD_GLOBAL first: Open MPI loads its components with dlopen, and they
   * need libmpi's symbols to be global (the JDK's own loading keeps them local).
   */
  private static void dlopenGlobal(Linker linker, Path library) throws Throwable {
    SymbolLookup libc = linker.defaultLookup();
    MemorySegment dlopenAddress = libc.find("dlopen")
        .or(() -> SymbolLookup.libraryLookup("libdl.so.2", Arena.global()).find("dlopen"))
        .orElseThrow(() -> new MpiUnavailableException("dlopen not found in the C library"));
    MethodHandle dlopen = linker.downcallHandle(dlopenAddress, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    try (Arena a = Arena.ofConfined()) {
      MemorySegment handle = (MemorySegment) dlopen.invokeExact(a.allocateFrom(library.toString()),
          RTLD_NOW | RTLD_GLOBAL);
      if (handle.equals(MemorySegment.NULL)) {
        throw new MpiUnavailableException("cannot load " + library + "; install Open MPI: "
            + "apt-get install openmpi-bin libopenmpi-dev");
      }
    }
  }

  private MemorySegment symbol(SymbolLookup lib, String name) {
    return lib.find(name).orElseThrow(() -> new MpiUnavailableException(library + " has no symbol "
        + name + ": it is not Open MPI, which Brainstem binds (its handles are such symbols); "
        + "install it: apt-get install openmpi-bin libopenmpi-dev, or point -D"
        + Mpi.LIBRARY_PROPERTY + " at Open MPI's libmpi.so"));
  }

  private MethodHandle fn(Linker linker, SymbolLookup lib, String name,
      java.lang.foreign.MemoryLayout result, java.lang.foreign.MemoryLayout... args) {
    MemorySegment address = lib.find(name).orElseThrow(() -> new MpiUnavailableException(
        library + " has no function " + name + "; is it an MPI library?"));
    return linker.downcallHandle(address, FunctionDescriptor.of(result, args));
  }

  private void check(String call, int code) {
    if (code != 0) {
      throw new IllegalStateException(call + " failed on rank " + (owner == null ? "?" : rank)
          + " with MPI error " + code);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("MPI was finalized (the communicator is closed)");
    }
  }

  private static MemorySegment grow(MemorySegment seg, long bytes, Arena arena) {
    return seg.byteSize() >= bytes ? seg : arena.allocate(Math.max(bytes, 2 * seg.byteSize()), 8);
  }

  @Override
  public int rank() {
    return rank;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void allgather(int[] send, int count, int[] recv) {
    checkOpen();
    sendBuf = grow(sendBuf, 4L * Math.max(1, count), arena);
    recvBuf = grow(recvBuf, 4L * Math.max(1, count) * size, arena);
    MemorySegment.copy(send, 0, sendBuf, JAVA_INT, 0, count);
    try {
      check("MPI_Allgather", (int) allgather.invokeExact(sendBuf, count, mpiInt, recvBuf, count, mpiInt, comm));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    MemorySegment.copy(recvBuf, JAVA_INT, 0, recv, 0, count * size);
  }

  @Override
  public void allgather(long[] send, int count, long[] recv) {
    checkOpen();
    sendBuf = grow(sendBuf, 8L * Math.max(1, count), arena);
    recvBuf = grow(recvBuf, 8L * Math.max(1, count) * size, arena);
    MemorySegment.copy(send, 0, sendBuf, JAVA_LONG, 0, count);
    try {
      check("MPI_Allgather", (int) allgather.invokeExact(sendBuf, count, mpiLong, recvBuf, count, mpiLong, comm));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    MemorySegment.copy(recvBuf, JAVA_LONG, 0, recv, 0, count * size);
  }

  /** Copies counts and displacements to native memory; returns the total received. */
  private int layout(int[] counts, int[] displs) {
    countsBuf = grow(countsBuf, 4L * size, arena);
    displsBuf = grow(displsBuf, 4L * size, arena);
    MemorySegment.copy(counts, 0, countsBuf, JAVA_INT, 0, size);
    MemorySegment.copy(displs, 0, displsBuf, JAVA_INT, 0, size);
    int end = 0;
    for (int r = 0; r < size; r++) {
      end = Math.max(end, displs[r] + counts[r]);
    }
    return end;
  }

  @Override
  public void allgatherv(int[] send, int count, int[] recv, int[] counts, int[] displs) {
    checkOpen();
    int end = layout(counts, displs);
    sendBuf = grow(sendBuf, 4L * Math.max(1, count), arena);
    recvBuf = grow(recvBuf, 4L * Math.max(1, end), arena);
    MemorySegment.copy(send, 0, sendBuf, JAVA_INT, 0, count);
    try {
      check("MPI_Allgatherv", (int) allgatherv.invokeExact(sendBuf, count, mpiInt, recvBuf,
          countsBuf, displsBuf, mpiInt, comm));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    MemorySegment.copy(recvBuf, JAVA_INT, 0, recv, 0, end);
  }

  @Override
  public void allgatherv(double[] send, int count, double[] recv, int[] counts, int[] displs) {
    checkOpen();
    int end = layout(counts, displs);
    sendBuf = grow(sendBuf, 8L * Math.max(1, count), arena);
    recvBuf = grow(recvBuf, 8L * Math.max(1, end), arena);
    MemorySegment.copy(send, 0, sendBuf, JAVA_DOUBLE, 0, count);
    try {
      check("MPI_Allgatherv", (int) allgatherv.invokeExact(sendBuf, count, mpiDouble, recvBuf,
          countsBuf, displsBuf, mpiDouble, comm));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    MemorySegment.copy(recvBuf, JAVA_DOUBLE, 0, recv, 0, end);
  }

  @Override
  public void barrier() {
    checkOpen();
    try {
      check("MPI_Barrier", (int) barrier.invokeExact(comm));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void abort(int code, String why) {
    System.err.println(why);
    System.err.flush();
    if (!closed && (threadMultiple || Thread.currentThread() == owner)) {
      try {
        int ignored = (int) abort.invokeExact(comm, code);
      } catch (Throwable e) {
        // fall through to halt
      }
    }
    Runtime.getRuntime().halt(code); // mpirun then stops the other ranks
  }

  @Override
  public double wtime() {
    try {
      return (double) wtime.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      check("MPI_Finalize", (int) finalizeMpi.invokeExact());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
