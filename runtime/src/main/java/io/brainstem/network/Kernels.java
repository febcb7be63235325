package io.brainstem.network;

import io.brainstem.math.VectorMath;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Which kernels generated groups and projections run: their vector kernels
 * ({@code <Model>GroupVector}, {@code <Model>ProjectionVector}, generated when the model was
 * compiled with {@code --add-modules jdk.incubator.vector}) or their scalar ones.
 *
 * <p>The choice is made once per JVM. Vector kernels run when the {@code jdk.incubator.vector}
 * module is in the boot layer ({@code java --add-modules jdk.incubator.vector}) and HotSpot's
 * C2 compiler with vector intrinsics is on: without intrinsics the Vector API is several times
 * slower than scalar code. Otherwise groups and projections fall back to their scalar kernels, and
 * the first one that could have used vector kernels logs one line saying why. The system property
 * {@code brainstem.kernels} overrides: {@code scalar} always, {@code vector} insists (a group or
 * projection then fails to build if vector kernels cannot run) and runs them on whole groups from
 * the first step (no {@link VectorWarmUp}), {@code auto} (the default) as above.
 *
 * <p>Results: vector kernels perform each element's floating-point operations exactly as the scalar
 * kernel does, so they agree bit for bit, except for models calling {@code exp}, {@code log},
 * {@code pow}, {@code tanh} or {@code expm1}, whose vector versions may differ from
 * {@code java.lang.Math} in the last bit (docs/runners.md).
 */
public final class Kernels {
  /** The property that overrides the choice: {@code auto}, {@code scalar} or {@code vector}. */
  public static final String PROPERTY = "brainstem.kernels";

  private static final System.Logger LOG = System.getLogger("io.brainstem.kernels");
  private static final String MODULE = "jdk.incubator.vector";
  /** Null when vector kernels can run; else why not. */
  private static final String UNAVAILABLE = unavailableReason();
  private static final boolean WARM_UP_ALLOWED =
      !System.getProperty(PROPERTY, "auto").trim().equalsIgnoreCase("vector");
  private static volatile boolean logged;
  private static volatile boolean loggedFloat;
  /**
   * Before JDK 23, C2 encodes scalar float/double conversions with a false dependency on their
   * destination register (JDK-8323116), which serialises a float kernel's loop.
   */
  private static final boolean SLOW_SCALAR_FLOAT = Runtime.version().feature() < 23;

  private Kernels() {}

  /** Whether groups and projections use their vector kernels in this JVM. */
  public static boolean vector() {
    return UNAVAILABLE == null;
  }

  /**
   * Whether vector kernels may warm up on a slice of each group ({@link VectorWarmUp}): not under
   * {@code -Dbrainstem.kernels=vector}, which asks for them on whole groups from the first step.
   */
  public static boolean warmUpAllowed() {
    return WARM_UP_ALLOWED;
  }

  /** Why vector kernels do not run in this JVM, or null when they do. */
  public static String whyScalar() {
    return UNAVAILABLE;
  }

  /**
   * For generated groups: their vector kernels, {@code className}, built over the group's arrays,
   * or null when this JVM runs scalar kernels.
   */
  public static NeuronKernel load(String className, NeuronGroup group, Parameters params,
      int[] spikeIndex) {
    return create(NeuronKernel.class, className, "group " + group.name(), group.precision(),
        group.getClass(), new Class<?>[] {group.getClass(), Parameters.class, int[].class}, group, params,
        spikeIndex);
  }

  /**
   * For generated projections: their vector kernels, {@code className}, built over the
   * projection's arrays, or null when this JVM runs scalar kernels.
   */
  public static ProjectionKernel load(String className, Projection projection,
      Parameters params) {
    return create(ProjectionKernel.class, className, "projection " + projection.name(),
        projection.precision(), projection.getClass(), new Class<?>[] {projection.getClass(), Parameters.class},
        projection, params);
  }

  private static <K> K create(Class<K> kind, String className, String owner,
      Precision precision, Class<?> ownerClass, Class<?>[] types, Object... arguments) {
    if (UNAVAILABLE != null) {
      if (!logged) {
        logged = true;
        // A WARNING, which `mvn -q` and default logging show: the user loses the vector speed-up
        // unknowingly otherwise. Asked for explicitly (-Dbrainstem.kernels=scalar), it is news only.
        boolean asked = UNAVAILABLE.startsWith("-D" + PROPERTY);
        LOG.log(asked ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
            "Brainstem runs scalar kernels: " + UNAVAILABLE);
      }
      if (precision == Precision.FLOAT && SLOW_SCALAR_FLOAT && !loggedFloat) {
        loggedFloat = true;
        LOG.log(System.Logger.Level.WARNING, owner + " stores float and runs "
            + "scalar kernels, which convert float to double slowly before JDK 23 (JDK-8323116, "
            + "measured 4-6x slower than double on JDK 17): run with --add-modules " + MODULE
            + ", on JDK 23 or later, or with Precision.DOUBLE");
      }
      return null;
    }
    try {
      Class<?> type = Class.forName(className, true, ownerClass.getClassLoader());
      return kind.cast(type.getConstructor(types).newInstance(arguments));
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      throw new IllegalStateException(owner + ": cannot create its vector kernels " + className
          + " (" + e + "); run with -D" + PROPERTY + "=scalar to use scalar kernels", e);
    }
  }

  private static String unavailableReason() {
    String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    String reason = switch (wanted) {
      case "scalar" -> "-D" + PROPERTY + "=scalar";
      case "auto", "vector" -> jvmReason();
      default -> throw new IllegalArgumentException(
          "-D" + PROPERTY + "=" + wanted + ": expected auto, scalar or vector");
    };
    if (reason != null && wanted.equals("vector")) {
      throw new IllegalStateException(
          "-D" + PROPERTY + "=vector, but vector kernels cannot run: " + reason);
    }
    return reason;
  }

  private static String jvmReason() {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return "the " + MODULE + " module is not present (run java with --add-modules " + MODULE + ")";
    }
    String vmInfo = System.getProperty("java.vm.info", "");
    if (vmInfo.contains("interpreted mode")) {
      return "the JIT compiler is off (-Xint), and the Vector API is slow without it";
    }
    String noC2 = hotspotOption("TieredStopAtLevel");
    if (noC2 != null && !noC2.equals("4")) {
      return "-XX:TieredStopAtLevel=" + noC2 + " keeps C2, and with it the vector intrinsics, off";
    }
    if ("false".equals(hotspotOption("EnableVectorSupport"))) {
      return "-XX:-EnableVectorSupport turns the vector intrinsics off";
    }
    return VectorMath.lanes() < 2 ? "this CPU has no vectors of 2 or more doubles" : null;
  }

  /** A HotSpot flag's value, or null when there is no such flag or no HotSpot. */
  private static String hotspotOption(String name) {
    try {
      return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
          .getVMOption(name).getValue();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
