package io.brainstem.mpi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system MPI library, bound through the Foreign Function and Memory API: {@link #init()}
 * returns MPI_COMM_WORLD as a {@link Communicator}. Needs JDK 22 or newer and Open MPI
 * ({@code apt-get install openmpi-bin libopenmpi-dev}); on JDK 17, or where no library is found,
 * {@link #init()} throws {@link MpiUnavailableException} saying what to install. Start the
 * processes with {@code mpirun -np K java ...} (docs/scaling.md).
 */
public final class Mpi {
  /** The system property naming the MPI library to load, e.g. {@code /opt/openmpi/lib/libmpi.so}. */
  public static final String LIBRARY_PROPERTY = "brainstem.mpi.library";

  /** The oldest JDK whose Foreign Function and Memory API is final. */
  public static final int MIN_JDK = 22;

  private static final String BINDING = "io.brainstem.mpi.OpenMpiBinding";
  private static final String[] DIRS = {
    "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
    "/usr/local/lib", "/opt/openmpi/lib", "/usr/lib64/openmpi/lib", "/usr/lib/x86_64-linux-gnu/openmpi/lib"
  };
  private static final String[] NAMES = {"libmpi.so", "libmpi.so.40", "libmpi.dylib"};

  private Mpi() {}

  /**
   * Initialises MPI (MPI_Init_thread, asking for MPI_THREAD_MULTIPLE so the exchange watchdog may
   * call MPI_Abort) once per process and returns MPI_COMM_WORLD; {@link Communicator#close()}
   * finalizes it.
   *
   * @throws MpiUnavailableException on a JDK older than 22, when this jar was built without the
   *     binding, or when no MPI library is found; the message names the fix
   */
  public static Communicator init() {
    int feature = Runtime.version().feature();
    if (feature < MIN_JDK) {
      throw new MpiUnavailableException("distributed runs need JDK " + MIN_JDK + " or newer (the "
          + "Foreign Function and Memory API binds the MPI library); this is JDK " + feature
          + ". Run with a JDK 22+, e.g. Temurin 25: mpirun -np 2 $JAVA25_HOME/bin/java ...");
    }
    Class<?> binding;
    try {
      binding = Class.forName(BINDING);
    } catch (ClassNotFoundException e) {
      throw new MpiUnavailableException("this brainstem-mpi jar was built without its MPI binding "
          + "(it compiles only with a JDK 22+ javac); rebuild with one: mvn install "
          + "-Dffm.javac=/path/to/jdk-22+/bin/javac -Dffm.skip=false");
    }
    Path library = library();
    try {
      java.lang.reflect.Method open = binding.getDeclaredMethod("open", Path.class);
      return (Communicator) open.invoke(null, library);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("MPI initialisation failed: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the MPI binding " + BINDING + " cannot be called: " + e, e);
    }
  }

  /**
   * The MPI library {@link #init()} loads: the {@value #LIBRARY_PROPERTY} property, else the first
   * libmpi found in the usual directories.
   *
   * @throws MpiUnavailableException when there is none, naming the packages to install
   */
  public static Path library() {
    String given = System.getProperty(LIBRARY_PROPERTY);
    if (given != null && !given.isBlank()) {
      Path p = Path.of(given);
      if (!Files.isRegularFile(p)) {
        throw new MpiUnavailableException("-D" + LIBRARY_PROPERTY + "=" + given
            + " names no file; give the path of libmpi.so");
      }
      return p;
    }
    List<String> looked = new ArrayList<>();
    for (String dir : DIRS) {
      for (String name : NAMES) {
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p)) {
          return p;
        }
        looked.add(p.toString());
      }
    }
    throw new MpiUnavailableException("no MPI library found (looked for " + String.join(", ", NAMES)
        + " in " + String.join(", ", DIRS) + "); install Open MPI: apt-get install openmpi-bin "
        + "libopenmpi-dev, or name the library with -D" + LIBRARY_PROPERTY + "=/path/to/libmpi.so");
  }

  /** Whether this process was started by mpirun/srun (Open MPI, MPICH or SLURM set these). */
  public static boolean launchedByMpirun() {
    return System.getenv("OMPI_COMM_WORLD_SIZE") != null || System.getenv("PMI_SIZE") != null
        || System.getenv("PMIX_RANK") != null;
  }
}
