package io.brainstem.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares two model fingerprints (trees of maps, lists and values) and says where they differ. */
final class Fingerprints {
  private static final int MAX = 20;

  private Fingerprints() {}

  static void diff(String path, Object saved, Object now, List<String> out) {
    if (out.size() >= MAX) {
      return;
    }
    if (saved instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
      List<String> ka = keys(a);
      List<String> kb = keys(b);
      Set<String> all = new LinkedHashSet<>(ka);
      all.addAll(kb);
      for (String k : all) {
        String p = path.isEmpty() ? k : path + "." + k;
        if (!a.containsKey(k)) {
          out.add(p + ": not in the checkpoint, present now");
        } else if (!b.containsKey(k)) {
          out.add(p + ": in the checkpoint, absent now");
        } else {
          diff(p, a.get(k), b.get(k), out);
        }
      }
      List<String> common = new ArrayList<>(ka);
      common.retainAll(kb);
      List<String> commonNow = new ArrayList<>(kb);
      commonNow.retainAll(ka);
      if (!common.equals(commonNow) && out.size() < MAX) {
        out.add((path.isEmpty() ? "order" : path + " order") + ": checkpoint " + common + ", now " + commonNow);
      }
      return;
    }
    if (!same(saved, now)) {
      out.add(path + ": checkpoint " + saved + ", now " + now);
    }
  }

  private static List<String> keys(Map<?, ?> m) {
    List<String> k = new ArrayList<>();
    m.keySet().forEach(x -> k.add(String.valueOf(x)));
    return k;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x instanceof Double || y instanceof Double
          ? Double.doubleToLongBits(x.doubleValue()) == Double.doubleToLongBits(y.doubleValue())
          : x.longValue() == y.longValue();
    }
    return java.util.Objects.equals(a, b);
  }
}
