package io.brainstem.examples.tutorial;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/tutorial.md true: every {@code java} block must appear, line for line (indentation
 * aside), in the tutorial sources or in EINet.java, which the tests compile and run.
 */
class TutorialDocTest {
  static final Path DOC = Path.of("..", "docs", "tutorial.md");
  static final Path SOURCES = Path.of("src", "main", "java", "io", "brainstem", "examples", "tutorial");
  static final Path EINET = Path.of("src", "main", "java", "io", "brainstem", "examples", "EINet.java");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(img/([^)]+\\.png)\\)");

  static List<List<String>> javaBlocks(String markdown) {
    List<List<String>> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(stripped(m.group(1)));
    }
    return blocks;
  }

  static List<String> images(String markdown) {
    List<String> names = new ArrayList<>();
    Matcher m = IMAGE.matcher(markdown);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static List<String> stripped(String text) {
    return text.lines().map(String::strip).toList();
  }

  /** Whether {@code block} occurs as consecutive lines of {@code file}. */
  static boolean occursIn(List<String> block, List<String> file) {
    return java.util.Collections.indexOfSubList(file, block) >= 0;
  }

  static List<List<String>> sources() throws IOException {
    List<List<String>> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files.add(stripped(Files.readString(p)));
      }
    }
    files.add(stripped(Files.readString(EINET)));
    return files;
  }

  @Test
  void everyJavaBlockIsTutorialCode() throws IOException {
    String doc = Files.readString(DOC);
    List<List<String>> blocks = javaBlocks(doc);
    assertThat(blocks.size()).isAtLeast(8);
    List<List<String>> sources = sources();
    for (List<String> block : blocks) {
      boolean found = sources.stream().anyMatch(file -> occursIn(block, file));
      assertWithMessage("this block of docs/tutorial.md is not in %s or EINet.java (copy it from "
          + "there, changing only indentation):%n%s", SOURCES, String.join("\n", block))
          .that(found).isTrue();
    }
  }

  @Test
  void theCheckCatchesADriftedSnippet() throws IOException {
    List<List<String>> sources = sources();
    List<String> real = stripped("""
        DSRunner runner = DSRunner.builder(net)
            .monitors("E.spike")
        """);
    List<String> drifted = stripped("""
        DSRunner runner = DSRunner.builder(net)
            .monitors("I.spike")
        """);
    assertThat(sources.stream().anyMatch(f -> occursIn(real, f))).isTrue();
    assertThat(sources.stream().anyMatch(f -> occursIn(drifted, f))).isFalse();
    assertThat(javaBlocks("x\n```java\n  a();\n    b();\n```\n```sh\nc\n```\n"))
        .containsExactly(List.of("a();", "b();"));
  }

  @Test
  void everyImageOfTheTutorialIsCommitted() throws IOException {
    List<String> images = images(Files.readString(DOC));
    assertThat(images).isNotEmpty();
    for (String name : images) {
      Path png = DOC.resolveSibling("img").resolve(name);
      assertWithMessage("docs/img/" + name).that(Files.isRegularFile(png)).isTrue();
    }
  }
}
