package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body locals an expression outside any plan reads (a threshold's condition, an output's
 * value), as lets for the emitter to declare before it: each computed once, as the user's method
 * does, so generated code stays linear in the body's size however often a local is read.
 *
 * @param lets the lets in dependency (declaration) order; their values read earlier lets as
 *     {@link RefKind#LOCAL} references
 * @param value the expression with each body local replaced by its let
 */
public record LocalLets(List<Let> lets, Expr value) {
  public LocalLets {
    lets = List.copyOf(lets);
  }

  /** {@code final double name = value;} */
  public record Let(String name, Expr value) {}

  /**
   * The lets of the locals of {@code locals} that {@code e} reads, directly or through other
   * locals, each named {@code prefix_<local>} through {@code names}.
   */
  public static LocalLets of(Map<String, Expr> locals, Expr e, String prefix, LocalNames names) {
    List<String> needed = Exprs.localsRead(e, locals);
    Map<String, Ref> placed = new HashMap<>();
    List<Let> lets = new ArrayList<>();
    for (String name : needed) {
      Ref let = Exprs.local(names.allocate(prefix + "_" + javaName(name)));
      lets.add(new Let(let.name(), replace(locals.get(name), placed)));
      placed.put(name, let);
    }
    return new LocalLets(lets, replace(e, placed));
  }

  /** A local's name as part of a Java name: a derivative's {@code '} and a call's {@code #} go. */
  static String javaName(String local) {
    return local.replace("'", "_d").replace("#", "");
  }

  private static Expr replace(Expr e, Map<String, Ref> lets) {
    return Exprs.map(e, r -> r.kind() == RefKind.BODY ? lets.get(r.name()) : r);
  }
}
