package io.brainstem.network;

import io.brainstem.annotations.Integrator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans which synapses the groups' loops take over for the coming steps ({@link FusedInput}), and
 * keeps the plan: a group with a fused vector kernel, exp_auto and group-wide parameters, double
 * precision, not staged; per input, every projection writing it fusable (at most
 * {@link #MAX_SOURCES}, no delay) and no projection reading the input while the projections
 * update (a {@code @Post} field, a hand-written projection); and where it pays: two writers, or
 * one after a runner's input, or one that cannot assign its output. A lone writer that assigns
 * already integrates and writes the input in one pass, and the fold loop would add a store of
 * {@code g} (measured: CUBA 2–37 % slower fused; docs/benchmarks-history.md, "Fused inputs"). The input arrays hold the unfused
 * step's sums when the group has stepped, so monitors and listeners see the same values.
 *
 * <p>In the loop ({@link FusedInputs#inLoop()}), when the runner allows it (nothing reads the
 * input arrays or the synapses' {@code g} between steps: no monitor of them, no listener or NaN
 * check) and the kernel can: every input of the group has exactly one writer, a current
 * ({@code g}) that could assign its output, nothing writes the input first and no projection reads
 * it. Then that lone writer pays too: the
 * kernel takes its {@code g} as the input's value and stores only the next step's {@code g}
 * (CUBA, COBA). {@code g} is copied back when read ({@link #sync}).
 */
final class Fusion {
  /** Synapses per input the generated loops take. */
  static final int MAX_SOURCES = 2;

  private FusedInput[] active = new FusedInput[0];
  private final List<NeuronGroup> groups = new ArrayList<>();

  /**
   * Fuses what can be, given {@code writtenFirst} (what writes inputs before the projections);
   * returns the fused inputs nothing else writes, which need no clearing (the group's fold loop
   * overwrites them whole before anything reads them).
   */
  Set<Variable> plan(NeuronGroup[] groupArray, Projection[] projections, Set<Variable> writtenFirst,
      java.util.function.Predicate<double[]> read) {
    clear();
    Set<Variable> unread = new java.util.HashSet<>();
    List<FusedInput> fused = new ArrayList<>();
    Set<FusedInput> looped = new java.util.HashSet<>();
    Set<Variable> fieldReads = new java.util.HashSet<>();
    for (Projection p : projections) {
      fieldReads.addAll(p.fieldReads());
    }
    for (NeuronGroup g : groupArray) {
      NeuronKernel kernel = g.vectorKernel();
      if (kernel == null || !kernel.fuses() || g.precision() != Precision.DOUBLE || g.staged()
          || g.method() != Integrator.EXP_AUTO || g.params().heterogeneous()) {
        continue;
      }
      Map<Variable, List<Projection>> writers = new LinkedHashMap<>();
      boolean undeclared = false;
      for (Projection p : projections) {
        if (p.post() != g) {
          continue;
        }
        undeclared |= !p.outputDeclared();
        if (p.outputTarget() != null) {
          writers.computeIfAbsent(p.outputTarget(), v -> new ArrayList<>()).add(p);
        }
      }
      if (undeclared) {
        continue;
      }
      FusedInputs own = read != null && kernel.fusesInLoop()
          ? inLoop(g, kernel, writers, writtenFirst, fieldReads, read) : null;
      if (own != null) {
        for (Variable v : g.variables()) {
          if (v.kind() == Variable.Kind.INPUT) {
            FusedInput f = own.sources(v.name())[0];
            fused.add(f);
            looped.add(f);
            unread.add(v);
          }
        }
        g.fusedInputs(own);
        groups.add(g);
        continue;
      }
      List<String> names = new ArrayList<>();
      List<FusedInput[]> sources = new ArrayList<>();
      List<Boolean> base = new ArrayList<>();
      List<double[]> arrays = new ArrayList<>();
      for (Variable v : g.variables()) {
        if (v.kind() != Variable.Kind.INPUT || v.isBoolean() || v.isFloat()) {
          continue;
        }
        List<Projection> in = writers.getOrDefault(v, List.of());
        List<FusedInput> folded = new ArrayList<>();
        // One assigning writer already takes one pass; folding it in would add the g store.
        boolean pays = in.size() >= 2 || writtenFirst.contains(v)
            || (in.size() == 1 && !in.get(0).outputAssignable());
        boolean ok = !in.isEmpty() && in.size() <= MAX_SOURCES && !fieldReads.contains(v) && pays;
        for (Projection p : in) {
          FusedInput f = ok ? candidate(p, kernel) : null;
          ok &= f != null;
          folded.add(f);
        }
        names.add(v.name());
        arrays.add(v.doubles());
        sources.add(ok ? folded.toArray(new FusedInput[0]) : new FusedInput[0]);
        boolean starts = !ok || writtenFirst.contains(v);
        base.add(starts);
        if (ok) {
          fused.addAll(folded);
          if (!starts) {
            unread.add(v);
          }
        }
      }
      boolean[] b = new boolean[base.size()];
      for (int n = 0; n < b.length; n++) {
        b[n] = base.get(n);
      }
      FusedInputs inputs = new FusedInputs(names, sources.toArray(new FusedInput[0][]), b,
          arrays.toArray(new double[0][]), false);
      if (inputs.any()) {
        g.fusedInputs(inputs);
        groups.add(g);
      }
    }
    for (FusedInput f : fused) {
      f.unprime(looped.contains(f));
      f.projection().fuse(true);
    }
    active = fused.toArray(new FusedInput[0]);
    return unread;
  }

  /**
   * {@code g}'s inputs taken into its kernel's loop, when each has one writer, a current that could
   * assign, that nothing writes first and no projection reads; else null.
   */
  private static FusedInputs inLoop(NeuronGroup g, NeuronKernel kernel,
      Map<Variable, List<Projection>> writers, Set<Variable> writtenFirst,
      Set<Variable> fieldReads, java.util.function.Predicate<double[]> read) {
    List<String> names = new ArrayList<>();
    List<FusedInput[]> sources = new ArrayList<>();
    List<double[]> arrays = new ArrayList<>();
    for (Variable v : g.variables()) {
      if (v.kind() != Variable.Kind.INPUT) {
        continue;
      }
      List<Projection> in = writers.getOrDefault(v, List.of());
      if (v.isBoolean() || v.isFloat() || in.size() != 1 || !in.get(0).outputAssignable()
          || writtenFirst.contains(v) || fieldReads.contains(v) || read.test(v.doubles())) {
        return null;
      }
      FusedInput f = candidate(in.get(0), kernel);
      if (f == null || f.conductance || read.test(f.g)) {
        return null;
      }
      names.add(v.name());
      sources.add(new FusedInput[] {f});
      arrays.add(v.doubles());
    }
    if (names.isEmpty()) {
      return null;
    }
    return new FusedInputs(names, sources.toArray(new FusedInput[0][]), new boolean[names.size()],
        arrays.toArray(new double[0][]), true);
  }

  /** {@code p}'s folded form if its postsynaptic group's {@code kernel} can take it now, else null. */
  private static FusedInput candidate(Projection p, NeuronKernel kernel) {
    FusedInput f = p.fusable();
    if (f == null || p.vectorKernel() == null || p.staged() || p.precision() != Precision.DOUBLE
        || p.method() != Integrator.EXP_AUTO || p.params().heterogeneous()
        || p.hasSynapseDelays() || p.delaySteps() != 0 // delivered at the step's end: no delay
        || f.shape().reciprocal() != kernel.fusesByReciprocal()) { // the same decay, bit for bit
      return null;
    }
    if (f.conductance) {
      int state = kernel.fusedState(f.shape().post());
      if (state < 0) {
        return null;
      }
      f.bindPost(state, p.post().doubles(f.shape().post()));
    }
    return f;
  }

  /** Unfuses everything, each {@code g} first as the unfused step leaves it. */
  void clear() {
    sync();
    for (FusedInput f : active) {
      f.projection().fuse(false);
    }
    for (NeuronGroup g : groups) {
      g.fusedInputs(null);
    }
    groups.clear();
    active = new FusedInput[0];
  }

  /** Between a step's projections and groups: each fused synapse primed, its step's values. */
  void prepare(double dt) {
    for (FusedInput f : active) {
      f.prime();
      f.prepare(dt);
    }
  }

  /** Whether every fused input has had its plan's first step ({@link FusedInput#prime}). */
  boolean primed() {
    for (FusedInput f : active) {
      if (!f.primed()) {
        return false;
      }
    }
    return true;
  }

  /** After a step's groups: the in-loop synapses' arrays swap ({@link FusedInput#swap}). */
  void swap() {
    for (FusedInput f : active) {
      f.swap();
    }
  }

  /** Each in-loop {@code g} as the unfused step leaves it, for whatever reads it now. */
  void sync() {
    for (FusedInput f : active) {
      f.sync();
    }
  }

  /** What is fused, per group: {@code E: input <- EE, IE}. */
  List<String> describe() {
    List<String> out = new ArrayList<>();
    for (NeuronGroup g : groups) {
      out.add(g.name() + ": " + g.fusedInputs().describe());
    }
    return out;
  }
}
