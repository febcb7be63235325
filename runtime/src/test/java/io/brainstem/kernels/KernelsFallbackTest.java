package io.brainstem.kernels;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Kernels;
import io.brainstem.network.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-modules jdk.incubator.vector} (a fresh JVM), groups and projections run
 * their scalar kernels and one log line says why and how to get vector kernels;
 * {@code -Dbrainstem.kernels} overrides.
 */
class KernelsFallbackTest {

  /** Run in the child JVM: prints which kernels two groups and a projection run, after a step. */
  public static void main(String[] args) {
    Precision precision = Precision.valueOf(System.getProperty("precision", "DOUBLE"));
    LifGroup a = new LifGroup("A", 100, precision);
    LifGroup b = new LifGroup("B", 100, precision);
    ExpCobaProjection ab = new ExpCobaProjection(a, b, new FixedProb(0.5, 1));
    a.setSpikes(1, 2, 3);
    ab.update(0, 0.1, true);
    b.update(0, 0.1, true);
    System.out.println("kernels=" + a.kernels() + "|" + b.kernels() + "|" + ab.kernels());
  }

  private static String[] child(String... jvmOptions) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        KernelsFallbackTest.class.getName()));
    Process p = new ProcessBuilder(command).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(0);
    return new String[] {out, err};
  }

  @Test
  void withoutTheModuleGroupsRunScalarKernelsAndOneLineSaysWhy() throws Exception {
    String[] outErr = child();
    assertThat(outErr[0]).contains("kernels=scalar|scalar|scalar");
    assertThat(outErr[1]).contains(
        "Brainstem runs scalar kernels: the jdk.incubator.vector module is not present"
            + " (run java with --add-modules jdk.incubator.vector)");
    assertThat(outErr[1].split("Brainstem runs scalar kernels", -1)).hasLength(2); // once
    // a WARNING (java.util.logging's default console format): `mvn -q` and default logging show it
    assertThat(outErr[1]).contains("WARNING: Brainstem runs scalar kernels");
  }

  /** Scalar float kernels stall on C2's conversions before JDK 23: one warning says what to do. */
  @Test
  void floatGroupsOnScalarKernelsWarnBeforeJdk23() throws Exception {
    String[] outErr = child("-Dprecision=FLOAT");
    assertThat(outErr[0]).contains("kernels=scalar|scalar");
    String warning = "group A stores float and runs scalar kernels, which convert float to double "
        + "slowly before JDK 23 (JDK-8323116";
    if (Runtime.version().feature() < 23) {
      assertThat(outErr[1]).contains(warning);
      assertThat(outErr[1].split("stores float and runs scalar", -1)).hasLength(2); // once
    } else {
      assertThat(outErr[1]).doesNotContain("stores float");
    }
    assertThat(child("--add-modules", "jdk.incubator.vector", "-Dprecision=FLOAT")[0])
        .containsMatch("kernels=vector \\(\\d+ x double, float storage\\)\\|vector");
  }

  @Test
  void theModuleGivesVectorKernelsUnlessThePropertySaysScalar() throws Exception {
    assertThat(child("--add-modules", "jdk.incubator.vector")[0])
        .containsMatch("kernels=vector \\(\\d+ x double\\)\\|vector [^|]+\\|vector ");
    String[] scalar = child("--add-modules", "jdk.incubator.vector", "-Dbrainstem.kernels=scalar");
    assertThat(scalar[0]).contains("kernels=scalar|scalar|scalar");
    assertThat(scalar[1]).contains("INFO: Brainstem runs scalar kernels: -Dbrainstem.kernels=scalar");
  }

  @Test
  void insistingOnVectorKernelsWithoutTheModuleFailsClearly() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Dbrainstem.kernels=vector", "-cp",
        System.getProperty("java.class.path"), KernelsFallbackTest.class.getName()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isNotEqualTo(0);
    assertThat(err).contains("-Dbrainstem.kernels=vector, but vector kernels cannot run");
    assertThat(err).contains("--add-modules jdk.incubator.vector");
  }

  @Test
  void thisJvmHasTheModule() {
    assertThat(Kernels.whyScalar()).isNull();
  }
}
