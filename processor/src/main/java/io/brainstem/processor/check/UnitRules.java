package io.brainstem.processor.check;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import io.brainstem.processor.parse.Annotations;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.util.ElementFilter;

/**
 * Physical units, checked at compile time: reads the {@code unit} of each {@code @Param},
 * {@code @State}, {@code @Input}, {@code @Post} and {@code @Output}, then checks every {@code @Ode}
 * (value = state unit per ms), {@code @Noise} (per sqrt(ms)), {@code @Output} (its declared unit),
 * {@code @Reset}/{@code @OnPre} assignment, threshold comparison and default against them. Runs on
 * a model without other errors, and only when the model declares a unit or imports
 * {@link io.brainstem.annotations.Units}; it changes nothing in the generated code.
 */
public final class UnitRules {
  private final Diagnostics diagnostics;
  private final Trees trees;

  public UnitRules(Diagnostics diagnostics, Trees trees) {
    this.diagnostics = diagnostics;
    this.trees = trees;
  }

  public void check(ParsedModel model) {
    CompilationUnitTree unit = trees.getPath(model.type()).getCompilationUnit();
    Map<String, Unit> declared = new HashMap<>();
    boolean any = false;
    for (List<? extends Member<?>> fields :
        List.of(model.params(), model.states(), model.inputs(), model.posts(), model.pres())) {
      for (Member<?> field : fields) {
        any |= declare(field, declared);
      }
    }
    Map<Member<?>, Unit> outputs = new HashMap<>();
    List<Member<?>> results = new java.util.ArrayList<>(model.outputs());
    results.addAll(model.gradeds());
    for (Member<?> output : results) {
      any |= !written(output.annotation()).isEmpty();
      Unit outputUnit = parse(output);
      if (outputUnit != null) {
        outputs.put(output, outputUnit);
      }
    }
    if (!any && !UnitConstants.importsUnits(unit)) {
      return;
    }
    Set<String> classFields = ElementFilter.fieldsIn(model.type().getEnclosedElements()).stream()
        .map(f -> f.getSimpleName().toString()).collect(Collectors.toSet());
    new Sites(unit, declared, classFields).check(model, outputs);
  }

  /** Parses a field's unit into {@code declared}; true if one is written. */
  private boolean declare(Member<?> field, Map<String, Unit> declared) {
    Unit unit = parse(field);
    if (unit != null) {
      declared.put(field.element().getSimpleName().toString(), unit);
    }
    return !written(field.annotation()).isEmpty();
  }

  /** The member's declared unit; null when undeclared or malformed (reported). */
  private Unit parse(Member<?> member) {
    String text = written(member.annotation());
    if (text.isEmpty()) {
      return null;
    }
    try {
      return UnitParser.parse(text);
    } catch (IllegalArgumentException e) {
      diagnostics.error(ErrorCode.BAD_UNIT, member.element(), member.annotation(),
          unitValue(member.annotation()), e.getMessage(),
          "Write a unit such as \"ms\", \"mV\", \"nA\", \"uA/cm^2\", \"1/ms\" or \"1\""
              + " (dimensionless), or leave unit out to skip the check.");
      return null;
    }
  }

  private static String written(AnnotationMirror mirror) {
    AnnotationValue value = unitValue(mirror);
    return value == null ? "" : value.getValue().toString();
  }

  static AnnotationValue unitValue(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("unit")) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The checks of one model whose units are known. */
  private final class Sites {
    private final CompilationUnitTree unit;
    private final Map<String, Unit> declared;
    private final Set<String> classFields;

    Sites(CompilationUnitTree unit, Map<String, Unit> declared, Set<String> classFields) {
      this.unit = unit;
      this.declared = declared;
      this.classFields = classFields;
    }

    void check(ParsedModel model, Map<Member<?>, Unit> outputs) {
      for (List<? extends Member<?>> fields : List.of(model.params(), model.states())) {
        fields.forEach(this::initializer);
      }
      model.refractory().forEach(this::refractory);
      model.odes().forEach(ode -> result(ode, "@Ode", rate(ode.name(), Unit.MS), "dt"));
      model.noises().forEach(
          noise -> result(noise, "@Noise", rate(noise.name(), Unit.MS.pow(0.5)), "dW"));
      model.outputs().forEach(output -> result(output, "@Output", outputs.get(output), null));
      model.gradeds().forEach(graded -> result(graded, "@Graded", outputs.get(graded), null));
      model.thresholds().forEach(threshold -> {
        BodyScan body = scan(threshold);
        body.inference().condition(body.returned());
      });
      model.resets().forEach(this::assignments);
      model.onPres().forEach(this::assignments);
    }

    private Unit rate(String state, Unit time) {
      Unit unit = declared.get(state);
      return unit == null ? null : unit.divide(time);
    }

