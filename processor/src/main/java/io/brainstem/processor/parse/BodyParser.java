package io.brainstem.processor.parse;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.check.Suggestions;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Assign.AssignOp;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeKind;

/**
 * Reads the two body shapes of the DSL: "double locals, then one return" (@Ode, @Threshold,
 * @Output) and "state assignments" (@Reset, @OnPre). A use of a local is a {@link RefKind#BODY}
 * reference, its value kept once beside the expression, so the IR stays linear in the body's size
 * however often a local is read; assignment bodies take no locals because a later assignment could
 * change what a local read after it would mean.
 */
final class BodyParser {
  private final Diagnostics diagnostics;
  private final SourceText source;
  private final Scope scope;
  private final ExprParser expressions;

  BodyParser(Diagnostics diagnostics, SourceText source, Scope scope, boolean fastMath) {
    this.diagnostics = diagnostics;
    this.source = source;
    this.scope = scope;
    this.expressions = new ExprParser(diagnostics, source, scope, fastMath);
  }

  /**
   * The returned expression, its source text and the body's locals with their values; {@code expr}
   * and the values read locals as {@link RefKind#BODY} references.
   */
  record Returned(Expr expr, String sourceText, Map<String, Expr> locals) {}

  /** Parses {@code final double} locals then {@code return e;}; null after reporting an error. */
  Returned returnBody(BlockTree body, boolean condition) {
    List<? extends StatementTree> statements = body.getStatements();
    if (statements.isEmpty() || statements.get(statements.size() - 1).getKind() != Tree.Kind.RETURN) {
      Tree at = statements.isEmpty() ? body : statements.get(statements.size() - 1);
      return badBody(at, "the body must end with 'return <expression>;'",
          "End it with a single return; write choices as '?:' rather than if/else.");
    }
    // Stop at the first bad statement: later ones may use a local it failed to declare.
    for (StatementTree statement : statements.subList(0, statements.size() - 1)) {
      if (statement.getKind() != Tree.Kind.VARIABLE) {
        return badBody(statement, "only 'double' locals may come before the return",
            "Move the computation into 'final double' locals or the returned expression.");
      }
      if (!local((VariableTree) statement)) {
        return null;
      }
    }
    ExpressionTree returned = ((ReturnTree) statements.get(statements.size() - 1)).getExpression();
    if (returned == null) {
      return null;
    }
    Typed value = condition ? expressions.parseBoolean(returned) : expressions.parseNumeric(returned);
    if (value == null) {
      return null;
    }
    return condition
        ? new Returned(value.expr(), source.of(returned), scope.localValues())
        : NestedCalls.named(value.expr(), source.of(returned), scope.localValues());
  }

  private boolean local(VariableTree local) {
    boolean isDouble = local.getType() instanceof PrimitiveTypeTree
        && ((PrimitiveTypeTree) local.getType()).getPrimitiveTypeKind() == TypeKind.DOUBLE;
    if (!isDouble || local.getInitializer() == null) {
      badBody(local, "a local must be a 'double' with an initializer",
          "Declare it as 'final double x = <expression>;'.");
      return false;
    }
    Typed value = expressions.parseNumeric(local.getInitializer());
    if (value == null) {
      return false;
    }
    // The local is a double whatever its initializer's type: 'x / 2' then divides in double.
    String name = local.getName().toString();
    scope.addLocal(
        name, value.expr(), Typed.of(new Expr.Ref(name, RefKind.BODY), Typed.JavaType.DOUBLE));
    return true;
  }

  /**
   * Parses assignments to states (and, when {@code postWritable}, to {@code @Post} fields); null
   * after reporting an error.
   */
  List<Assign> assignments(BlockTree body, boolean postWritable) {
    List<Assign> result = new ArrayList<>();
    // Stop at the first bad statement: later ones may use a local it failed to declare, and
    // reporting that name again would echo the one mistake.
    for (StatementTree statement : body.getStatements()) {
      Assign assign = assignment(statement, postWritable);
      if (assign == null) {
        return null;
      }
      result.add(assign);
    }
    return result;
  }

