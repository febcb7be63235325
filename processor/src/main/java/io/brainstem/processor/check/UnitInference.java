package io.brainstem.processor.check;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unit of each expression of one method body (already valid DSL), bottom-up. A number has no
 * unit of its own: it takes the one its context requires, so an expression containing one is
 * "free" (null) unless a sum, comparison or function fixes it. {@code 10 * ms} (numbers times
 * {@link io.brainstem.annotations.Units} constants only) has the constants' unit. Undeclared
 * variables are free too, so partial declarations check what is known. Each mismatch is reported
 * once, where it happens, and the mismatched expression is then free (no cascades).
 */
final class UnitInference {
  /** What a name denotes in this body. */
  interface Names {
    /** True for a parameter of the method ({@code @Ode} and {@code @Noise} methods have them). */
    boolean isParameter(String name);

    /** True for any field of the model class, annotated or not (it hides a static import). */
    boolean isField(String name);

    /** The declared unit of a model variable ({@code t}: ms); null when undeclared. */
    Unit unitOf(String name);
  }

  private record Local(String name, ExpressionTree initializer, int visibleLocals) {}

  private final Diagnostics diagnostics;
  private final CompilationUnitTree unit;
  private final Names names;
  private final List<Local> locals = new ArrayList<>();
  private final Map<Tree, Optional<Unit>> memo = new IdentityHashMap<>();
  /** How many locals the expression being inferred sees (locals declared before it). */
  private int visible;

  UnitInference(Diagnostics diagnostics, CompilationUnitTree unit, Names names) {
    this.diagnostics = diagnostics;
    this.unit = unit;
    this.names = names;
  }

  /** Declares the next local of the body and checks its initializer. */
  void local(String name, ExpressionTree initializer) {
    visible = locals.size();
    infer(initializer);
    locals.add(new Local(name, initializer, locals.size()));
    visible = locals.size();
  }

  /** The unit of numeric {@code tree}, or null when free. */
  Unit infer(ExpressionTree tree) {
    Optional<Unit> known = memo.get(tree);
    if (known == null) {
      // A left-associative chain (a + b * c - ...): its left operands first, innermost out, so
      // each one's inference finds its own left operand memoized and the stack stays shallow.
      List<ExpressionTree> spine = new ArrayList<>();
      for (ExpressionTree at = tree; ARITHMETIC.contains(at.getKind()) && !memo.containsKey(at);
          at = ((BinaryTree) at).getLeftOperand()) {
        spine.add(at);
      }
      for (int k = spine.size() - 1; k >= 1; k--) {
        memo.put(spine.get(k), Optional.ofNullable(compute(spine.get(k))));
      }
      known = Optional.ofNullable(compute(tree));
      memo.put(tree, known);
    }
    return known.orElse(null);
  }

  private static final Set<Tree.Kind> ARITHMETIC =
      Set.of(Tree.Kind.PLUS, Tree.Kind.MINUS, Tree.Kind.MULTIPLY, Tree.Kind.DIVIDE);

  /** Checks the comparisons inside boolean {@code tree}. */
  void condition(ExpressionTree tree) {
    switch (tree.getKind()) {
      case PARENTHESIZED -> condition(((ParenthesizedTree) tree).getExpression());
      case CONDITIONAL_AND, CONDITIONAL_OR -> {
        // A chain of && and || walked down its left operands in a loop, checked left to right.
        List<ExpressionTree> rights = new ArrayList<>();
        ExpressionTree at = tree;
        while (at.getKind() == Tree.Kind.CONDITIONAL_AND
            || at.getKind() == Tree.Kind.CONDITIONAL_OR) {
          rights.add(((BinaryTree) at).getRightOperand());
          at = ((BinaryTree) at).getLeftOperand();
        }
        condition(at);
        for (int k = rights.size() - 1; k >= 0; k--) {
          condition(rights.get(k));
        }
      }
      case LOGICAL_COMPLEMENT -> condition(((UnaryTree) tree).getExpression());
      case CONDITIONAL_EXPRESSION -> {
        ConditionalExpressionTree c = (ConditionalExpressionTree) tree;
        condition(c.getCondition());
        condition(c.getTrueExpression());
        condition(c.getFalseExpression());
      }
      default -> {
        BinaryTree compare = (BinaryTree) tree;
        same(tree, "compares", compare.getLeftOperand(), compare.getRightOperand());
      }
    }
  }

