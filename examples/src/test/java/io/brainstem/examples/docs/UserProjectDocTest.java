package io.brainstem.examples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The marked blocks DocsProjectIT builds are all there and are found exactly. */
class UserProjectDocTest {
  @Test
  void theDocMarksAPomTwoSourcesACommandAndItsOutput() throws IOException {
    Map<String, String> blocks = UserProjectDoc.blocks();
    assertThat(blocks.keySet()).containsExactly("pom.xml", "src/main/java/com/example/Lif.java",
        "src/main/java/com/example/Main.java", UserProjectDoc.COMMAND, UserProjectDoc.OUTPUT)
        .inOrder();
    assertThat(blocks.get("pom.xml")).startsWith("<?xml");
    assertThat(blocks.get("pom.xml")).contains("<artifactId>brainstem-runtime</artifactId>");
    assertThat(blocks.get("src/main/java/com/example/Lif.java")).startsWith("package com.example;");
    assertThat(blocks.get(UserProjectDoc.COMMAND).strip()).startsWith("mvn ");
  }

  @Test
  void onlyTheMarkedBlockIsTakenWhole() {
    String markdown = "```java\nclass Unmarked {}\n```\n\n<!-- user-project: A.java -->\n```java\n"
        + "class A {\n}\n```\ntext\n<!-- user-project: output -->\n```\nline 1\nline 2\n```\n";
    assertThat(UserProjectDoc.blocks(markdown))
        .containsExactly("A.java", "class A {\n}\n", "output", "line 1\nline 2\n").inOrder();
  }

  @Test
  void aNameMarkedTwiceIsAnError() {
    String markdown = "<!-- user-project: A.java -->\n```java\nclass A {}\n```\n"
        + "<!-- user-project: A.java -->\n```java\nclass B {}\n```\n";
    assertThrows(IllegalArgumentException.class, () -> UserProjectDoc.blocks(markdown));
  }

  @Test
  void onlyTheVectorWidthIsIgnoredInTheOutput() {
    assertThat(UserProjectDoc.normalized("N: vector (4 x double) kernels\n"))
        .isEqualTo(UserProjectDoc.normalized("N: vector (8 x double) kernels"));
    assertThat(UserProjectDoc.normalized("N: scalar kernels"))
        .isNotEqualTo(UserProjectDoc.normalized("N: vector (8 x double) kernels"));
    assertThat(UserProjectDoc.normalized("\u001B[0mline 1  \n\n\u001B[0m"))
        .isEqualTo(UserProjectDoc.normalized("line 1"));
    assertThat(UserProjectDoc.normalized("line 1\nline 2"))
        .isNotEqualTo(UserProjectDoc.normalized("line 1\nline 3"));
  }
}
