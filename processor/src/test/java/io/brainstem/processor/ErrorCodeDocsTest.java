package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.processor.check.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Codes are stable and documented: unique numbers, and a row in docs/error-codes.md for each. */
class ErrorCodeDocsTest {
  @Test
  void numbersAreUnique() {
    Set<Integer> numbers = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(numbers.add(code.number())).isTrue();
    }
  }

  @Test
  void everyCodeIsDocumented() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "error-codes.md"));
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(docs).contains(String.format("| BS%03d | %s |", code.number(), code.name()));
    }
  }
}
