package io.brainstem.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javadoc with doclint on a module's hand-written sources, as its javadoc jar is built, and
 * returns what the project's rule forbids: every doclint error and warning, except that a
 * documented method need not have a tag for each parameter, its return value and each exception
 * ("no @param", "no @return", "no @throws": the comments say these in prose). "no comment", on a
 * public or protected type or member, counts.
 */
public final class Javadocs {
  private Javadocs() {}

  /**
   * The problems in the sources under {@code sourceRoot}, each as {@code file:line: message}.
   *
   * @param sourceRoot a module's src/main/java
   * @param outputDir where the HTML goes (a temporary directory)
   * @return the problems, empty when the module's public API is documented
   */
  public static List<String> problems(Path sourceRoot, Path outputDir) {
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    try (Stream<Path> walk = Files.walk(sourceRoot);
        StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT,
            StandardCharsets.UTF_8)) {
      List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      List<String> options = new ArrayList<>(List.of(
          "-Xdoclint:all", "-quiet", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
          "--add-modules", "jdk.incubator.vector",
          // The module's own classes (generated ones the comments link to) and its dependencies.
          "-classpath", System.getProperty("java.class.path"),
          "-d", outputDir.toString()));
      boolean ok = javadoc.getTask(log, files, diagnostics, null, options,
          files.getJavaFileObjectsFromPaths(sources)).call();
      String root = sourceRoot.toAbsolutePath() + "/";
      List<String> problems = new ArrayList<>(diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
          .filter(d -> d.getSource() != null) // "using incubating module(s)" has none
          .filter(d -> !isTagCompleteness(d.getMessage(Locale.ROOT)))
          .map(d -> d.getSource().toUri().getPath().replace(root, "") + ":" + d.getLineNumber()
              + ": " + d.getMessage(Locale.ROOT))
          .distinct()
          .toList());
      if (!ok && problems.isEmpty()) {
        problems.add("javadoc failed: " + log);
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isTagCompleteness(String message) {
    return message.startsWith("no @param") || message.startsWith("no @return")
        || message.startsWith("no @throws");
  }
}
