package io.brainstem.processor.parse;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.check.Suggestions;
import io.brainstem.processor.check.UnitConstants;
import io.brainstem.processor.check.Units;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.LogicOp;
import io.brainstem.processor.parse.Typed.JavaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns one Java expression into an {@link Expr} with exactly the user's structure: parentheses
 * vanish into the tree, nothing is reassociated or folded, so the generated code performs the same
 * IEEE-754 operations in the same order. The exception is integer arithmetic, which Java does not
 * do in double: integer constants are folded to the exact value Java computes, and integer
 * arithmetic that could differ from double (overflow, a '?:' of integers) is an error; and, only
 * under fast math, divisions by parameters ({@code reciprocal}). Anything outside the DSL is reported on the offending
 * sub-expression; the result is then null and callers report nothing more (no cascades).
 */
final class ExprParser {
  private static final String SUPPORTED =
      "Use only + - * /, parentheses, numeric literals, model variables, comparisons, && || !, ?:"
          + " and Math.exp/log/sqrt/pow/tanh/sin/cos/abs/min/max/expm1";

  private final Diagnostics diagnostics;
  private final SourceText source;
  private final Scope scope;
  private final boolean fastMath;

  ExprParser(Diagnostics diagnostics, SourceText source, Scope scope) {
    this(diagnostics, source, scope, false);
  }

  /**
   * With {@code fastMath} ({@code -Abrainstem.fastMath=true}), a division by a divisor made of
   * parameters, {@code dt}, {@code t} and literals only becomes a product with its reciprocal
   * ({@code reciprocal}).
   */
  ExprParser(Diagnostics diagnostics, SourceText source, Scope scope, boolean fastMath) {
    this.diagnostics = diagnostics;
    this.source = source;
    this.scope = scope;
    this.fastMath = fastMath;
  }

