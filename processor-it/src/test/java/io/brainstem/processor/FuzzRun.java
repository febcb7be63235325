package io.brainstem.processor;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.LifGroup;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Runs one compiled fuzz model three ways — {@code jit(false)} (the model's own methods), the
 * scalar kernels and, where this JVM runs them, the vector kernels — under one integrator, from
 * the same per-element parameters, initial states and constant inputs, and says where they first
 * differ. Scalar kernels must equal {@code jit(false)} bit for bit in every state and spike, every
 * step (any two NaNs count as equal: Java does not keep NaN payloads). Vector kernels must too,
 * unless the model calls a transcendental function or the method is EXP_EULER (a per-element
 * {@code exp}): the vector library may then differ by an ulp (docs/runners.md), so only the first
 * step is compared, within 1e-9, and only when no {@code ?:} can amplify an ulp.
 */
final class FuzzRun {
  static final int STEPS = 200;

  /** The outcome of one run: null when the three agree, else where they first differ. */
  record Result(String mismatch, boolean skipped, boolean vectorCompared, boolean finite,
      long spikes) {}

  private final FuzzModel model;
  private final ClassLoader loader;
  private final Integrator method;
  private final long seed;

  FuzzRun(FuzzModel model, ClassLoader loader, Integrator method, long seed) {
    this.model = model;
    this.loader = loader;
    this.method = method;
    this.seed = seed;
  }

  /** A description of the run for failure reports. */
  String describe() {
    return model.className() + " " + method + " seed " + seed;
  }

  Result run() throws ReflectiveOperationException {
    return model.synapse() ? runSynapse() : runNeuron();
  }

  /** One network copy: the groups (and projection) of one of the three ways. */
  private record Copy(String way, boolean jit, List<NeuronGroup> groups, Projection projection) {}

  private Result runNeuron() throws ReflectiveOperationException {
    Random random = new Random(seed);
    int size = 8 + random.nextInt(57);
    Setup setup = new Setup(random, size, model);
    List<Copy> copies = new ArrayList<>();
    for (String way : new String[] {"jit(false)", "scalar", "vector"}) {
      NeuronGroup g = (NeuronGroup) loader.loadClass(FuzzModel.PACKAGE + "." + model.className()
          + "Group").getConstructor(String.class, int.class).newInstance("N", size);
      g.scalarKernels(way.equals("scalar"));
      if (way.equals("vector") && g.kernels().equals("scalar")) {
        continue;
      }
      if (!setMethod(g, method)) {
        return new Result(null, true, false, true, 0);
      }
      setup.apply(g, g.size());
      copies.add(new Copy(way, !way.equals("jit(false)"), List.of(g), null));
    }
    return steps(copies, setup);
  }

  private Result runSynapse() throws ReflectiveOperationException {
    Random random = new Random(seed);
    int preSize = 8 + random.nextInt(30);
    int postSize = 8 + random.nextInt(57);
    Setup setup = new Setup(random, postSize, model);
    long connectSeed = random.nextLong();
    double[] preDrive = random.doubles(preSize, 15, 60).toArray();
    double[] postDrive = random.doubles(postSize, -5, 25).toArray();
    List<Copy> copies = new ArrayList<>();
    for (String way : new String[] {"jit(false)", "scalar", "vector"}) {
      LifGroup pre = new LifGroup("pre", preSize);
      LifGroup post = new LifGroup("post", postSize);
      Projection p = (Projection) loader.loadClass(FuzzModel.PACKAGE + "." + model.className()
          + "Projection").getConstructor(NeuronGroup.class, NeuronGroup.class,
              io.brainstem.connectivity.Connector.class)
          .newInstance(pre, post, new FixedProb(0.3, connectSeed));
      boolean scalar = way.equals("scalar");
      p.scalarKernels(scalar);
      pre.scalarKernels(scalar);
      post.scalarKernels(scalar);
      if (way.equals("vector") && p.kernels().equals("scalar")) {
        continue;
      }
      if (!setMethod(p, method)) {
        return new Result(null, true, false, true, 0);
      }
      setup.apply(p, postSize);
      for (int e = 0; e < preSize; e++) {
        pre.V[e] = e % 5;
      }
      copies.add(new Copy(way, !way.equals("jit(false)"), List.of(pre, post), p));
    }
    setup.drives.put("pre", preDrive);
    setup.drives.put("post", postDrive);
    return steps(copies, setup);
  }

  private Result steps(List<Copy> copies, Setup setup) {
    double dt = setup.dt;
    boolean exactVector = !model.transcendental() && method != Integrator.EXP_EULER;
    boolean smooth = !model.source().contains("?");
    Copy reference = copies.get(0);
    long spikes = 0;
    for (int k = 0; k < STEPS; k++) {
      double t = k * dt;
      for (Copy c : copies) {
        setup.drive(c);
        if (c.projection() != null) {
          c.projection().update(t, dt, c.jit());
        }
        for (NeuronGroup g : c.groups()) {
          g.update(t, dt, c.jit());
        }
      }
      for (Copy c : copies.subList(1, copies.size())) {
        boolean vector = c.way().equals("vector");
        if (vector && !exactVector) {
          if (k == 0 && smooth) {
            String differs = compare(reference, c, 1e-9);
            if (differs != null) {
              return new Result(c.way() + " after step 0: " + differs, false, true, true, spikes);
            }
          }
          continue;
        }
        String differs = compare(reference, c, 0);
        if (differs != null) {
          return new Result(c.way() + " after step " + k + " (t = " + t + ", dt = " + dt + "): "
              + differs, false, vector, true, spikes);
        }
      }
      for (Copy c : copies) {
        for (NeuronGroup g : c.groups()) {
          g.clearInputs();
        }
      }
      spikes += model.synapse() ? reference.groups().get(1).spikeCount()
          : reference.groups().get(0).spikeCount();
    }
    boolean vectorCompared = copies.size() == 3 && exactVector;
    return new Result(null, false, vectorCompared, finite(reference), spikes);
  }

  private static boolean finite(Copy c) {
    for (Variable v : variables(c)) {
      if (v.doubles() != null) {
        for (double x : v.doubles()) {
          if (!Double.isFinite(x)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static List<Variable> variables(Copy c) {
    List<Variable> all = new ArrayList<>();
    for (NeuronGroup g : c.groups()) {
      all.addAll(g.variables());
    }
    if (c.projection() != null) {
      all.addAll(c.projection().variables());
    }
    return all;
  }

  /** Where {@code b} first differs from {@code a} (relative {@code tolerance}, 0: bits), or null. */
  private static String compare(Copy a, Copy b, double tolerance) {
    List<Variable> va = variables(a);
    List<Variable> vb = variables(b);
    if (tolerance > 0) {
      for (int g = 0; g < a.groups().size(); g++) {
        if (!Arrays.equals(a.groups().get(g).spike, b.groups().get(g).spike)) {
          return null; // a threshold met within an ulp: inconclusive, not a difference
        }
      }
    }
    for (int n = 0; n < va.size(); n++) {
      Variable x = va.get(n);
      Variable y = vb.get(n);
      if (x.kind() == Variable.Kind.INPUT) {
        continue; // cleared after the step; what was added is seen in the states
      }
      for (int i = 0; i < x.size(); i++) {
        double p = x.get(i);
        double q = y.get(i);
        boolean same = tolerance == 0
            ? Double.doubleToLongBits(p) == Double.doubleToLongBits(q)
            : (Double.isNaN(p) && Double.isNaN(q)) || p == q
                || Math.abs(p - q) <= tolerance * Math.max(1, Math.abs(p));
        if (!same) {
          return String.format(Locale.ROOT, "%s[%d] is %s (bits %016x) but %s (bits %016x) in %s",
              x.path(), i, q, Double.doubleToRawLongBits(q), p, Double.doubleToRawLongBits(p),
              a.way());
        }
      }
    }
    if (tolerance == 0) {
      for (int g = 0; g < a.groups().size(); g++) {
        int[] sa = a.groups().get(g).spikeIndices();
        int[] sb = b.groups().get(g).spikeIndices();
        if (!Arrays.equals(sa, sb)) {
          return a.groups().get(g).name() + " spike indices " + Arrays.toString(sb) + " but "
              + Arrays.toString(sa) + " in " + a.way();
        }
      }
    }
    return null;
  }

  private static boolean setMethod(Object groupOrProjection, Integrator method)
      throws ReflectiveOperationException {
    try {
      groupOrProjection.getClass().getMethod("method", Integrator.class)
          .invoke(groupOrProjection, method);
      return true;
    } catch (InvocationTargetException e) {
      if (method == Integrator.EXP_EULER && e.getCause() instanceof IllegalArgumentException) {
        return false; // a nonlinear model refuses EXP_EULER, as documented
      }
      throw e;
    }
  }

  /**
   * The random but shared conditions of a run: dt, per-element and group-wide parameter values,
   * initial states, constant inputs per element.
   */
  private static final class Setup {
    final double dt;
    private final Map<String, double[]> perElement = new java.util.LinkedHashMap<>();
    private final Map<String, Double> groupWide = new java.util.LinkedHashMap<>();
    private final Map<String, double[]> initial = new java.util.LinkedHashMap<>();
    private final Map<String, double[]> inputs = new java.util.LinkedHashMap<>();
    private final Map<String, double[]> drives = new java.util.LinkedHashMap<>();

    Setup(Random random, int size, FuzzModel model) {
      double[] steps = {0.05, 0.1, 0.2, 0.25};
      dt = steps[random.nextInt(steps.length)];
      boolean heterogeneous = random.nextBoolean();
      for (Map.Entry<String, Double> p : model.params().entrySet()) {
        String name = p.getKey();
        double base = p.getValue();
        boolean period = name.equals(model.refractory());
        int pick = random.nextInt(4);
        if (heterogeneous && pick < 2) {
          double[] values = new double[size];
          for (int i = 0; i < size; i++) {
            values[i] = period ? random.nextInt(5) * 0.25
                : base * (0.8 + 0.4 * random.nextDouble());
          }
          perElement.put(name, values);
        } else if (pick == 2) {
          groupWide.put(name, period ? random.nextInt(5) * 0.25
              : base * (0.8 + 0.4 * random.nextDouble()));
        }
      }
      for (String s : model.states()) {
        if (random.nextBoolean()) {
          initial.put(s, random.doubles(size, -2, 2).toArray());
        }
      }
      for (String in : model.inputs()) {
        inputs.put(in, random.doubles(size, -2, 12).toArray());
      }
    }

    void apply(Object target, int size) throws ReflectiveOperationException {
      for (Map.Entry<String, Double> p : groupWide.entrySet()) {
        target.getClass().getMethod(p.getKey(), double.class).invoke(target, p.getValue());
      }
      for (Map.Entry<String, double[]> p : perElement.entrySet()) {
        target.getClass().getMethod(p.getKey(), double[].class)
            .invoke(target, (Object) p.getValue().clone());
      }
      for (Map.Entry<String, double[]> s : initial.entrySet()) {
        double[] state = target instanceof NeuronGroup g ? g.doubles(s.getKey())
            : ((Projection) target).doubles(s.getKey());
        System.arraycopy(s.getValue(), 0, state, 0, size);
      }
    }

    void drive(Copy c) {
      for (NeuronGroup g : c.groups()) {
        double[] drive = drives.get(g.name());
        if (drive != null) {
          System.arraycopy(drive, 0, g.doubles("input"), 0, drive.length);
        }
        if (c.projection() == null) {
          for (Map.Entry<String, double[]> in : inputs.entrySet()) {
            System.arraycopy(in.getValue(), 0, g.doubles(in.getKey()), 0, g.size());
          }
        }
      }
    }
  }
}
