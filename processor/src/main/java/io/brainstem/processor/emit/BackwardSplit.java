package io.brainstem.processor.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a vector backward loop's body is cut into loops ("parts") run block by block, as
 * {@link LoopSplit} cuts the forward kernels: past 8 000 bytes a method is not compiled at all
 * (Hodgkin–Huxley's RK4 backward), which {@link VectorBackwardEmitter#MAX_TERMS} foresees. Below
 * that one loop is faster even where C2's {@code NodeCountInliningCutoff} leaves Vector API calls
 * out of line (HH's exponential Euler: 105 ns per element in one loop, boxing 1 MB per step of
 * 4 000; 140–180 ns in parts, 128 kB; JDK 17, load 13–18). The body is the emitter's own code,
 * read back as top-level statements (a control-flow block is one); which locals a statement
 * defines, assigns and reads is read from its text, identifiers after a dot (members) excepted.
 *
 * @param parts each loop's statements, in order
 * @param slots the carried locals (vectors and masks) and their slots in the carry buffer
 * @param masks the carried locals that are masks (carried as 1.0/0.0 lanes)
 * @param rematerialized statements of one load or less that read no local (the states' and
 *     adjoints' loads, the held mask, scalar reset values): each later part that reads their local
 *     repeats them rather than carrying it
 */
record BackwardSplit(List<List<String>> parts, Map<String, Integer> slots, Set<String> masks,
    Map<String, String> rematerialized) {
  /** Weighted vector operations per part. */
  static final int BUDGET = 60;
  /** A lane-wise transcendental ({@code exp}, {@code expm1}, ...) counts as this many. */
  static final int LANEWISE_COST = 10;

  private static final Pattern DECLARATION = Pattern.compile(
      "^(?:final\\s+)?(?:[\\w.]+\\.)?(DoubleVector|VectorMask<(?:[\\w.]+\\.)?Double>|double)"
      + "\\s+(\\w+)\\s*[=;]");
  private static final Pattern UNINITIALISED =
      Pattern.compile("(?:final\\s+)?(?:[\\w.]+\\.)?(DoubleVector|VectorMask<(?:[\\w.]+\\.)?Double>"
          + "|double)\\s+\\w+;");
  private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^\\s*(\\w+)\\s*=(?!=)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final Pattern CALL = Pattern.compile("\\.(\\w+)\\(");

  /** The body's top-level statements, comments attached to the statement they precede. */
  static List<String> statements(String body) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (String line : body.split("\n", -1)) {
      if (line.isBlank() && current.length() == 0) {
        continue;
      }
      current.append(line).append('\n');
      String code = line.strip();
      if (code.startsWith("//")) {
        continue;
      }
      for (char c : code.toCharArray()) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (depth == 0 && (code.endsWith(";") || code.endsWith("}"))
          && !UNINITIALISED.matcher(code).matches()) { // declared here, assigned by the next
        out.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("unbalanced backward loop body: " + current);
    }
    return out;
  }

  private static final Pattern ZERO = Pattern.compile(
      "^(?:[\\w.]+\\.)?DoubleVector\\s+(\\w+)\\s*=\\s*(?:[\\w.]+\\.)?DoubleVector\\.zero\\(S\\);$");

  /**
   * {@code statements} with each accumulator declared zero ({@code DoubleVector a = zero(S)})
   * moved to just before the first statement naming it, its comment lines left in place: in
   * parts, an accumulator a later part first assigns is then declared there, not carried through
   * the buffer as zeros (HodgkinHuxley's RK4: the sweep declares ~70 of them up front).
   */
  static List<String> sinkZeros(List<String> statements) {
    List<String> out = new ArrayList<>(statements);
    for (int k = out.size() - 1; k >= 0; k--) {
      Matcher z = ZERO.matcher(code(out.get(k)).strip());
      if (!z.matches()) {
        continue;
      }
      Pattern named = Pattern.compile("(?<![.\\w])" + z.group(1) + "(?!\\w)");
      int first = -1;
      for (int j = k + 1; j < out.size() && first < 0; j++) {
        if (named.matcher(code(out.get(j))).find()) {
          first = j;
        }
      }
      if (first <= k + 1) {
        continue; // used next (or never): it stays
      }
      String st = out.get(k);
      String comments = commentLines(st);
      String declaration = st.substring(comments.length());
      out.set(k + 1, comments + out.get(k + 1));
      out.remove(k);
      out.add(first - 1, declaration);
    }
    return out;
  }

  /** The leading comment lines of {@code statement}, with their line ends. */
  private static String commentLines(String statement) {
    int end = 0;
    for (String line : statement.split("\n", -1)) {
      if (!line.strip().startsWith("//")) {
        break;
      }
      end += line.length() + 1;
    }
    return statement.substring(0, end);
  }

  /** The weighted vector operations of {@code statement}. */
  static int cost(String statement) {
    int cost = 0;
    Matcher m = CALL.matcher(code(statement));
    while (m.find()) {
      cost += switch (m.group(1)) {
        case "lanewise" -> LANEWISE_COST;
        default -> 1;
      };
    }
    return cost;
  }

  /** The body in one part, or, when {@code split}, cut into parts of about {@link #BUDGET}. */
  static BackwardSplit of(List<String> statements, boolean split) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> remat = new LinkedHashMap<>();
    for (String st : statements) {
      Matcher d = DECLARATION.matcher(code(st));
      if (d.find()) {
        types.put(d.group(2), d.group(1));
      }
    }
    for (String st : statements) {
      Matcher d = DECLARATION.matcher(code(st));
      if (d.find() && code(st).startsWith("final ") && !st.contains("{") && cost(st) <= 1
          && reads(st, types).isEmpty()) {
        remat.put(d.group(2), st);
      }
    }
    List<List<String>> parts = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int cost = 0;
    for (String st : statements) {
      int c = cost(st);
      if (split && cost + c > BUDGET && !current.isEmpty()) {
        parts.add(current);
        current = new ArrayList<>();
        cost = 0;
      }
      current.add(st);
      cost += c;
    }
    parts.add(current);
    Map<String, Integer> slots = new LinkedHashMap<>();
    Set<String> masks = new LinkedHashSet<>();
    for (int p = 0; p < parts.size(); p++) {
      for (String local : written(parts.get(p), types)) {
        if (!remat.containsKey(local) && !slots.containsKey(local)
            && readAfter(local, parts, p, types)) {
          if (types.get(local).equals("double")) {
            throw new IllegalStateException("a per-vector double read across parts: " + local);
          }
          slots.put(local, slots.size());
          if (types.get(local).startsWith("VectorMask")) {
            masks.add(local);
          }
        }
      }
    }
    return new BackwardSplit(List.copyOf(parts), Map.copyOf(slots), Set.copyOf(masks),
        java.util.Collections.unmodifiableMap(remat));
  }

  /** The locals part {@code p} reads that earlier parts defined, in order of first use. */
  Set<String> readIn(int p, Map<String, String> types) {
    Set<String> declared = new LinkedHashSet<>();
    Set<String> in = new LinkedHashSet<>();
    for (String st : parts.get(p)) {
      Matcher d = DECLARATION.matcher(code(st));
      if (d.find()) {
        declared.add(d.group(2));
      }
      for (String r : reads(st, types)) {
        if (!declared.contains(r)) {
          in.add(r);
        }
      }
    }
    return in;
  }

  /** The carried locals part {@code p} assigns (or defines) that a later part reads. */
  Set<String> writtenOut(int p, Map<String, String> types) {
    Set<String> out = new LinkedHashSet<>();
    for (String local : written(parts.get(p), types)) {
      if (slots.containsKey(local) && readAfter(local, parts, p, types)) {
        out.add(local);
      }
    }
    return out;
  }

  /** The declared top-level locals of {@code statements} and their types. */
  static Map<String, String> types(List<String> statements) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String st : statements) {
      Matcher d = DECLARATION.matcher(code(st));
      if (d.find()) {
        types.put(d.group(2), d.group(1));
      }
    }
    return types;
  }

  private static Set<String> written(List<String> part, Map<String, String> types) {
    Set<String> out = new LinkedHashSet<>();
    for (String st : part) {
      String code = code(st);
      Matcher d = DECLARATION.matcher(code);
      if (d.find()) {
        out.add(d.group(2));
      }
      Matcher a = ASSIGNMENT.matcher(code);
      while (a.find()) {
        if (types.containsKey(a.group(1))) {
          out.add(a.group(1));
        }
      }
    }
    return out;
  }

  private static boolean readAfter(String local, List<List<String>> parts, int p,
      Map<String, String> types) {
    for (int q = p + 1; q < parts.size(); q++) {
      for (String st : parts.get(q)) {
        if (reads(st, types).contains(local)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The top-level locals {@code statement} names (reads, or assigns, or declares). */
  static Set<String> reads(String statement, Map<String, String> types) {
    String code = code(statement);
    Matcher d = DECLARATION.matcher(code);
    int from = d.find() ? d.end() : 0; // a declared name is not read by its declaration
    Set<String> out = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(code);
    while (m.find(from)) {
      if (types.containsKey(m.group(1))) {
        out.add(m.group(1));
      }
      from = m.end();
    }
    return out;
  }

  private static final Pattern QUALIFIED = Pattern.compile(
      "\\b(?:jdk\\.incubator\\.vector|io\\.brainstem(?:\\.\\w+)*?|java\\.lang)"
      + "\\.[A-Z]\\w*(?:\\.[A-Z]\\w*[a-z]\\w*)*"); // a nested class, not a constant

  /** {@code statement}'s text (from {@code CodeBlock.toString}) with its class names as types. */
  static com.palantir.javapoet.CodeBlock typed(String statement) {
    StringBuilder format = new StringBuilder();
    List<Object> args = new ArrayList<>();
    Matcher m = QUALIFIED.matcher(statement);
    int last = 0;
    while (m.find()) {
      format.append(statement.substring(last, m.start()).replace("$", "$$")).append("$T");
      args.add(com.palantir.javapoet.ClassName.bestGuess(m.group()));
      last = m.end();
    }
    format.append(statement.substring(last).replace("$", "$$"));
    return com.palantir.javapoet.CodeBlock.of(format.toString(), args.toArray());
  }

  /** {@code statement} without its comment lines. */
  private static String code(String statement) {
    StringBuilder out = new StringBuilder();
    for (String line : statement.split("\n")) {
      if (!line.strip().startsWith("//")) {
        out.append(line.strip()).append('\n');
      }
    }
    return out.toString();
  }
}
