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
 * included): the library's Lif (neuron, refractory) and ExpCoba (synapse), and test copies of an
 * HH-style coupled model and an AdEx-style model (src/test/resources/golden/sources). After an
 * intended change to parse, integrate or emit, rerun with {@code -Dgoldens.update=true} and review
 * the diff of src/test/resources/golden.
 */
class GoldenTest {
  private static final Path GOLDENS = Path.of("src/test/resources/golden");
  private static EmittedSources.Result result;

  static List<String> generatedClasses() {
    return List.of(
        "io.brainstem.models.LifGroup",
        "io.brainstem.models.ExpCobaProjection",
        "test.models.HhGroup",
        "test.models.AdExGroup");
  }

  @BeforeAll
  static void generate() {
    result = EmittedSources.libraryAndTestModels();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedClasses")
  void generatedSourceMatchesItsGolden(String className) throws IOException {
    String generated = result.generated(className);
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
    String generated = result.generated(className);
    assertWithMessage("unused locals in %s", className)
        .that(DeadCode.unusedLocals(generated)).isEmpty();
    assertWithMessage("empty blocks in %s", className)
        .that(DeadCode.emptyBlocks(generated)).isEmpty();
  }
}
