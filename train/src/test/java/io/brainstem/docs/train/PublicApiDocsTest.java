package io.brainstem.docs.train;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.testing.Javadocs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type and member written by hand in this module has a javadoc comment that passes
 * doclint (see {@link Javadocs}); the javadoc jar's own doclint leaves "missing" to this test.
 */
class PublicApiDocsTest {
  @TempDir Path out;

  @Test
  void everyPublicTypeAndMemberIsDocumented() {
    List<String> problems = Javadocs.problems(Path.of("src/main/java"), out);
    assertWithMessage("javadoc problems (%s):\n%s", problems.size(), String.join("\n", problems))
        .that(problems).isEmpty();
  }
}