  private Assign assignment(StatementTree statement, boolean postWritable) {
    if (statement.getKind() != Tree.Kind.EXPRESSION_STATEMENT) {
      badBody(statement, "only assignments to states ('V = V_reset;', 'g += w;') are allowed here",
          "Write a choice inside the assignment, e.g. 'V = V > 100 ? V_reset : V;'.");
      return null;
    }
    ExpressionTree expression = ((ExpressionStatementTree) statement).getExpression();
    ExpressionTree target;
    ExpressionTree value;
    AssignOp op;
    if (expression.getKind() == Tree.Kind.ASSIGNMENT) {
      target = ((AssignmentTree) expression).getVariable();
      value = ((AssignmentTree) expression).getExpression();
      op = AssignOp.SET;
    } else {
      op = compoundOp(expression.getKind());
      if (op == null) {
        badBody(statement, "only assignments with = += -= *= /= are allowed here",
            "Write the update as 'x = ...' or with += -= *= /=.");
        return null;
      }
      target = ((CompoundAssignmentTree) expression).getVariable();
      value = ((CompoundAssignmentTree) expression).getExpression();
    }
    String state = target(target, postWritable);
    Typed parsed = expressions.parseNumeric(value);
    return state == null || parsed == null ? null : new Assign(state, op, parsed.expr());
  }

  private static AssignOp compoundOp(Tree.Kind kind) {
    switch (kind) {
      case PLUS_ASSIGNMENT:
        return AssignOp.ADD;
      case MINUS_ASSIGNMENT:
        return AssignOp.SUB;
      case MULTIPLY_ASSIGNMENT:
        return AssignOp.MUL;
      case DIVIDE_ASSIGNMENT:
        return AssignOp.DIV;
      default:
        return null;
    }
  }

  /** The state (or writable @Post) a {@code x} or {@code this.x} target names; null after reporting. */
  private String target(ExpressionTree target, boolean postWritable) {
    String name = null;
    if (target instanceof IdentifierTree) {
      name = ((IdentifierTree) target).getName().toString();
    } else if (target instanceof MemberSelectTree
        && ((MemberSelectTree) target).getExpression().toString().equals("this")) {
      name = ((MemberSelectTree) target).getIdentifier().toString();
    }
    Typed field = name == null ? null : scope.field(name);
    RefKind kind = field == null ? null : ((Expr.Ref) field.expr()).kind();
    if (kind == RefKind.STATE || (postWritable && kind == RefKind.POST)
        || (name != null && scope.isConflicted(name))) {
      return name;
    }
    String what = field == null
        ? "is not a variable of " + scope.modelName()
        : "is " + describe(kind) + ", not a state";
    List<String> writable = new ArrayList<>(scope.fieldsOf(RefKind.STATE));
    if (postWritable) {
      writable.addAll(scope.fieldsOf(RefKind.POST));
    }
    diagnostics.error(
        ErrorCode.NOT_A_STATE,
        target,
        source.unit(),
        "'" + source.of(target) + "' " + what + "; only states"
            + (postWritable ? " and @Post fields" : "") + " can be assigned"
            + (name == null ? "" : Suggestions.didYouMean(name, writable)),
        postWritable
            ? "Assign to a field annotated @State or @Post."
            : "Assign to a field annotated @State.");
    return null;
  }

  private static String describe(RefKind kind) {
    switch (kind) {
      case PARAM:
        return "a parameter";
      case INPUT:
        return "an input";
      case PRE:
        return "a @Pre (presynaptic) variable, read-only in a synapse";
      case POST:
        return "a @Post (postsynaptic) variable, read-only in a synapse";
      default:
        return "a " + kind.name().toLowerCase();
    }
  }

  private <T> T badBody(Tree at, String rule, String fix) {
    diagnostics.error(
        ErrorCode.BAD_BODY,
        at,
        source.unit(),
        "'" + firstLine(source.of(at)) + "': " + rule,
        fix);
    return null;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).trim() + " ...";
  }
}
