package io.brainstem.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import java.io.IOException;
import java.util.Optional;
import javax.tools.Diagnostic;

/** The exact source text of a tree, for comments in generated code; javac's rendering if unknown. */
final class SourceText {
  private final SourcePositions positions;
  private final CompilationUnitTree unit;
  private CharSequence content;

  SourceText(SourcePositions positions, CompilationUnitTree unit) {
    this.positions = positions;
    this.unit = unit;
  }

  CompilationUnitTree unit() {
    return unit;
  }

  String of(Tree tree) {
    return between(tree, tree).orElse(tree.toString());
  }

  /** From the start of {@code first} to the end of {@code last}, as written. */
  Optional<String> between(Tree first, Tree last) {
    long start = positions.getStartPosition(unit, first);
    long end = positions.getEndPosition(unit, last);
    CharSequence text = content();
    if (start == Diagnostic.NOPOS || end == Diagnostic.NOPOS || text == null || end > text.length()) {
      return Optional.empty();
    }
    return Optional.of(text.subSequence((int) start, (int) end).toString());
  }

  private CharSequence content() {
    if (content == null) {
      try {
        content = unit.getSourceFile().getCharContent(true);
      } catch (IOException | RuntimeException e) {
        return null; // some in-memory sources cannot be re-read; callers fall back to toString()
      }
    }
    return content;
  }
}
