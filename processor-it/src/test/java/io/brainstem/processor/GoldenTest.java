package io.brainstem.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the real processor generates for representative models, character for character (comments
 * included): the library's Lif (neuron, refractory), ExpCoba (synapse), GapJunction (graded),
 * TsodyksMarkramCoba's backward step (per-synapse state) and
 * StdpTripletNearest (plastic: event code, once-per-spike parts, {@code jit(false)} calling
 * {@code @OnPre}/{@code @OnPost}), test copies of an
 * HH-style coupled model and an AdEx-style model (src/test/resources/golden/sources), and the
 * vector kernels of Lif and ExpCoba. After an
 * intended change to parse, integrate or emit, rerun with {@code -Dgoldens.update=true} and review
 * the diff of src/test/resources/golden.
 */
class GoldenTest {
  private static final Path GOLDENS = Path.of("src/test/resources/golden");
  private static EmittedSources.Result result;
  private static EmittedSources.Result withVectors;

  static List<String> generatedClasses() {
    return List.of(
        "io.brainstem.models.LifGroup",
        "io.brainstem.models.LifGroupFloat",
        "io.brainstem.models.LifGroupDebug",
        "io.brainstem.models.LifGroupStaged",
        "io.brainstem.models.LifBackward",
        "io.brainstem.models.ExpCobaProjection",
        "io.brainstem.models.ExpCobaBackward",
        "io.brainstem.models.GapJunctionProjection",
        "io.brainstem.models.TsodyksMarkramCobaBackward",
        "io.brainstem.models.StdpTripletNearestProjection",
        "test.models.HhGroup",
        "test.models.AdExGroup",
        "io.brainstem.models.LifGroupVector",
        "io.brainstem.models.LifGroupFloatVector",
        "io.brainstem.models.LifBackwardVector",
        "io.brainstem.models.ExpCobaProjectionVector");
  }

  @BeforeAll
  static void generate() {
    result = EmittedSources.libraryAndTestModels();
    withVectors = EmittedSources.processAndCompileWithVectors(EmittedSources.librarySource("Lif"),
        EmittedSources.librarySource("ExpCoba"));
  }

  private static String generated(String className) {
    return (className.endsWith("Vector") ? withVectors : result).generated(className);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedClasses")
  void generatedSourceMatchesItsGolden(String className) throws IOException {
    String generated = generated(className);
    Path golden = GOLDENS.resolve(className.replace('.', '/') + ".java");
    if (Boolean.getBoolean("goldens.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, generated);
    }
    assertWithMessage("no golden %s (run with -Dgoldens.update=true to create it)", golden)
        .that(Files.exists(golden)).isTrue();
    assertWithMessage("generated %s differs from %s (rerun with -Dgoldens.update=true and review"
        + " the diff)", className, golden)
        .that(generated)
        .isEqualTo(Files.readString(golden));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedClasses")
  void generatedCodeHasNoUnusedLocalsOrEmptyBlocks(String className) {
    String generated = generated(className);
    assertWithMessage("unused locals in %s", className)
        .that(DeadCode.unusedLocals(generated)).isEmpty();
    assertWithMessage("empty blocks in %s", className)
        .that(DeadCode.emptyBlocks(generated)).isEmpty();
  }
}
