package io.brainstem.examples.tutorial;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.runners.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/for-brainpy-users.md true: the classes it names exist, its step-count examples hold. */
class BrainPyPageTest {
  static final Path PAGE = Path.of("..", "docs", "for-brainpy-users.md");
  private static final Pattern GENERATED = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:Group|Projection))\\b");
  private static final String[] PACKAGES = {
    "io.brainstem.models", "io.brainstem.sources", "io.brainstem.network", "io.brainstem.examples",
  };

  @Test
  void everyGroupAndProjectionClassItNamesExists() throws Exception {
    Matcher m = GENERATED.matcher(Files.readString(PAGE));
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).containsAtLeast("LifGroup", "ExpCobaProjection", "HodgkinHuxleyGroup", "PoissonGroup");
    for (String name : names) {
      assertWithMessage(name + " is named in docs/for-brainpy-users.md but is no class of "
          + String.join(", ", PACKAGES)).that(exists(name)).isTrue();
    }
  }

  @Test
  void stepCountsAreAsStated() {
    assertThat(0.3 / 0.1).isLessThan(3.0);            // Python's int() would give 2 steps
    assertThat(Runner.stepCount(0.3, 0.1)).isEqualTo(3);
    assertThat(Runner.stepCount(100., 0.1)).isEqualTo(1000);
    assertThat(Runner.stepCount(100.05, 0.1)).isEqualTo(1000);
  }

  private static boolean exists(String simpleName) {
    for (String p : PACKAGES) {
      try {
        Class.forName(p + "." + simpleName);
        return true;
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    return false;
  }
}
