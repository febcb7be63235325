package io.brainstem.bench.trial;

import io.brainstem.bench.BenchNetworks;
import io.brainstem.connectivity.Csr;
import io.brainstem.math.Exprel;
import io.brainstem.math.VectorMath;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A trial, not a kernel of the runtime (issue 16, docs/benchmarks.md "Roofline on the AVX2
 * machine"): the bench COBA (or CUBA) written by hand as a whole-network code generator such as
 * Brian2's would, each group and its two incoming conductances (currents) in <b>one</b> vector
 * loop, to measure what fusing the three kernels and their passes over memory would gain.
 *
 * <p>{@code exact}: every lane's operations are those of the generated kernels in their order
 * (divisions included), so it equals the real network bit for bit (FusedCobaTest checks it). The
 * trick that keeps it exact: the loop stores each conductance already decayed for the next step,
 * and the step's spikes are then added to it, as the projection adds them after its decay.
 * {@code !exact}: also every division by a group-wide parameter as a multiplication by its
 * reciprocal, and the decay as one multiplication (Brian2's {@code ge *= exp(-dt/taue)}); not bit
 * for bit (the test bounds the difference).
 *
 * <pre>
 * FusedCoba [coba|cuba] [N 4000] [steps 2000] [rounds 5]
 * </pre>
 * prints, per round, the CPU ns per neuron-step of the real network's step (projections, then
 * groups, as PhaseTiming steps it), of the exact fused step and of the reciprocal one.
 */
public final class FusedCoba {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private final Part[] parts;
  private final boolean cuba;
  private final boolean exact;
  private final double dt;
  private int step;

  /** One postsynaptic group: its state, its two incoming conductances and their rows. */
  private static final class Part {
    double[] v;
    double[] tLast;
    double[] gE;
    double[] gI;
    double taum;
    double el;
    double ee;
    double ei;
    double iExt;
    double vt;
    double vr;
    double hold;
    double fac; // CUBA's group-wide exponential-Euler factor
    double tauE;
    double tauI;
    double facE;
    double facI;
    double decayE;
    double decayI;
    int[] spikes;
    int spikeCount;
  }

  private final Csr[] rows = new Csr[4]; // E->E, E->I, I->E, I->I
  private final double we;
  private final double wi;
  private final double[] lanes = new double[S.length()];
  private final double[] lanesZ = new double[S.length()];

  /**
   * A fused copy of {@code bench} ({@link BenchNetworks} "coba" or "cuba") in its current state
   * (it must not have stepped yet: the conductances are taken as initial values).
   */
  public FusedCoba(BenchNetworks.Bench bench, double dt, boolean exact) {
    this.cuba = bench.e() instanceof io.brainstem.bench.models.CubaNeuronGroup;
    if (!cuba && !(bench.e() instanceof io.brainstem.bench.models.CobaNeuronGroup)) {
      throw new IllegalArgumentException("FusedCoba takes BenchNetworks' coba or cuba, not a "
          + bench.e().getClass().getSimpleName() + " network");
    }
    this.exact = exact;
    this.dt = dt;
    Network net = bench.network();
    NeuronGroup e = bench.e();
    NeuronGroup i = bench.i();
    if (e.size() % S.length() != 0 || i.size() % S.length() != 0) {
      throw new IllegalArgumentException("FusedCoba has no scalar tail: group sizes " + e.size()
          + " and " + i.size() + " must be multiples of " + S.length() + " lanes; pick another N");
    }
    parts = new Part[] {part(e), part(i)};
    double w0 = Double.NaN;
    double w1 = Double.NaN;
    for (Projection p : net.projections()) {
      int post = p.post() == e ? 0 : 1;
      boolean fromE = p.pre() == e;
      Part part = parts[post];
      double tau = p.params().scalar(p.params().indexOf("tau"));
      double w = p.params().scalar(p.params().indexOf("w"));
      double fac = dt * Exprel.exprel(dt * (-1.0 / tau)); // the projection kernel's factor
      if (fromE) {
        part.gE = p.doubles("g").clone();
        part.tauE = tau;
        part.facE = fac;
        part.decayE = 1.0 + (-1.0 / tau) * fac;
        w0 = w;
        rows[post] = p.csr();
      } else {
        part.gI = p.doubles("g").clone();
        part.tauI = tau;
        part.facI = fac;
        part.decayI = 1.0 + (-1.0 / tau) * fac;
        w1 = w;
        rows[2 + post] = p.csr();
      }
    }
    we = w0;
    wi = w1;
    // The real first step decays the initial conductances before anything reads them.
    for (Part p : parts) {
      for (int j = 0; j < p.v.length; j += S.length()) {
        decay(p, DoubleVector.fromArray(S, p.gE, j), DoubleVector.fromArray(S, p.gI, j), j);
      }
    }
  }

  private Part part(NeuronGroup g) {
    Part p = new Part();
    p.v = g.doubles("v").clone();
    p.tLast = g.doubles("t_last_spike").clone();
    p.taum = param(g, "taum");
    p.el = param(g, "El");
    p.vt = param(g, "Vt");
    p.vr = param(g, "Vr");
    if (cuba) {
      p.hold = ((io.brainstem.bench.models.CubaNeuronGroup) g).refractoryRule()
          .holdTime(param(g, "ref"), dt);
      p.fac = dt * Exprel.exprel(dt * (-1.0 / p.taum)); // the neuron kernel's factor
    } else {
      p.ee = param(g, "Ee");
      p.ei = param(g, "Ei");
      p.iExt = param(g, "I_ext");
      p.hold = ((io.brainstem.bench.models.CobaNeuronGroup) g).refractoryRule()
          .holdTime(param(g, "ref"), dt);
    }
    p.spikes = new int[g.size()];
    return p;
  }

  private static double param(NeuronGroup g, String name) {
    return g.params().scalar(g.params().indexOf(name));
  }

  /** The membrane potentials of group 0 (E) or 1 (I). */
  public double[] v(int group) {
    return parts[group].v;
  }

  /** The last spike times of group 0 (E) or 1 (I). */
  public double[] tLast(int group) {
    return parts[group].tLast;
  }

  /** Spikes of group 0 (E) or 1 (I) in the last step. */
  public int spikeCount(int group) {
    return parts[group].spikeCount;
  }

  /** One step at {@code t = step·dt}: both fused loops, then the spikes delivered. */
  public void step() {
    double t = step++ * dt;
    for (Part p : parts) {
      p.spikeCount = loop(p, t);
    }
    deliver(parts[0].spikes, parts[0].spikeCount, rows[0], parts[0].gE, we);
    deliver(parts[0].spikes, parts[0].spikeCount, rows[1], parts[1].gE, we);
    deliver(parts[1].spikes, parts[1].spikeCount, rows[2], parts[0].gI, wi);
    deliver(parts[1].spikes, parts[1].spikeCount, rows[3], parts[1].gI, wi);
  }

  private static void deliver(int[] spikes, int count, Csr csr, double[] g, double w) {
    int[] indptr = csr.indptr();
    int[] indices = csr.indices();
    for (int s = 0; s < count; s++) {
      int i = spikes[s];
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        g[indices[k]] += w;
      }
    }
  }

  private int loop(Part p, double t) {
    return cuba ? loopCuba(p, t) : loopCoba(p, t);
  }

  private int loopCuba(Part p, double t) {
    final double rTaum = 1.0 / p.taum;
    int count = 0;
    for (int j = 0; j < p.v.length; j += S.length()) {
      final DoubleVector ge = DoubleVector.fromArray(S, p.gE, j);
      final DoubleVector gi = DoubleVector.fromArray(S, p.gI, j);
      DoubleVector v = DoubleVector.fromArray(S, p.v, j);
      final DoubleVector tLast = DoubleVector.fromArray(S, p.tLast, j);
      final VectorMask<Double> refractory =
          DoubleVector.broadcast(S, t).sub(tLast).compare(VectorOperators.LT, p.hold);
      final DoubleVector sum = ge.add(gi).sub(v.sub(p.el));
      final DoubleVector rate = exact ? sum.div(p.taum) : sum.mul(rTaum);
      v = v.add(rate.mul(p.fac)).blend(v, refractory);
      count = spikes(p, v, tLast, t, j, count);
      decay(p, ge, gi, j);
    }
    return count;
  }

  /** Threshold, reset, the spike list; stores v. */
  private static int spikes(Part p, DoubleVector v, DoubleVector tLast, double t, int j,
      int count) {
    final VectorMask<Double> spiked = v.compare(VectorOperators.GT, p.vt);
    if (spiked.anyTrue()) {
      v = v.blend(DoubleVector.broadcast(S, p.vr), spiked);
      tLast.blend(t, spiked).intoArray(p.tLast, j);
      long bits = spiked.toLong();
      for (int k = 0; k < S.length(); k++) {
        if ((bits >>> k & 1) != 0) {
          p.spikes[count++] = j + k;
        }
      }
    }
    v.intoArray(p.v, j);
    return count;
  }

  private int loopCoba(Part p, double t) {
    final double taum = p.taum;
    final double rTaum = 1.0 / taum;
    int count = 0;
    for (int j = 0; j < p.v.length; j += S.length()) {
      final DoubleVector ge = DoubleVector.fromArray(S, p.gE, j);
      final DoubleVector gi = DoubleVector.fromArray(S, p.gI, j);
      DoubleVector v = DoubleVector.fromArray(S, p.v, j);
      final DoubleVector tLast = DoubleVector.fromArray(S, p.tLast, j);
      // the neuron kernel's expressions, in its order
      DoubleVector sum = ge.mul(DoubleVector.broadcast(S, p.ee).sub(v))
          .add(gi.mul(DoubleVector.broadcast(S, p.ei).sub(v))).sub(v.sub(p.el)).add(p.iExt);
      DoubleVector zSum = ge.neg().sub(gi).sub(1.0);
      final DoubleVector rate = exact ? sum.div(taum) : sum.mul(rTaum);
      final DoubleVector z = (exact ? zSum.div(taum) : zSum.mul(rTaum)).mul(dt);
      DoubleVector fac = VectorMath.exprelTaylor(z).mul(dt);
      if (z.abs().compare(VectorOperators.LT, 0.5).not().anyTrue()) {
        fac = far(z, fac);
      }
      final VectorMask<Double> refractory =
          DoubleVector.broadcast(S, t).sub(tLast).compare(VectorOperators.LT, p.hold);
      v = v.add(fac.mul(rate)).blend(v, refractory);
      count = spikes(p, v, tLast, t, j, count);
      decay(p, ge, gi, j);
    }
    return count;
  }

  /** The conductances decayed for the next step, stored (the projection kernel's expression). */
  private void decay(Part p, DoubleVector ge, DoubleVector gi, int j) {
    if (exact) {
      ge.add(ge.neg().div(p.tauE).mul(p.facE)).intoArray(p.gE, j);
      gi.add(gi.neg().div(p.tauI).mul(p.facI)).intoArray(p.gI, j);
    } else {
      ge.mul(p.decayE).intoArray(p.gE, j);
      gi.mul(p.decayI).intoArray(p.gI, j);
    }
  }

  /** Lanes with |z| >= 0.5: the scalar exprel, as the kernels' VectorMath.exprelFar. */
  private DoubleVector far(DoubleVector z, DoubleVector fac) {
    z.intoArray(lanesZ, 0);
    fac.intoArray(lanes, 0);
    for (int k = 0; k < S.length(); k++) {
      if (!(Math.abs(lanesZ[k]) < 0.5)) {
        lanes[k] = dt * Exprel.exprel(lanesZ[k]);
      }
    }
    return DoubleVector.fromArray(S, lanes, 0);
  }

  /** The real network's step as PhaseTiming takes it: every projection, then every group. */
  public static void realStep(Network net, int k, double dt) {
    double t = k * dt;
    for (Projection p : net.projections()) {
      p.update(t, dt, true);
    }
    for (NeuronGroup g : net.groups()) {
      g.update(t, dt, true);
    }
  }

  /** Times the three steps in alternated blocks, CPU time, and prints ns per neuron-step. */
  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "coba";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double dt = BenchNetworks.DT;
    BenchNetworks.Bench real = BenchNetworks.build(model, n, 80, 1);
    real.network().assignOutputs(Set.of());
    FusedCoba fused = new FusedCoba(BenchNetworks.build(model, n, 80, 1), dt, true);
    FusedCoba recip = new FusedCoba(BenchNetworks.build(model, n, 80, 1), dt, false);
    int[] k = {0};
    Runnable[] runs = {
        () -> realStep(real.network(), k[0]++, dt), fused::step, recip::step};
    String[] names = {"real kernels", "fused, exact", "fused, reciprocals"};
    for (Runnable r : runs) { // warm-up: 3000 steps each
      for (int s = 0; s < 3000; s++) {
        r.run();
      }
    }
    double[][] ns = new double[3][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int c = 0; c < 3; c++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int s = 0; s < steps; s++) {
          runs[c].run();
        }
        ns[c][round] = (cpu.getCurrentThreadCpuTime() - t0) / (double) steps / n;
      }
    }
    System.out.printf(Locale.ROOT, "FusedCoba %s N=%d, %d steps x %d rounds, %s, %d lanes%n",
        model, n, steps, rounds, System.getProperty("java.version"), S.length());
    for (int c = 0; c < 3; c++) {
      double[] x = ns[c].clone();
      Arrays.sort(x);
      System.out.printf(Locale.ROOT, "  %-20s CPU ns per neuron-step: median %.3f  rounds %s%n",
          names[c], x[rounds / 2], Arrays.toString(ns[c]));
    }
  }
}
