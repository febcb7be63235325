package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Not;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Small constructors and traversals over {@link Expr} shared by the integrate stage. */
public final class Exprs {
  private Exprs() {}

  public static Num num(double value) {
    return new Num(value);
  }

  public static Ref local(String name) {
    return new Ref(name, RefKind.LOCAL);
  }

  public static Ref dt() {
    return new Ref("dt", RefKind.DT);
  }

  public static Binary add(Expr a, Expr b) {
    return new Binary(BinOp.ADD, a, b);
  }

  public static Binary sub(Expr a, Expr b) {
    return new Binary(BinOp.SUB, a, b);
  }

  public static Binary mul(Expr a, Expr b) {
    return new Binary(BinOp.MUL, a, b);
  }

  public static Binary div(Expr a, Expr b) {
    return new Binary(BinOp.DIV, a, b);
  }

  /**
   * Replaces every model-variable reference whose name is bound (not locals, which may shadow a
   * field's name); other nodes are rebuilt unchanged.
   */
  public static Expr substitute(Expr e, Map<String, ? extends Expr> bindings) {
    if (bindings.isEmpty()) {
      return e;
    }
    return map(e, r -> r.kind() != RefKind.LOCAL && r.kind() != RefKind.BODY
        && bindings.containsKey(r.name())
        ? bindings.get(r.name()) : r);
  }

  /** Rebuilds {@code e} with each reference replaced by {@code f(ref)}. */
  static Expr map(Expr e, java.util.function.Function<Ref, Expr> f) {
    if (e instanceof Num) {
      return e;
    } else if (e instanceof Ref r) {
      return f.apply(r);
    } else if (e instanceof Neg n) {
      return new Neg(map(n.operand(), f));
    } else if (e instanceof Binary b) {
      return new Binary(b.op(), map(b.left(), f), map(b.right(), f));
    } else if (e instanceof Call c) {
      return new Call(c.fn(), c.args().stream().map(a -> map(a, f)).toList());
    } else if (e instanceof Cond c) {
      return new Cond(map(c.test(), f), map(c.then(), f), map(c.otherwise(), f));
    } else if (e instanceof Compare c) {
      return new Compare(c.op(), map(c.left(), f), map(c.right(), f));
    } else if (e instanceof Logic l) {
      return new Logic(l.op(), map(l.left(), f), map(l.right(), f));
    } else {
      return new Not(map(((Not) e).operand(), f));
    }
  }

  /** Rebuilds {@code e} with each direct sub-expression replaced by {@code f(child)}. */
  public static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
    if (e instanceof Neg n) {
      return new Neg(f.apply(n.operand()));
    } else if (e instanceof Binary b) {
      return new Binary(b.op(), f.apply(b.left()), f.apply(b.right()));
    } else if (e instanceof Call c) {
      return new Call(c.fn(), c.args().stream().map(f).toList());
    } else if (e instanceof Cond c) {
      return new Cond(f.apply(c.test()), f.apply(c.then()), f.apply(c.otherwise()));
    } else if (e instanceof Compare c) {
      return new Compare(c.op(), f.apply(c.left()), f.apply(c.right()));
    } else if (e instanceof Logic l) {
      return new Logic(l.op(), f.apply(l.left()), f.apply(l.right()));
    } else if (e instanceof Not n) {
      return new Not(f.apply(n.operand()));
    }
    return e;
  }

  /** The direct sub-expressions of {@code e}, left to right. */
  public static List<Expr> children(Expr e) {
    if (e instanceof Neg n) {
      return List.of(n.operand());
    } else if (e instanceof Binary b) {
      return List.of(b.left(), b.right());
    } else if (e instanceof Call c) {
      return c.args();
    } else if (e instanceof Cond c) {
      return List.of(c.test(), c.then(), c.otherwise());
    } else if (e instanceof Compare c) {
      return List.of(c.left(), c.right());
    } else if (e instanceof Logic l) {
      return List.of(l.left(), l.right());
    } else if (e instanceof Not n) {
      return List.of(n.operand());
    }
    return List.of();
  }

  /** Calls {@code visitor} on every reference in {@code e}, left to right. */
  public static void forEachRef(Expr e, Consumer<Ref> visitor) {
    if (e instanceof Ref r) {
      visitor.accept(r);
    }
    for (Expr child : children(e)) {
      forEachRef(child, visitor);
    }
  }

  /** The references of {@code e}, in first-occurrence order. */
  public static Set<Ref> refs(Expr e) {
    Set<Ref> out = new LinkedHashSet<>();
    forEachRef(e, out::add);
    return out;
  }

  /** True when {@code e} reads the (non-local) variable {@code name}. */
  public static boolean mentions(Expr e, String name) {
    return refs(e).stream().anyMatch(r -> r.kind() != RefKind.LOCAL && r.kind() != RefKind.BODY
        && r.name().equals(name));
  }

  /** The right-hand side of {@code ode} and the values of its body's locals. */
  public static List<Expr> parts(ModelIR.Ode ode) {
    List<Expr> out = new ArrayList<>(ode.locals().values());
    out.add(ode.rhs());
    return out;
  }

  /** The condition of {@code threshold} and the values of its body's locals. */
  public static List<Expr> parts(ModelIR.Threshold threshold) {
    List<Expr> out = new ArrayList<>(threshold.locals().values());
    out.add(threshold.condition());
    return out;
  }

  /** The value of {@code output} and the values of its body's locals. */
  public static List<Expr> parts(ModelIR.Output output) {
    List<Expr> out = new ArrayList<>(output.locals().values());
    out.add(output.value());
    return out;
  }

  /**
   * The body locals of {@code locals} (in declaration order, a dependency order) that {@code e}
   * reads, directly or through other locals; each local's value is visited once.
   */
  public static List<String> localsRead(Expr e, Map<String, Expr> locals) {
    Set<String> needed = new HashSet<>();
    forEachRef(e, r -> addBody(r, needed));
    List<String> order = new ArrayList<>(locals.keySet());
    for (int i = order.size() - 1; i >= 0; i--) {
      if (needed.contains(order.get(i))) {
        forEachRef(locals.get(order.get(i)), r -> addBody(r, needed));
      }
    }
    return order.stream().filter(needed::contains).toList();
  }

  private static void addBody(Ref r, Set<String> out) {
    if (r.kind() == RefKind.BODY) {
      out.add(r.name());
    }
  }

  /** {@code e} and the values of the locals of {@code locals} it reads (see {@link #localsRead}). */
  public static List<Expr> reached(Expr e, Map<String, Expr> locals) {
    List<Expr> out = new ArrayList<>();
    localsRead(e, locals).forEach(name -> out.add(locals.get(name)));
    out.add(e);
    return out;
  }

  /** True when {@code ode}'s body reads the (non-local) variable {@code name}. */
  public static boolean mentions(ModelIR.Ode ode, String name) {
    return parts(ode).stream().anyMatch(e -> mentions(e, name));
  }

  /** True when {@code ode}'s body reads a reference of {@code kind}. */
  public static boolean mentions(ModelIR.Ode ode, RefKind kind) {
    return parts(ode).stream().anyMatch(e -> mentions(e, kind));
  }

  /** True when {@code e} reads a reference of {@code kind}. */
  public static boolean mentions(Expr e, RefKind kind) {
    return refs(e).stream().anyMatch(r -> r.kind() == kind);
  }
}
