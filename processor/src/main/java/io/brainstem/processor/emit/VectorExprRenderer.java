package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Not;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Renders an {@link Expr} for a {@code jdk.incubator.vector} kernel. A subtree that reads only
 * uniform values (literals, {@code t}, {@code dt}, group-wide parameters, hoisted locals) stays a
 * scalar Java expression; the rest becomes {@code DoubleVector} method calls, booleans become
 * {@code VectorMask}s and conditionals blends.
 *
 * <p>Every lane performs the IEEE-754 operation the scalar kernel performs, on the same operands
 * and in the same order; only operands of {@code +}, {@code *}, {@code min} and {@code max} may swap
 * (exact: those are commutative), and a comparison may be mirrored ({@code a < b} as {@code b > a}).
 * So vector and scalar kernels agree bit for bit, except where a transcendental function
 * ({@code exp}, {@code log}, {@code pow}, {@code tanh}, {@code expm1}) uses the vector library.
 */
final class VectorExprRenderer {
  /** A rendered expression: Java source, and whether it is a vector (else a scalar). */
  record Code(CodeBlock code, boolean vector) {}

  private final Function<Ref, String> names;
  private final Predicate<Ref> isVector;
  private final ExprRenderer scalar;
  /** The kernel class's species field, {@code S}. */
  private final String species;
  /** Where transcendental calls are shared, or null (rendered in place). */
  private final Shared shared;

  /**
   * Transcendental calls ({@code exp}, {@code expm1}, ...) of one loop body, each rendered once:
   * the backward's sweep repeats the forward's calls in its partials (HH's {@code m_alpha}
   * differentiates to three {@code expm1(m_x)}), and C2 neither merges calls nor inlines past its
   * node budget, where the Vector API boxes. The same function of the same operand gives the same
   * bits, so sharing changes no result. Only calls whose operand reads values that are never
   * reassigned ({@code stable}) are shared.
   *
   * @param allocate a fresh local name from a wanted one
   * @param stable whether a reference's value is fixed for the loop body
   */
  record Shared(Function<String, String> allocate, Predicate<Ref> stable,
      Map<String, String> byCode, Map<String, String> declarations) {
    Shared(Function<String, String> allocate, Predicate<Ref> stable) {
      this(allocate, stable, new LinkedHashMap<>(), new LinkedHashMap<>());
    }
  }

  /**
   * {@code names} maps a reference to the Java expression holding its value; {@code isVector} tells
   * whether that value is a {@code DoubleVector} (per element) or a {@code double} (uniform);
   * {@code species} names the kernel class's species field.
   */
  VectorExprRenderer(Function<Ref, String> names, Predicate<Ref> isVector, String species) {
    this(names, isVector, species, null);
  }

  /** As above, rendering each stable transcendental call once into {@code shared}. */
  VectorExprRenderer(Function<Ref, String> names, Predicate<Ref> isVector, String species,
      Shared shared) {
    this.names = names;
    this.species = species;
    this.isVector = isVector;
    this.scalar = new ExprRenderer(names);
    this.shared = shared;
  }

  /** {@code e} as a {@code DoubleVector} (uniform values broadcast). */
  CodeBlock vector(Expr e) {
    return vector(render(e));
  }

  private CodeBlock vector(Code c) {
    return c.vector() ? c.code() : broadcast(c.code());
  }

  /** {@code e}, boolean-valued, as a {@code VectorMask<Double>}. */
  CodeBlock mask(Expr e) {
    Code c = render(e);
    return c.vector() ? c.code() : CodeBlock.of("$L.maskAll($L)", species, c.code());
  }