  /** The expression, or null after reporting why it is not part of the DSL. */
  Typed parse(ExpressionTree tree) {
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return parse(((ParenthesizedTree) tree).getExpression());
      case INT_LITERAL:
      case LONG_LITERAL:
      case FLOAT_LITERAL:
      case DOUBLE_LITERAL:
        return literal((LiteralTree) tree);
      case UNARY_PLUS:
        return numeric(parse(((UnaryTree) tree).getExpression()), ((UnaryTree) tree).getExpression());
      case UNARY_MINUS:
        return negate((UnaryTree) tree);
      case PLUS:
        return arithmetic((BinaryTree) tree);
      case MINUS:
        return arithmetic((BinaryTree) tree);
      case MULTIPLY:
        return arithmetic((BinaryTree) tree);
      case DIVIDE:
        return arithmetic((BinaryTree) tree);
      case IDENTIFIER:
        return identifier((IdentifierTree) tree);
      case MEMBER_SELECT:
        return memberSelect((MemberSelectTree) tree);
      default:
        break;
    }
    if (scope.constantsOnly()) {
      return notConstant(tree);
    }
    switch (tree.getKind()) {
      case LESS_THAN:
        return comparison((BinaryTree) tree, CmpOp.LT);
      case LESS_THAN_EQUAL:
        return comparison((BinaryTree) tree, CmpOp.LE);
      case GREATER_THAN:
        return comparison((BinaryTree) tree, CmpOp.GT);
      case GREATER_THAN_EQUAL:
        return comparison((BinaryTree) tree, CmpOp.GE);
      case EQUAL_TO:
        return comparison((BinaryTree) tree, CmpOp.EQ);
      case NOT_EQUAL_TO:
        return comparison((BinaryTree) tree, CmpOp.NE);
      case CONDITIONAL_AND:
        return logic((BinaryTree) tree);
      case CONDITIONAL_OR:
        return logic((BinaryTree) tree);
      case LOGICAL_COMPLEMENT:
        return not((UnaryTree) tree);
      case CONDITIONAL_EXPRESSION:
        return conditional((ConditionalExpressionTree) tree);
      case METHOD_INVOCATION:
        return call((MethodInvocationTree) tree);
      default:
        diagnostics.error(
            ErrorCode.UNSUPPORTED_EXPRESSION,
            tree,
            source.unit(),
            "'" + source.of(tree) + "' (" + describe(tree.getKind()) + ") is not supported in a "
                + scope.modelName() + " model expression",
            SUPPORTED + ".");
        return null;
    }
  }

  /** Parses {@code tree} and requires a number (not a boolean). */
  Typed parseNumeric(ExpressionTree tree) {
    return numeric(parse(tree), tree);
  }

  /** Parses {@code tree} and requires a boolean. */
  Typed parseBoolean(ExpressionTree tree) {
    Typed value = parse(tree);
    if (value != null && value.type() != JavaType.BOOLEAN) {
      diagnostics.error(
          ErrorCode.TYPE_MISMATCH,
          tree,
          source.unit(),
          "'" + source.of(tree) + "' is a number where a condition (boolean) is required",
          "Write a comparison such as 'V >= V_th'.");
      return null;
    }
    return value;
  }

  private Typed numeric(Typed value, Tree tree) {
    if (value != null && !value.type().isNumeric()) {
      diagnostics.error(
          ErrorCode.TYPE_MISMATCH,
          tree,
          source.unit(),
          "'" + source.of(tree) + "' is a condition (boolean) where a number is required",
          "Use a ternary such as '(V > 0 ? 1.0 : 0.0)' to turn a condition into a number.");
      return null;
    }
    return value;
  }

  private Typed literal(LiteralTree tree) {
    Number value = (Number) tree.getValue();
    switch (tree.getKind()) {
      case INT_LITERAL:
        return new Typed(new Expr.Num(value.intValue()), JavaType.INT, value.longValue());
      case LONG_LITERAL:
        return new Typed(new Expr.Num(value.longValue()), JavaType.LONG, value.longValue());
      case FLOAT_LITERAL:
        // Java widens the float to double exactly like this when it meets a double operand.
        return Typed.of(new Expr.Num(value.floatValue()), JavaType.FLOAT);
      default:
        return Typed.of(new Expr.Num(value.doubleValue()), JavaType.DOUBLE);
    }
  }

  private Typed negate(UnaryTree tree) {
    Typed operand = parseNumeric(tree.getExpression());
    if (operand == null) {
      return null;
    }
    if (operand.type().isIntegral()) {
      return integral(tree, operand.type(), operand.intValue() == null ? null
          : exactIntegral(BinOp.SUB, 0L, operand.intValue(), operand.type()),
          operand.intValue() != null);
    }
    return Typed.of(new Expr.Neg(operand.expr()), operand.type());
  }

  /**
   * An int or long result, which Java computes in integer arithmetic: folded to its exact value
   * (the double generated code then holds is what Java's conversion gives), or an error when it
   * overflows ({@code exact} null) or depends on a value known only at run time (a '?:' of
   * integers), where double arithmetic would differ from Java's on overflow and on -0.0.
   */
  private Typed integral(Tree tree, JavaType type, Long exact, boolean constant) {
    return integral(tree, tree, type, exact, constant);
  }

  /** As above, with the caret on {@code at} (for a call, its name). */
  private Typed integral(Tree tree, Tree at, JavaType type, Long exact, boolean constant) {
    if (!constant) {
      return narrow(tree, at, "is " + type.name().toLowerCase() + " arithmetic on a value chosen at"
          + " run time, which Java computes in " + type.name().toLowerCase() + " (wrapping on"
          + " overflow, without -0.0)");
    }
    if (exact == null) {
      return narrow(tree, at, "overflows Java's " + type.name().toLowerCase() + " arithmetic");
    }
    return new Typed(new Expr.Num(exact), type, exact);
  }

  /**
   * A left-associative chain ({@code a + b - c * d ...}) walked down its left operands in a loop,
   * then combined from the innermost out: the recursion is on right operands only, so a sum of any
   * length parses in constant stack.
   */
  private Typed arithmetic(BinaryTree tree) {
    List<BinaryTree> chain = leftSpine(tree, ARITHMETIC);
    Typed left = parseNumeric(chain.get(chain.size() - 1).getLeftOperand());
    for (int k = chain.size() - 1; k >= 0; k--) {
      BinaryTree link = chain.get(k);
      Typed right = parseNumeric(link.getRightOperand()); // parsed even after a failure: its errors
      left = left == null || right == null
          ? null : arithmetic(link, ARITHMETIC.get(link.getKind()), left, right);
    }
    return left;
  }

  private static final Map<Tree.Kind, BinOp> ARITHMETIC = Map.of(
      Tree.Kind.PLUS, BinOp.ADD, Tree.Kind.MINUS, BinOp.SUB,
      Tree.Kind.MULTIPLY, BinOp.MUL, Tree.Kind.DIVIDE, BinOp.DIV);
  private static final Map<Tree.Kind, LogicOp> LOGIC = Map.of(
      Tree.Kind.CONDITIONAL_AND, LogicOp.AND, Tree.Kind.CONDITIONAL_OR, LogicOp.OR);

  /** {@code tree} and the binary left operands below it of the {@code kinds}, outermost first. */
  private static List<BinaryTree> leftSpine(BinaryTree tree, Map<Tree.Kind, ?> kinds) {
    List<BinaryTree> chain = new ArrayList<>();
    ExpressionTree at = tree;
    while (kinds.containsKey(at.getKind())) {
      BinaryTree link = (BinaryTree) at;
      chain.add(link);
      at = link.getLeftOperand();
    }
    return chain;
  }

  /** {@code left op right} for the binary {@code tree}, or null after reporting why not. */
  private Typed arithmetic(BinaryTree tree, BinOp op, Typed left, Typed right) {
    JavaType type = JavaType.promote(left.type(), right.type());
    Expr expr = new Expr.Binary(op, left.expr(), right.expr());
    if (type == JavaType.DOUBLE) {
      return Typed.of(fastMath && op == BinOp.DIV ? reciprocal(expr) : expr, type);
    }
    if (type.isIntegral() && op == BinOp.DIV) {
      diagnostics.error(
          ErrorCode.INTEGER_DIVISION,
          tree,
          source.unit(),
          "'" + source.of(tree) + "' divides two integers, which Java truncates (1/2 is 0)",
          "Write at least one operand as a double literal, e.g. '1.0/2'.");
      return null;
    }
    if (type.isIntegral()) {
      return integral(tree, type, exactIntegral(op, left.intValue(), right.intValue(), type),
          left.intValue() != null && right.intValue() != null);
    }
    return narrow(tree, "is computed by Java in float precision, not double");
  }

  /**
   * {@code a / b} as {@code a * (1.0 / b)} when {@code b} is made of parameters, dt, t and
   * literals, so that with group-wide parameters the kernels divide once per step (hoisted)
   * instead of once per element: C's
   * {@code -freciprocal-math}, which Brian2's {@code -ffast-math} includes. The product is within
   * 2 ulps of the quotient (two roundings of relative error 2^-53 each). Kept as written: divisors
   * that are powers of two (the product is the same bits) and quotients of literals.
   */
  private static Expr reciprocal(Expr division) {
    Expr.Binary d = (Expr.Binary) division;
    boolean uniform = !(d.left() instanceof Expr.Num) && onlyUniform(d.right());
    if (!uniform || d.right() instanceof Expr.Num n && isPowerOfTwo(n.value())) {
      return division;
    }
    return new Expr.Binary(BinOp.MUL, d.left(),
        new Expr.Binary(BinOp.DIV, new Expr.Num(1.0), d.right()));
  }

  /** Only parameters, dt, t and literals: no state, input, field of a partner or body local. */
  private static boolean onlyUniform(Expr e) {
    if (e instanceof Expr.Num) {
      return true;
    } else if (e instanceof Expr.Ref r) {
      return r.kind() == Expr.RefKind.PARAM || r.kind() == Expr.RefKind.DT
          || r.kind() == Expr.RefKind.TIME;
    } else if (e instanceof Expr.Neg n) {
      return onlyUniform(n.operand());
    } else if (e instanceof Expr.Binary b) {
      return onlyUniform(b.left()) && onlyUniform(b.right());
    } else if (e instanceof Expr.Call c) {
      return c.args().stream().allMatch(ExprParser::onlyUniform);
    }
    return false; // a condition: kept as written
  }

  private static boolean isPowerOfTwo(double v) {
    double a = Math.abs(v);
    return a != 0 && !Double.isInfinite(a) && Math.getExponent(a) >= Double.MIN_EXPONENT
        && a == Math.scalb(1.0, Math.getExponent(a));
  }

  /** The exact result if it fits {@code type}; null if an operand is unknown or it overflows. */
  private static Long exactIntegral(BinOp op, Long a, Long b, JavaType type) {
    if (a == null || b == null) {
      return null;
    }
    try {
      long result;
      switch (op) {
        case ADD:
          result = Math.addExact(a, b);
          break;
        case SUB:
          result = Math.subtractExact(a, b);
          break;
        default:
          result = Math.multiplyExact(a, b);
          break;
      }
      boolean fits = type == JavaType.LONG || result == (int) result;
      return fits ? result : null;
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private Typed narrow(Tree tree, String why) {
    return narrow(tree, tree, why);
  }

  private Typed narrow(Tree tree, Tree at, String why) {
    diagnostics.error(
        ErrorCode.NARROW_ARITHMETIC,
        at,
        source.unit(),
        "'" + source.of(tree) + "' " + why + ", but generated code computes in double",
        "Write the literals as doubles (e.g. '2.0' instead of '2' or '2f').");
    return null;
  }

  private Typed comparison(BinaryTree tree, CmpOp op) {
    Typed left = parseNumeric(tree.getLeftOperand());
    Typed right = parseNumeric(tree.getRightOperand());
    if (left == null || right == null) {
      return null;
    }
    return Typed.of(new Expr.Compare(op, left.expr(), right.expr()), JavaType.BOOLEAN);
  }

  /** A chain of {@code &&} and {@code ||}, iteratively as {@link #arithmetic(BinaryTree)}. */
  private Typed logic(BinaryTree tree) {
    List<BinaryTree> chain = leftSpine(tree, LOGIC);
    Typed left = parseBoolean(chain.get(chain.size() - 1).getLeftOperand());
    for (int k = chain.size() - 1; k >= 0; k--) {
      BinaryTree link = chain.get(k);
      Typed right = parseBoolean(link.getRightOperand());
      left = left == null || right == null ? null : Typed.of(
          new Expr.Logic(LOGIC.get(link.getKind()), left.expr(), right.expr()), JavaType.BOOLEAN);
    }
    return left;
  }

  private Typed not(UnaryTree tree) {
    Typed operand = parseBoolean(tree.getExpression());
    return operand == null ? null : Typed.of(new Expr.Not(operand.expr()), JavaType.BOOLEAN);
  }

  private Typed conditional(ConditionalExpressionTree tree) {
    Typed test = parseBoolean(tree.getCondition());
    Typed then = parse(tree.getTrueExpression());
    Typed otherwise = parse(tree.getFalseExpression());
    if (test == null || then == null || otherwise == null) {
      return null;
    }
    if (then.type().isNumeric() != otherwise.type().isNumeric()) {
      diagnostics.error(
          ErrorCode.TYPE_MISMATCH,
          tree,
          source.unit(),
          "the branches of '" + source.of(tree) + "' mix a number and a condition",
          "Make both branches numbers or both conditions.");
      return null;
    }
    JavaType type =
        then.type().isNumeric() ? JavaType.promote(then.type(), otherwise.type()) : JavaType.BOOLEAN;
    return Typed.of(new Expr.Cond(test.expr(), then.expr(), otherwise.expr()), type);
  }

  private Typed identifier(IdentifierTree tree) {
    String name = tree.getName().toString();
    Typed resolved = scope.constantsOnly() ? null : scope.resolve(name);
    if (resolved != null) {
      return resolved;
    }
    // Java reads a field of the class before a statically imported name.
    if (UnitConstants.imported(name, source.unit()) && !plainFields().contains(name)) {
      return unitConstant(name);
    }
    if (scope.constantsOnly()) {
      return notConstant(tree);
    }
    unknownName(tree, name);
    return null;
  }

  /** {@code ms}, {@code mV}, ... of {@code io.brainstem.annotations.Units}: its value, folded. */
  private static Typed unitConstant(String name) {
    return Typed.of(new Expr.Num(UnitConstants.value(name)), JavaType.DOUBLE);
  }

  /** The most specific explanation of a name that resolves to nothing. */
  private void unknownName(Tree at, String name) {
    if (scope.isConflicted(name)) {
      return; // the field's declaration is already an error (BS204, BS205): one mistake, one error
    }
    String didYouMean = Suggestions.didYouMean(name, scope.visibleNames());
    if (Units.isUnit(name)) {
      diagnostics.error(
          ErrorCode.UNIT_NAME,
          at,
          source.unit(),
          Units.rule(name, scope.modelName())
              + didYouMean.replace("(did you mean", "(or did you mean the variable"),
          Units.fix(name));
      return;
    }
    String rule = "'" + name + "' is not a parameter, state or input of " + scope.modelName()
        + didYouMean;
    String fix;
    if (name.equals("t")) {
      fix = "To read the time, add a parameter 'double t' to an @Ode method; elsewhere t is not"
          + " available.";
    } else if (name.equals("dt")) {
      rule = "'dt' is not visible in model methods: an @Ode returns the derivative and the"
          + " integrator applies the step";
      fix = "Write the derivative without dt (e.g. '(V_rest - V) / tau').";
    } else if (plainFields().contains(name)) {
      rule = "'" + name + "' is a field of " + scope.modelName() + " without a model annotation,"
          + " so generated code cannot read it";
      fix = "Annotate it @Param (a constant you may set per group), @State or @Input.";
    } else {
      fix = "Declare it as a field annotated @Param, @State or @Input, or fix the spelling.";
    }
    diagnostics.error(ErrorCode.UNKNOWN_NAME, at, source.unit(), rule, fix);
  }

  /** The names of the model class's fields, annotated or not (for a targeted message). */
  private List<String> plainFields() {
    List<String> names = new ArrayList<>();
    for (Tree type : source.unit().getTypeDecls()) {
      if (type instanceof ClassTree
          && ((ClassTree) type).getSimpleName().contentEquals(scope.modelName())) {
        for (Tree member : ((ClassTree) type).getMembers()) {
          if (member instanceof VariableTree) {
            names.add(((VariableTree) member).getName().toString());
          }
        }
      }
    }
    return names;
  }

  private Typed memberSelect(MemberSelectTree tree) {
    String qualifier = tree.getExpression().toString();
    String member = tree.getIdentifier().toString();
    if (isMath(qualifier) && member.equals("PI")) {
      return Typed.of(new Expr.Num(Math.PI), JavaType.DOUBLE);
    }
    if (isMath(qualifier) && member.equals("E")) {
      return Typed.of(new Expr.Num(Math.E), JavaType.DOUBLE);
    }
    if (UnitConstants.selected(qualifier, member, source.unit())) {
      return unitConstant(member);
    }
    if (scope.constantsOnly()) {
      return notConstant(tree);
    }
    if (qualifier.equals("this")) {
      return thisField(tree, member);
    }
    diagnostics.error(
        ErrorCode.UNSUPPORTED_EXPRESSION,
        tree,
        source.unit(),
        "'" + source.of(tree) + "' reads something outside the model; only the model's own"
            + " variables, Math.PI and Math.E can be read",
        "Declare the value as a @Param of " + scope.modelName() + ".");
    return null;
  }

  private Typed thisField(MemberSelectTree tree, String member) {
    if (scope.isParameter(member)) {
      // In an @Ode the parameter holds the value being integrated; the field would not.
      diagnostics.error(
          ErrorCode.UNSUPPORTED_EXPRESSION,
          tree,
          source.unit(),
          "'this." + member + "' bypasses the parameter '" + member + "', which holds the value"
              + " the integrator evaluates at",
          "Write '" + member + "'.");
      return null;
    }
    Typed field = scope.readField(member);
    if (field != null) {
      return field;
    }
    unknownName(tree, member);
    return null;
  }

  private Typed call(MethodInvocationTree tree) {
    ExpressionTree select = tree.getMethodSelect();
    String name = select instanceof MemberSelectTree
        ? ((MemberSelectTree) select).getIdentifier().toString()
        : select.toString();
    boolean onMath = select instanceof MemberSelectTree
        ? isMath(((MemberSelectTree) select).getExpression().toString())
        : staticallyImportedFromMath(name);
    Fn fn = onMath ? function(name) : null;
    if (fn == null) {
      return unsupportedFunction(tree, name, onMath);
    }
    if (tree.getArguments().size() != fn.arity) {
      diagnostics.error(
          ErrorCode.WRONG_ARITY,
          tree,
          source.unit(),
          "Math." + fn.javaName + " takes " + fn.arity + " argument" + (fn.arity == 1 ? "" : "s")
              + " but '" + source.of(tree) + "' passes " + tree.getArguments().size(),
          "Pass exactly " + fn.arity + ".");
      return null;
    }
    List<Expr> args = new ArrayList<>();
    List<Long> constants = new ArrayList<>();
    JavaType type = null;
    boolean failed = false;
    for (ExpressionTree argument : tree.getArguments()) {
      Typed arg = parseNumeric(argument);
      if (arg == null) {
        failed = true;
        continue;
      }
      args.add(arg.expr());
      constants.add(arg.intValue());
      type = type == null ? arg.type() : JavaType.promote(type, arg.type());
    }
    if (failed) {
      return null;
    }
    // abs/min/max keep their argument type (Math.abs(2) is an int); the others return double.
    boolean keepsType = fn == Fn.ABS || fn == Fn.MIN || fn == Fn.MAX;
    if (keepsType && type.isIntegral()) {
      return integralCall(tree, fn, type, constants);
    }
    return Typed.of(new Expr.Call(fn, args), keepsType ? type : JavaType.DOUBLE);
  }

  /**
   * Math.abs/min/max on integers, evaluated as Java does: folded when the arguments are constants
   * ({@code Math.abs(-2147483648)} overflows and is an error). On a '?:' of integers min and max
   * pick one exact value, as in double; abs could overflow, so it is an error.
   */
  private Typed integralCall(MethodInvocationTree tree, Fn fn, JavaType type, List<Long> values) {
    boolean constant = values.stream().allMatch(v -> v != null);
    if (!constant && fn != Fn.ABS) {
      List<Expr> args = new ArrayList<>();
      for (ExpressionTree argument : tree.getArguments()) {
        args.add(parse(argument).expr());
      }
      return Typed.of(new Expr.Call(fn, args), type);
    }
    Long exact = null;
    if (constant) {
      long a = values.get(0);
      switch (fn) {
        case ABS:
          boolean overflows = type == JavaType.INT ? a == Integer.MIN_VALUE : a == Long.MIN_VALUE;
          exact = overflows ? null : Math.abs(a);
          break;
        case MIN:
          exact = Math.min(a, values.get(1));
          break;
        default:
          exact = Math.max(a, values.get(1));
          break;
      }
    }
    return integral(tree, tree.getMethodSelect(), type, exact, constant);
  }

  private Typed unsupportedFunction(MethodInvocationTree tree, String name, boolean onMath) {
    String suggestion;
    String why = "is not a supported function";
    if (!onMath && function(name) != null) {
      suggestion = "Math." + name; // exp(x) without the static import
    } else if (onMath && isJavaMathMethod(name)) {
      // Math.sin exists; suggesting the closest supported name (min) would mislead.
      suggestion = null;
      why = "is not among the functions Brainstem can differentiate and generate code for";
    } else {
      List<String> names = Arrays.stream(Fn.values()).map(f -> f.javaName).toList();
      suggestion = onMath ? Suggestions.closest(name, names).map(s -> "Math." + s).orElse(null)
          : null;
    }
    // The caret goes on the name (for Math.exq, under '.exq'), not on the argument list.
    diagnostics.error(
        ErrorCode.UNSUPPORTED_FUNCTION,
        tree.getMethodSelect(),
        source.unit(),
        "'" + source.of(tree.getMethodSelect()) + "' " + why
            + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"),
        "Use one of Math.exp, log, sqrt, pow, tanh, sin, cos, abs, min, max, expm1, or inline the"
            + " computation.");
    return null;
  }

  private static boolean isJavaMathMethod(String name) {
    return Arrays.stream(Math.class.getMethods()).anyMatch(m -> m.getName().equals(name));
  }

  private static Fn function(String javaName) {
    for (Fn fn : Fn.values()) {
      if (fn.javaName.equals(javaName)) {
        return fn;
      }
    }
    return null;
  }

  /** {@code exp(x)} after {@code import static java.lang.Math.exp;} or {@code ...Math.*;}. */
  private boolean staticallyImportedFromMath(String name) {
    for (ImportTree anImport : source.unit().getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (anImport.isStatic()
          && (imported.equals("java.lang.Math." + name) || imported.equals("java.lang.Math.*"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMath(String qualifier) {
    return qualifier.equals("Math") || qualifier.equals("java.lang.Math");
  }

  private Typed notConstant(Tree tree) {
    diagnostics.error(
        ErrorCode.NOT_A_CONSTANT,
        tree,
        source.unit(),
        "'" + source.of(tree) + "' is not a numeric constant; defaults and initial values are"
            + " fixed when the group is created",
        "Use a literal or arithmetic on literals (e.g. '-65.0', '1.0 / 3'), or set the value on the"
            + " generated group.");
    return null;
  }

  private static String describe(Tree.Kind kind) {
    return kind.name().toLowerCase().replace('_', ' ');
  }
}
