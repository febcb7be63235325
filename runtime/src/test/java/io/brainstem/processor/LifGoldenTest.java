package io.brainstem.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.processor.emit.Emitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The emitted LifGroup, character for character (comments included). After an intended change to
 * the emitter, rerun with {@code -Dgoldens.update=true} and review the diff.
 */
class LifGoldenTest {
  private static final Path GOLDEN =
      Path.of("src/test/resources/golden/io/brainstem/models/LifGroup.java");

  @Test
  void emittedLifGroupMatchesTheGolden() throws IOException {
    String emitted = Emitter.emit(LibraryModels.lif()).toString();
    if (Boolean.getBoolean("goldens.update")) {
      Files.writeString(GOLDEN, emitted);
    }
    assertWithMessage("emitted LifGroup differs from %s (rerun with -Dgoldens.update=true)", GOLDEN)
        .that(emitted)
        .isEqualTo(Files.readString(GOLDEN));
  }
}