  private Unit compute(ExpressionTree tree) {
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return infer(((ParenthesizedTree) tree).getExpression());
      case UNARY_PLUS:
      case UNARY_MINUS:
        return infer(((UnaryTree) tree).getExpression());
      case PLUS:
        return same(tree, "adds", operands(tree));
      case MINUS:
        return same(tree, "subtracts", operands(tree));
      case MULTIPLY:
      case DIVIDE:
        return product((BinaryTree) tree);
      case IDENTIFIER:
        return name(((IdentifierTree) tree).getName().toString());
      case MEMBER_SELECT:
        return select((MemberSelectTree) tree);
      case CONDITIONAL_EXPRESSION:
        ConditionalExpressionTree c = (ConditionalExpressionTree) tree;
        condition(c.getCondition());
        return same(tree, "has branches in", c.getTrueExpression(), c.getFalseExpression());
      case METHOD_INVOCATION:
        return call((MethodInvocationTree) tree);
      default:
        return null; // a numeric literal
    }
  }

  private static ExpressionTree[] operands(ExpressionTree tree) {
    BinaryTree binary = (BinaryTree) tree;
    return new ExpressionTree[] {binary.getLeftOperand(), binary.getRightOperand()};
  }

  /** Operands that must share one unit (+, -, comparisons, ?:, min, max); the unit, or null. */
  private Unit same(Tree at, String verb, ExpressionTree... operands) {
    Unit first = null;
    ExpressionTree firstTree = null;
    for (ExpressionTree operand : operands) {
      Unit unit = infer(operand);
      if (unit == null) {
        continue;
      }
      if (first == null) {
        first = unit;
        firstTree = operand;
      } else if (!first.equals(unit)) {
        mismatch(at, "'" + at + "' " + verb + " '" + firstTree + "' in " + describe(first)
            + " and '" + operand + "' in " + describe(unit), first, unit);
        return null;
      }
    }
    return first;
  }

  private Unit product(BinaryTree tree) {
    boolean times = tree.getKind() == Tree.Kind.MULTIPLY;
    Unit left = infer(tree.getLeftOperand());
    Unit right = infer(tree.getRightOperand());
    if (left != null && right != null) {
      return times ? left.times(right) : left.divide(right);
    }
    // '10 * ms', '1 / ms': a number next to unit constants is a count of that unit.
    if (left == null && right != null && isNumber(tree.getLeftOperand())
        && isUnitConstant(tree.getRightOperand())) {
      return times ? right : right.pow(-1);
    }
    if (right == null && left != null && isNumber(tree.getRightOperand())
        && isUnitConstant(tree.getLeftOperand())) {
      return left;
    }
    return null;
  }

  /** Resolved as Java does: a method parameter, a local declared earlier, a field, an import. */
  private Unit name(String name) {
    if (names.isParameter(name)) {
      return names.unitOf(name);
    }
    Local local = local(name);
    if (local != null) {
      return inferLocal(local);
    }
    if (names.isField(name)) {
      return names.unitOf(name);
    }
    return isUnitConstantName(name) ? UnitConstants.unit(name) : null;
  }

  private boolean isUnitConstantName(String name) {
    return !names.isParameter(name) && local(name) == null && !names.isField(name)
        && UnitConstants.imported(name, unit);
  }

  private Local local(String name) {
    for (int i = 0; i < visible; i++) {
      if (locals.get(i).name().equals(name)) {
        return locals.get(i);
      }
    }
    return null;
  }

  private Unit inferLocal(Local local) {
    int saved = visible;
    visible = local.visibleLocals();
    Unit unit = infer(local.initializer());
    visible = saved;
    return unit;
  }

  private Unit select(MemberSelectTree tree) {
    String qualifier = tree.getExpression().toString();
    String member = tree.getIdentifier().toString();
    if (qualifier.equals("this")) {
      return names.unitOf(member);
    }
    return UnitConstants.selected(qualifier, member, unit) ? UnitConstants.unit(member) : null;
  }

  private Unit call(MethodInvocationTree tree) {
    ExpressionTree select = tree.getMethodSelect();
    String fn = select instanceof MemberSelectTree
        ? ((MemberSelectTree) select).getIdentifier().toString()
        : select.toString();
    List<? extends ExpressionTree> args = tree.getArguments();
    switch (fn) {
      case "exp", "log", "tanh", "expm1", "sin", "cos" -> {
        return dimensionless(args.get(0), "the argument of " + fn) ? Unit.ONE : null;
      }
      case "abs" -> {
        return infer(args.get(0));
      }
      case "min", "max" -> {
        return same(tree, "takes the " + fn + " of", args.get(0), args.get(1));
      }
      case "sqrt" -> {
        Unit arg = infer(args.get(0));
        return arg == null ? null : power(tree, arg, 0.5);
      }
      default -> {
        return pow(tree, args.get(0), args.get(1));
      }
    }
  }

  private Unit pow(MethodInvocationTree tree, ExpressionTree base, ExpressionTree exponent) {
    if (!dimensionless(exponent, "the exponent of pow")) {
      return null;
    }
    Unit unit = infer(base);
    if (unit == null || unit.isDimensionless() && unit.decades() == 0) {
      return unit;
    }
    Double p = constant(exponent);
    if (p == null) {
      diagnostics.error(ErrorCode.NOT_DIMENSIONLESS, base, this.unit,
          "'" + tree + "' raises '" + base + "', in " + describe(unit) + ", to a power that is"
              + " not a constant, so its unit is unknown",
          "Make the base dimensionless (divide it by a quantity in " + unit + "), or write the"
              + " exponent as a number.");
      return null;
    }
    return power(tree, unit, p);
  }

  private Unit power(MethodInvocationTree tree, Unit unit, double p) {
    Unit result = unit.pow(p);
    if (result == null) {
      diagnostics.error(ErrorCode.NOT_DIMENSIONLESS, tree, this.unit,
          "'" + tree + "' is " + unit + " to the power " + p + ", which is not a unit (only whole"
              + " and half powers are)",
          "Make the base dimensionless: divide it by a quantity in " + unit + ".");
    }
    return result;
  }

  /** Reports {@code tree} unless it is dimensionless (a pure number, scale 1) or free. */
  boolean dimensionless(ExpressionTree tree, String what) {
    Unit unit = infer(tree);
    if (unit != null && !unit.equals(Unit.ONE)) {
      diagnostics.error(ErrorCode.NOT_DIMENSIONLESS, tree, this.unit,
          what + " must be dimensionless, but '" + tree + "' is in " + describe(unit),
          unit.isDimensionless()
              ? "Include the factor " + unit + " (e.g. divide by " + factor(unit) + ")."
              : "Divide by a quantity in " + unit + " (e.g. exp((V - V_T) / Delta_T) with"
                  + " V_T and Delta_T in the unit of V).");
      return false;
    }
    return true;
  }

  private void mismatch(Tree at, String rule, Unit first, Unit second) {
    diagnostics.error(ErrorCode.UNIT_MISMATCH, at, unit, rule, fixFor(first, second));
  }

  /** The fix for quantities in {@code wanted} and {@code got} that must agree. */
  static String fixFor(Unit wanted, Unit got) {
    if (wanted.sameDimension(got)) {
      return "Both are " + wanted.dimension() + " but in different units: a number in " + got
          + " times " + factor(got.divide(wanted)) + " is in " + wanted
          + "; convert it, or declare both in one unit.";
    }
    return "The dimensions differ, so the equation is wrong as written: check each term's"
        + " unit (a coefficient with a unit is a @Param declaring it).";
  }

  /** {@code mV (voltage)}. */
  static String describe(Unit unit) {
    String dimension = unit.dimension();
    return dimension.equals(unit.toString()) ? unit.toString() : unit + " (" + dimension + ")";
  }

  /** The number a dimensionless ratio stands for: 1000, 0.001, 1e6. */
  static String factor(Unit ratio) {
    double value = Math.pow(10, ratio.decades());
    return value >= 1e-3 && value <= 1e4
        ? (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value))
        : "1e" + (long) ratio.decades();
  }

  /** True for a pure number: literals, Math.PI, Math.E, and arithmetic on them. */
  private boolean isNumber(ExpressionTree tree) {
    return constant(tree) != null;
  }

  /** The value of a pure number, or null. */
  private Double constant(ExpressionTree tree) {
    switch (tree.getKind()) {
      case INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL -> {
        return ((Number) ((LiteralTree) tree).getValue()).doubleValue();
      }
      case PARENTHESIZED -> {
        return constant(((ParenthesizedTree) tree).getExpression());
      }
      case UNARY_MINUS -> {
        Double x = constant(((UnaryTree) tree).getExpression());
        return x == null ? null : -x;
      }
      case UNARY_PLUS -> {
        return constant(((UnaryTree) tree).getExpression());
      }
      case MEMBER_SELECT -> {
        String text = tree.toString();
        return text.endsWith("Math.PI") ? Math.PI : text.endsWith("Math.E") ? Math.E : null;
      }
      case PLUS, MINUS, MULTIPLY, DIVIDE -> {
        Double a = constant(((BinaryTree) tree).getLeftOperand());
        Double b = constant(((BinaryTree) tree).getRightOperand());
        if (a == null || b == null) {
          return null;
        }
        return switch (tree.getKind()) {
          case PLUS -> a + b;
          case MINUS -> a - b;
          case MULTIPLY -> a * b;
          default -> a / b;
        };
      }
      default -> {
        return null;
      }
    }
  }

  /** True for unit constants and products of them with numbers: {@code ms}, {@code nA / ms}. */
  private boolean isUnitConstant(ExpressionTree tree) {
    switch (tree.getKind()) {
      case PARENTHESIZED -> {
        return isUnitConstant(((ParenthesizedTree) tree).getExpression());
      }
      case IDENTIFIER -> {
        return isUnitConstantName(tree.toString());
      }
      case MEMBER_SELECT -> {
        MemberSelectTree select = (MemberSelectTree) tree;
        return UnitConstants.selected(
            select.getExpression().toString(), select.getIdentifier().toString(), unit);
      }
      case MULTIPLY, DIVIDE -> {
        ExpressionTree a = ((BinaryTree) tree).getLeftOperand();
        ExpressionTree b = ((BinaryTree) tree).getRightOperand();
        return isUnitConstant(a) && (isUnitConstant(b) || isNumber(b))
            || isNumber(a) && isUnitConstant(b);
      }
      default -> {
        return false;
      }
    }
  }
}
