package io.brainstem.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text checks javac's lint does not make on generated code: every local a method declares (hoisted
 * constants, stage values, loads of parameters and inputs) is read later in that method, and no
 * block is empty. Works on JavaPoet's layout: members at two spaces of indentation, method bodies
 * ending with {@code "  }"}.
 */
final class DeadCode {
  private DeadCode() {}

  private static final Pattern DECLARATION = Pattern.compile(
      "^\\s{4,}(?:final\\s+)?[\\w.]+(?:\\[\\])?\\s+(\\w+)\\s*=");

  /** "method: local" for each local declared and never read again; empty when all are used. */
  static List<String> unusedLocals(String source) {
    List<String> unused = new ArrayList<>();
    String method = null;
    List<String> body = new ArrayList<>();
    for (String line : source.split("\n")) {
      if (method == null) {
        if (line.startsWith("  ") && !line.startsWith("   ") && line.endsWith("{")
            && line.contains("(")) {
          method = line.trim();
          body.clear();
        }
        continue;
      }
      if (line.equals("  }")) {
        unused.addAll(unusedIn(method, body));
        method = null;
        continue;
      }
      body.add(stripComment(line));
    }
    return unused;
  }

  private static List<String> unusedIn(String method, List<String> body) {
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Matcher declaration = DECLARATION.matcher(body.get(i));
      if (!declaration.find()) {
        continue;
      }
      String name = declaration.group(1);
      // A read: the name not preceded by '.' (this.V is the field, not the local V) and not being
      // assigned as a whole statement ("V = ..." alone is a write).
      Pattern read = Pattern.compile("(?<![.\\w])" + Pattern.quote(name) + "\\b(?!\\s*=[^=])");
      boolean used = read.matcher(body.get(i).substring(declaration.end())).find();
      for (int j = i + 1; j < body.size() && !used; j++) {
        used = read.matcher(body.get(j)).find();
      }
      if (!used) {
        unused.add(method + ": " + name);
      }
    }
    return unused;
  }

  /** "line n: text" for each block opened and closed with nothing in between. */
  static List<String> emptyBlocks(String source) {
    List<String> empty = new ArrayList<>();
    String[] lines = source.split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].endsWith("{") && lines[i + 1].trim().equals("}")
          && !lines[i].trim().startsWith("//")) {
        empty.add("line " + (i + 1) + ": " + lines[i].trim());
      }
    }
    return empty;
  }

  private static String stripComment(String line) {
    int comment = line.indexOf("//");
    return comment < 0 ? line : line.substring(0, comment);
  }
}
