package io.brainstem.train.bptt;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/training.md's example true: its {@code java} block under "Training a network you
 * built" occurs line for line (indentation aside) in {@link UserNetworkExample}, which runs here.
 */
class NetworkTrainerDocTest {
  private static final Path DOC = Path.of("..", "docs", "training.md");
  private static final Path SOURCE = Path.of("src", "test", "java", "io", "brainstem", "train",
      "bptt", "UserNetworkExample.java");

  @Test
  void docExampleIsTheCodeThatRuns() throws Exception {
    String doc = Files.readString(DOC);
    int section = doc.indexOf("### Training a network you built");
    assertThat(section).isAtLeast(0);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(m.find(section)).isTrue();
    List<String> block = m.group(1).lines().map(String::strip).toList();
    List<String> source = Files.readString(SOURCE).lines().map(String::strip).toList();
    assertWithMessage("docs/training.md's example is not in UserNetworkExample.java")
        .that(Collections.indexOfSubList(source, block)).isAtLeast(0);
  }

  @Test
  void exampleLearns() {
    double[] r = UserNetworkExample.run(5);
    assertThat(r[1]).isLessThan(r[0] - 0.5);
  }
}
