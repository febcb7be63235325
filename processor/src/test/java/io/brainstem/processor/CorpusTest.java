package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import io.brainstem.processor.check.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of models under {@code src/test/resources/invalid} (each with exactly one error) and
 * {@code src/test/resources/warning} (each compiles with exactly one warning). Every file marks the
 * offending line with a trailing comment {@code // error: BS104} or {@code // warning: BS502},
 * optionally followed by {@code at `text`}: the caret must then be at the first occurrence of
 * {@code text} on that line; and by {@code says `text`}: the message must contain it. A file without a marker fails: it would test nothing.
 */
class CorpusTest {
  private static final Path ROOT = Path.of("src", "test", "resources");
  private static final Pattern MARKER = Pattern.compile(
      "//\\s*(error|warning):\\s*(BS\\d{3})(?:\\s+at\\s+`([^`]+)`)?(?:\\s+says\\s+`([^`]+)`)?");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
      "(?m)^(?:public\\s+|abstract\\s+|final\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");
  /** Codes a model source cannot produce: failures of the processor itself and of the file system. */
  private static final Set<ErrorCode> NOT_FROM_A_MODEL =
      EnumSet.of(ErrorCode.INTERNAL, ErrorCode.CANNOT_WRITE);

  static Stream<String> corpus() throws IOException {
    List<String> files = new ArrayList<>();
    for (String dir : List.of("invalid", "warning")) {
      try (Stream<Path> listing = Files.list(ROOT.resolve(dir))) {
        listing.map(p -> dir + "/" + p.getFileName()).sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  /** What one corpus file expects. */
  record Expectation(
      Diagnostic.Kind kind, ErrorCode code, int line, Integer column, String says) {}

  static Expectation expectation(String file, String text) {
    List<Expectation> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (!marker.find()) {
        continue;
      }
      Diagnostic.Kind kind =
          marker.group(1).equals("error") ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
      ErrorCode code = codeNumbered(Integer.parseInt(marker.group(2).substring(2)));
      Integer column = null;
      if (marker.group(3) != null) {
        int at = lines[i].substring(0, marker.start()).indexOf(marker.group(3));
        assertWithMessage("%s:%s: the marker's `%s` is not on its line", file, i + 1,
            marker.group(3)).that(at).isAtLeast(0);
        column = at + 1;
      }
      found.add(new Expectation(kind, code, i + 1, column, marker.group(4)));
    }
    assertWithMessage("%s has no expectation marker ('// error: BSnnn' or '// warning: BSnnn' on"
        + " the offending line), so it would test nothing", file).that(found).isNotEmpty();
    assertWithMessage("%s has more than one marker; a corpus file tests one diagnostic", file)
        .that(found).hasSize(1);
    return found.get(0);
  }

  private static ErrorCode codeNumbered(int number) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.number() == number) {
        return code;
      }
    }
    throw new AssertionError("no error code BS" + number);
  }

  static JavaFileObject source(String file, String text) {
    Matcher pkg = PACKAGE.matcher(text);
    Matcher type = TOP_LEVEL_TYPE.matcher(text);
    assertWithMessage("%s declares no top-level type", file).that(type.find()).isTrue();
    String name = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
    return Models.source(name, text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void reportsExactlyTheMarkedDiagnostic(String file) throws IOException {
    String text = Files.readString(ROOT.resolve(file));
    Expectation expected = expectation(file, text);
    assertWithMessage("%s: the file name should start with the code it tests", file)
        .that(Path.of(file).getFileName().toString())
        .startsWith(String.format("BS%03d_", expected.code().number()));
    assertWithMessage("%s is under %s/ but expects a %s", file, file.split("/")[0],
        expected.kind().name().toLowerCase(Locale.ROOT))
        .that(file.startsWith("warning/"))
        .isEqualTo(expected.kind() == Diagnostic.Kind.WARNING);

    Models.Captured result = Models.compile(source(file, text));
    Compilation compilation = result.compilation();
    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
    List<Diagnostic<? extends JavaFileObject>> warnings = compilation.warnings();
    List<Diagnostic<? extends JavaFileObject>> reported =
        expected.kind() == Diagnostic.Kind.ERROR ? errors : warnings;
    assertWithMessage("%s: errors %s, warnings %s", file, errors, warnings)
        .that(reported).hasSize(1);
    assertWithMessage("%s: warnings alongside the error %s", file, warnings)
        .that(expected.kind() == Diagnostic.Kind.ERROR ? warnings : errors).isEmpty();
    Diagnostic<? extends JavaFileObject> diagnostic = reported.get(0);
    String message = diagnostic.getMessage(Locale.ROOT);
    assertWithMessage("%s: message", file).that(message).startsWith("[" + expected.code().tag() + "]");
    assertWithMessage("%s: line of %s", file, message)
        .that(diagnostic.getLineNumber()).isEqualTo((long) expected.line());
    if (expected.says() != null) {
      assertWithMessage("%s: message", file).that(message).contains(expected.says());
    }
    if (expected.column() != null) {
      assertWithMessage("%s: column of %s", file, message)
          .that(diagnostic.getColumnNumber()).isEqualTo((long) expected.column());
    }
    // Errors stop the model before the last stage; a warning never does.
    assertThat(result.models()).hasSize(expected.kind() == Diagnostic.Kind.ERROR ? 0 : 1);
  }

  @Test
  void everyCodeAModelCanCauseHasACorpusFile() throws IOException {
    Set<ErrorCode> covered = EnumSet.noneOf(ErrorCode.class);
    for (String file : corpus().toList()) {
      covered.add(expectation(file, Files.readString(ROOT.resolve(file))).code());
    }
    Set<ErrorCode> missing = EnumSet.allOf(ErrorCode.class);
    missing.removeAll(covered);
    missing.removeAll(NOT_FROM_A_MODEL);
    assertWithMessage("codes without a corpus file").that(missing).isEmpty();
  }

  @Test
  void aFileWithoutAMarkerFailsLoudly() {
    AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> expectation("invalid/BS104_forgotten.java", "package corpus;\nclass X {}\n"));
    assertThat(failure).hasMessageThat().contains("has no expectation marker");
  }
}