  /**
   * A statement per let of body locals: a {@code DoubleVector}, whose name is added to
   * {@code vectors} (the locals {@code isVector} reports), or a {@code double} when its value is
   * uniform.
   */
  CodeBlock lets(List<LocalLets.Let> lets, Set<String> vectors) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (LocalLets.Let let : lets) {
      Code value = render(let.value());
      if (value.vector()) {
        vectors.add(let.name());
        code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, let.name(), value.code());
      } else {
        code.addStatement("final double $L = $L", let.name(), value.code());
      }
    }
    return code.build();
  }

  /** {@code e} rendered as a vector, or as a scalar when it reads only uniform values. */
  Code render(Expr e) {
    if (!readsVector(e)) {
      return new Code(scalar.render(e), false);
    }
    if (e instanceof Ref r) {
      return new Code(CodeBlock.of("$L", names.apply(r)), true);
    } else if (e instanceof Neg n) {
      return new Code(CodeBlock.of("$L.neg()", render(n.operand()).code()), true);
    } else if (e instanceof Binary b) {
      return binary(b);
    } else if (e instanceof Call c) {
      return call(c);
    } else if (e instanceof Cond c) {
      return cond(c);
    } else if (e instanceof Compare c) {
      return compare(c);
    } else if (e instanceof Logic l) {
      String op = l.op() == Expr.LogicOp.AND ? "and" : "or";
      return new Code(CodeBlock.of("$L.$L($L)", mask(l.left()), op, mask(l.right())), true);
    }
    Not n = (Not) e;
    return new Code(CodeBlock.of("$L.not()", render(n.operand()).code()), true);
  }

  private Code binary(Binary b) {
    Code left = render(b.left());
    if (b.op() == Expr.BinOp.DIV && left.vector() && b.right() instanceof Num n
        && exactReciprocal(n.value())) {
      // x / 2^k is exactly x * 2^-k, bit for bit; a vector division costs several multiplies
      return new Code(CodeBlock.of("$L.mul($L)", left.code(), scalar.render(new Num(1 / n.value()))), true);
    }
    Code right = render(b.right());
    String op = switch (b.op()) {
      case ADD -> "add";
      case SUB -> "sub";
      case MUL -> "mul";
      case DIV -> "div";
    };
    if (left.vector()) {
      return new Code(CodeBlock.of("$L.$L($L)", left.code(), op, right.code()), true);
    }
    boolean commutative = b.op() == Expr.BinOp.ADD || b.op() == Expr.BinOp.MUL;
    CodeBlock receiver = commutative ? right.code() : broadcast(left.code());
    CodeBlock argument = commutative ? left.code() : right.code();
    return new Code(CodeBlock.of("$L.$L($L)", receiver, op, argument), true);
  }

  /**
   * Whether {@code x / d} equals {@code x * (1 / d)} for every {@code x}: {@code d} a power of two
   * whose reciprocal is a normal double, so both are the rounding of the same real number.
   */
  static boolean exactReciprocal(double d) {
    long bits = Double.doubleToRawLongBits(d);
    int exponent = Math.getExponent(d);
    return (bits & 0x000f_ffff_ffff_ffffL) == 0 && exponent > Double.MIN_EXPONENT
        && exponent < Double.MAX_EXPONENT;
  }

  private Code call(Call c) {
    return switch (c.fn()) {
      case SQRT -> new Code(CodeBlock.of("$L.sqrt()", vector(c.args().get(0))), true);
      case ABS -> new Code(CodeBlock.of("$L.abs()", vector(c.args().get(0))), true);
      case EXP, LOG, TANH, EXPM1, SIN, COS -> share(c, CodeBlock.of("$L.lanewise($T.$L)",
          vector(c.args().get(0)), RuntimeNames.VECTOR_OPERATORS, c.fn().name()));
      case POW -> new Code(CodeBlock.of("$L.pow($L)",
          vector(c.args().get(0)), render(c.args().get(1)).code()), true);
      case MIN, MAX -> {
        Code a = render(c.args().get(0));
        Code b = render(c.args().get(1));
        String op = c.fn() == Expr.Fn.MIN ? "min" : "max";
        Code receiver = a.vector() ? a : b;
        Code argument = a.vector() ? b : a;
        yield new Code(CodeBlock.of("$L.$L($L)", receiver.code(), op, argument.code()), true);
      }
    };
  }

  /** {@code code} of call {@code c}, or the shared local holding it. */
  private Code share(Call c, CodeBlock code) {
    if (shared == null) {
      return new Code(code, true);
    }
    boolean[] stable = {true};
    io.brainstem.processor.integrate.Exprs.forEachRef(c, r -> stable[0] &= shared.stable().test(r));
    if (!stable[0]) {
      return new Code(code, true);
    }
    String name = shared.byCode().computeIfAbsent(code.toString(), k -> {
      String local = shared.allocate().apply(c.fn().name().toLowerCase(java.util.Locale.ROOT)
          + "_" + shared.declarations().size());
      shared.declarations().put(local, k);
      return local;
    });
    return new Code(CodeBlock.of("$L", name), true);
  }

  private Code cond(Cond c) {
    Code test = render(c.test());
    if (!test.vector()) {
      // A uniform condition picks one whole vector, as the scalar code picks one value.
      return new Code(CodeBlock.of("($L ? $L : $L)", test.code(), vector(c.then()),
          vector(c.otherwise())), true);
    }
    return new Code(CodeBlock.of("$L.blend($L, $L)", vector(c.otherwise()), vector(c.then()),
        test.code()), true);
  }

  private Code compare(Compare c) {
    Code left = render(c.left());
    Code right = render(c.right());
    CmpOp op = c.op();
    if (!left.vector()) {
      Code swap = left;
      left = right;
      right = swap;
      op = mirror(op);
    }
    return new Code(CodeBlock.of("$L.compare($T.$L, $L)", left.code(),
        RuntimeNames.VECTOR_OPERATORS, op.name(), right.code()), true);
  }

  /** The operator with its operands exchanged: {@code a < b} is {@code b > a}. */
  static CmpOp mirror(CmpOp op) {
    return switch (op) {
      case LT -> CmpOp.GT;
      case LE -> CmpOp.GE;
      case GT -> CmpOp.LT;
      case GE -> CmpOp.LE;
      case EQ, NE -> op;
    };
  }

  /**
   * In the loop: C2 hoists the broadcast of a loop invariant itself, and hoisting it in the source
   * was measured to make C2 stop inlining earlier (vectors live across the loop cost it nodes).
   */
  private CodeBlock broadcast(CodeBlock scalar) {
    return CodeBlock.of("$T.broadcast($L, $L)", RuntimeNames.DOUBLE_VECTOR, species, scalar);
  }

  /** Whether {@code e} reads any per-element value. */
  boolean readsVector(Expr e) {
    if (e instanceof Ref r) {
      return isVector.test(r);
    } else if (e instanceof Num) {
      return false;
    } else if (e instanceof Neg n) {
      return readsVector(n.operand());
    } else if (e instanceof Not n) {
      return readsVector(n.operand());
    } else if (e instanceof Binary b) {
      return readsVector(b.left()) || readsVector(b.right());
    } else if (e instanceof Compare c) {
      return readsVector(c.left()) || readsVector(c.right());
    } else if (e instanceof Logic l) {
      return readsVector(l.left()) || readsVector(l.right());
    } else if (e instanceof Call c) {
      return c.args().stream().anyMatch(this::readsVector);
    }
    Cond c = (Cond) e;
    return readsVector(c.test()) || readsVector(c.then()) || readsVector(c.otherwise());
  }
}
