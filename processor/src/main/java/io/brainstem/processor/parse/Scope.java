package io.brainstem.processor.parse;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names visible in one method body, resolved as Java does: a method parameter, then a local declared
 * earlier in the body (locals may shadow fields, never parameters), then a model field. Parameters
 * and fields both denote model variables; {@code t} exists only as a parameter of an @Ode method.
 */
final class Scope {
  private final String modelName;
  private final Map<String, RefKind> fields;
  private final Set<String> conflicted;
  private final Map<String, Typed> parameters = new LinkedHashMap<>();
  private final Map<String, Typed> locals = new LinkedHashMap<>();
  private final Map<String, Expr> localValues = new LinkedHashMap<>();
  private final boolean constantsOnly;
  private final Usage usage;

  private Scope(
      String modelName,
      Map<String, RefKind> fields,
      Set<String> conflicted,
      boolean constantsOnly,
      Usage usage) {
    this.modelName = modelName;
    this.fields = fields;
    this.conflicted = conflicted;
    this.constantsOnly = constantsOnly;
    this.usage = usage;
  }

  /**
   * The scope of a method body of model {@code modelName} with the given model fields; every model
   * variable the body reads is recorded in {@code usage}. {@code conflicted} names fields whose
   * declaration has two roles (already reported there).
   */
  static Scope forBody(
      String modelName, Map<String, RefKind> fields, Set<String> conflicted, Usage usage) {
    return new Scope(modelName, fields, conflicted, false, usage);
  }

  /** A field initializer: no names at all, only numeric constants. */
  static Scope forConstant(String modelName) {
    return new Scope(modelName, Map.of(), Set.of(), true, new Usage());
  }

  String modelName() {
    return modelName;
  }

  boolean constantsOnly() {
    return constantsOnly;
  }

  /** Declares an @Ode parameter; {@code kind} is TIME for {@code t}, else the field's kind. */
  void addParameter(String name, RefKind kind) {
    parameters.put(name, Typed.of(new Expr.Ref(name, kind), Typed.JavaType.DOUBLE));
  }

  /** Declares a local: reads of {@code name} resolve to {@code read}; its value is {@code value}. */
  void addLocal(String name, Expr value, Typed read) {
    locals.put(name, read);
    localValues.put(name, value);
  }

  /** The locals declared so far and their values, in declaration order. */
  Map<String, Expr> localValues() {
    return new LinkedHashMap<>(localValues);
  }

  /** A name read in an expression; records the read of a model variable. */
  Typed resolve(String name) {
    Typed found = parameters.get(name);
    if (found != null) {
      usage.read(name);
      return found;
    }
    found = locals.get(name);
    return found != null ? found : readField(name);
  }

  /** {@code this.name} read in an expression: fields only; records the read. */
  Typed readField(String name) {
    Typed found = field(name);
    if (found != null) {
      usage.read(name);
    }
    return found;
  }

  /** The field {@code name}, without counting a read (e.g. an assignment target). */
  Typed field(String name) {
    RefKind kind = fields.get(name);
    return kind == null ? null : Typed.of(new Expr.Ref(name, kind), Typed.JavaType.DOUBLE);
  }

  /**
   * True for a field whose declaration is already an error (two roles, or {@code @Refractory}
   * without {@code @Param}), so a use of it (an assignment to a state, a read) must not report the
   * same mistake again.
   */
  boolean isConflicted(String name) {
    return conflicted.contains(name);
  }

  boolean isParameter(String name) {
    return parameters.containsKey(name);
  }

  /** The model fields of one kind, e.g. the states an assignment may target. */
  List<String> fieldsOf(RefKind kind) {
    List<String> names = new ArrayList<>();
    fields.forEach((name, k) -> {
      if (k == kind) {
        names.add(name);
      }
    });
    return names;
  }

  /** Every name that would resolve, for "did you mean". */
  List<String> visibleNames() {
    List<String> names = new ArrayList<>(parameters.keySet());
    names.addAll(locals.keySet());
    names.addAll(fields.keySet());
    return names;
  }
}
