package io.brainstem.examples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user project of docs/writing-models.md: the fenced blocks marked
 * {@code <!-- user-project: NAME -->} on the line before them. NAME is a file of the project
 * ({@code pom.xml}, {@code src/main/java/...}), {@code command} (how to build and run it) or
 * {@code output} (what it prints).
 */
final class UserProjectDoc {
  static final Path DOC = Path.of("..", "docs", "writing-models.md");
  static final String COMMAND = "command";
  static final String OUTPUT = "output";

  private static final Pattern BLOCK = Pattern.compile(
      "<!-- user-project: (\\S+) -->\\n```[a-z]*\\n(.*?\\n)```", Pattern.DOTALL);

  private UserProjectDoc() {}

  /** The marked blocks of {@code markdown} by name, in order; a name twice is an error. */
  static Map<String, String> blocks(String markdown) {
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      if (blocks.put(m.group(1), m.group(2)) != null) {
        throw new IllegalArgumentException("two blocks are marked user-project: " + m.group(1));
      }
    }
    return blocks;
  }

  static Map<String, String> blocks() throws IOException {
    return blocks(Files.readString(DOC));
  }

  /** The blocks that are files of the project. */
  static Map<String, String> files(Map<String, String> blocks) {
    Map<String, String> files = new LinkedHashMap<>(blocks);
    files.remove(COMMAND);
    files.remove(OUTPUT);
    return files;
  }

  /**
   * Output for comparison: its non-blank lines, stripped, without terminal colour codes (Maven
   * writes some), and with the machine-dependent vector width replaced.
   */
  static String normalized(String output) {
    return output.replaceAll("\u001B\\[[0-9;]*m", "").lines().map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(line -> line.replaceAll("vector \\(\\d+ x double\\)", "vector (N x double)"))
        .collect(Collectors.joining("\n"));
  }
}