    /** An @Ode, @Noise or @Output body: its value must be {@code expected} (when known). */
    private void result(Member<?> member, String role, Unit expected, String per) {
      BodyScan body = scan(member);
      Unit value = body.inference().infer(body.returned());
      if (value == null || expected == null || value.equals(expected)) {
        return;
      }
      String what = switch (role) {
        case "@Ode" -> "d" + member.name() + "/dt must be in " + declared.get(member.name())
            + " per ms (" + expected + "; time is in ms)";
        case "@Noise" -> "the coefficient of dW must be in " + declared.get(member.name())
            + " per sqrt(ms) (" + expected + "; dW is in sqrt(ms))";
        default -> "the @Output declares unit = \"" + written(member.annotation()) + "\"";
      };
      diagnostics.error(ErrorCode.RESULT_UNIT, body.returned(), unit,
          role + " method '" + member.element().getSimpleName() + "' returns "
              + UnitInference.describe(value) + ", but " + what,
          value.sameDimension(expected) ? UnitInference.fixFor(expected, value)
              : per == null ? "Fix the expression or the declared unit."
              : "Check the equation: the value times " + per + " must be in the state's unit"
                  + " (e.g. divide by a time constant declared @Param(unit = \"ms\")).");
    }

    private void assignments(Member<?> member) {
      BodyScan body = scan(member);
      for (StatementTree statement : body.block().getStatements()) {
        ExpressionTree expression = ((ExpressionStatementTree) statement).getExpression();
        ExpressionTree target;
        ExpressionTree value;
        if (expression instanceof AssignmentTree assignment) {
          target = assignment.getVariable();
          value = assignment.getExpression();
        } else {
          target = ((CompoundAssignmentTree) expression).getVariable();
          value = ((CompoundAssignmentTree) expression).getExpression();
        }
        String name = target.toString().replaceFirst("^this\\.", "");
        Tree.Kind kind = expression.getKind();
        if (kind == Tree.Kind.MULTIPLY_ASSIGNMENT || kind == Tree.Kind.DIVIDE_ASSIGNMENT) {
          body.inference().dimensionless(value, "'" + expression + "' scales " + name + ", so '"
              + value + "'");
          continue;
        }
        Unit got = body.inference().infer(value);
        Unit wanted = declared.get(name);
        if (got != null && wanted != null && !got.equals(wanted)) {
          diagnostics.error(ErrorCode.UNIT_MISMATCH, value, unit,
              "'" + expression + "' " + (kind == Tree.Kind.ASSIGNMENT ? "assigns" : "adds")
                  + " '" + value + "' in " + UnitInference.describe(got) + " to '" + name
                  + "', declared in " + UnitInference.describe(wanted),
              UnitInference.fixFor(wanted, got));
        }
      }
    }

    /** A default written with unit constants ({@code = 10 * ms}) must be in the declared unit. */
    private void initializer(Member<?> field) {
      Tree tree = trees.getTree(field.element());
      Unit wanted = declared.get(field.element().getSimpleName().toString());
      if (!(tree instanceof VariableTree variable) || variable.getInitializer() == null
          || wanted == null) {
        return;
      }
      Unit got = inference().infer(variable.getInitializer());
      if (got != null && !got.equals(wanted)) {
        diagnostics.error(ErrorCode.UNIT_MISMATCH, variable.getInitializer(), unit,
            "the default of '" + variable.getName() + "' is in " + UnitInference.describe(got)
                + ", but it is declared in " + UnitInference.describe(wanted),
            UnitInference.fixFor(wanted, got) + " Unit constants give numbers in Brainstem's"
                + " units (ms, mV, nA, uS, nF, MOhm): '500 * pS' is 0.0005 (uS).");
      }
    }

    /** The refractory period is compared with time since the last spike, in ms. */
    private void refractory(Member<?> member) {
      Unit unit = declared.get(member.name());
      if (unit != null && !unit.equals(Unit.MS)) {
        AnnotationMirror param = Annotations.find(member.element(),
            io.brainstem.annotations.Param.class);
        diagnostics.error(ErrorCode.UNIT_MISMATCH, member.element(), param, unitValue(param),
            "the @Refractory period '" + member.name() + "' is declared in "
                + UnitInference.describe(unit) + ", but it is compared with time in ms",
            "Declare it @Param(unit = \"ms\") and give its value in ms.");
      }
    }

    private UnitInference inference() {
      return new UnitInference(diagnostics, unit, names(Set.of()));
    }

    /** The method's body with its locals declared and checked, ready for its value. */
    private BodyScan scan(Member<?> member) {
      ExecutableElement method = (ExecutableElement) member.element();
      Set<String> parameters = method.getParameters().stream()
          .map(Element::getSimpleName).map(Name::toString).collect(Collectors.toSet());
      UnitInference inference = new UnitInference(diagnostics, unit, names(parameters));
      BlockTree block = trees.getTree(method).getBody();
      ExpressionTree returned = null;
      for (StatementTree statement : block.getStatements()) {
        if (statement instanceof VariableTree local) {
          inference.local(local.getName().toString(), local.getInitializer());
        } else if (statement instanceof ReturnTree ret) {
          returned = ret.getExpression();
        }
      }
      return new BodyScan(inference, block, returned);
    }

    private UnitInference.Names names(Set<String> parameters) {
      return new UnitInference.Names() {
        @Override
        public boolean isParameter(String name) {
          return parameters.contains(name);
        }

        @Override
        public boolean isField(String name) {
          return classFields.contains(name);
        }

        @Override
        public Unit unitOf(String name) {
          return name.equals("t") && parameters.contains("t") ? Unit.MS : declared.get(name);
        }
      };
    }
  }

  private record BodyScan(UnitInference inference, BlockTree block, ExpressionTree returned) {}
}
