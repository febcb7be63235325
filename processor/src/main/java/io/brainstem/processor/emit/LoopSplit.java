package io.brainstem.processor.emit;

import io.brainstem.processor.emit.VectorPlanRenderer.Stmt;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a vector kernel's element statements are cut into loops ("parts") that C2 can each compile
 * whole, and which locals one part hands to a later one through the carry buffer.
 *
 * <p>C2 stops inlining a method's calls once parsing has made {@code NodeCountInliningCutoff}
 * (18 000) IR nodes, and each Vector API operation costs hundreds before it folds into an
 * instruction; an operation left as a call allocates its vectors. Measured on JDK 17 and 25: COBA's
 * 60-operation loop already crossed it, 40-operation loops did not.
 *
 * @param parts the statements of each loop, in order; state updates are all in the last
 * @param slots each carried local and its slot in the carry buffer
 */
record LoopSplit(List<List<Stmt>> parts, Map<String, Integer> slots) {
  /** Vector operations per loop. */
  static final int BUDGET = 40;

  /**
   * Cuts {@code statements} into loops of at most {@link #BUDGET} vector operations (a statement
   * larger than that alone), keeping their order; an {@code exprel} statement gets a loop of its
   * own (the kernel patches its rare far lanes right after that loop); the state updates
   * (statements defining no local) go to the last loop with {@code finishCost} more operations of
   * spike handling.
   */
  static LoopSplit of(List<Stmt> statements, int finishCost) {
    List<List<Stmt>> parts = new ArrayList<>();
    List<Stmt> current = new ArrayList<>();
    List<Stmt> stores = new ArrayList<>();
    int cost = 0;
    for (Stmt st : statements) {
      if (st.defines() == null) {
        stores.add(st);
        continue;
      }
      if ((cost + st.cost() > BUDGET || st.isExprel()) && !current.isEmpty()) {
        parts.add(current);
        current = new ArrayList<>();
        cost = 0;
      }
      current.add(st);
      cost += st.cost();
      if (st.isExprel()) {
        parts.add(current);
        current = new ArrayList<>();
        cost = 0;
      }
    }
    int last = finishCost + stores.stream().mapToInt(Stmt::cost).sum();
    if (cost + last > BUDGET && !current.isEmpty()) {
      parts.add(current);
      current = new ArrayList<>();
    }
    current.addAll(stores);
    parts.add(current);
    Map<String, Integer> slots = new LinkedHashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      for (Stmt st : parts.get(p)) {
        if (st.defines() != null && readAfter(st.defines(), parts, p)) {
          slots.put(st.defines(), slots.size());
        }
      }
    }
    return new LoopSplit(List.copyOf(parts), Map.copyOf(slots));
  }

  /** The {@code exprel} statement that is part {@code p}, or null. */
  Stmt exprel(int p) {
    List<Stmt> part = parts.get(p);
    return part.size() == 1 && part.get(0).isExprel() ? part.get(0) : null;
  }

  /** The carried locals part {@code p} reads from earlier parts, with their slots. */
  Map<String, Integer> carriedIn(int p) {
    Map<String, Integer> in = new LinkedHashMap<>();
    Map<String, Integer> out = carriedOut(p);
    for (Stmt st : parts.get(p)) {
      for (Ref r : st.reads()) {
        if (r.kind() == RefKind.LOCAL && slots.containsKey(r.name()) && !out.containsKey(r.name())) {
          in.put(r.name(), slots.get(r.name()));
        }
      }
    }
    return in;
  }

  /** The locals part {@code p} defines that later parts read, with their slots. */
  Map<String, Integer> carriedOut(int p) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Stmt st : parts.get(p)) {
      if (st.defines() != null && slots.containsKey(st.defines())) {
        out.put(st.defines(), slots.get(st.defines()));
      }
    }
    return out;
  }

  private static boolean readAfter(String local, List<List<Stmt>> parts, int p) {
    Ref ref = new Ref(local, RefKind.LOCAL);
    for (int q = p + 1; q < parts.size(); q++) {
      for (Stmt st : parts.get(q)) {
        if (st.reads().contains(ref)) {
          return true;
        }
      }
    }
    return false;
  }
}
