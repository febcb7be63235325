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
 * A trial, not a kernel of the runtime (issue 16, docs/benchmarks-history.md "Roofline on the AVX2
 * machine"): the bench COBA (or CUBA, or EINet) written by hand as a whole-network code generator
 * such as Brian2's would, each group and its two incoming conductances (currents) in <b>one</b>
 * vector loop, to measure what fusing the kernels and their passes over memory would gain (EINet:
 * the constant input and the two projections' outputs summed in registers, no input array).
 *
 * <p>{@code exact}: every lane's operations are those of the generated kernels in their order
 * (divisions included), so it equals the real network bit for bit (FusedCobaTest checks it). The
 * trick that keeps it exact: the loop stores each conductance already decayed for the next step,
 * and the step's spikes are then added to it, as the projection adds them after its decay.
 * {@code !exact}: also every division by a group-wide parameter as a multiplication by its
 * reciprocal, and the decay as one multiplication (Brian2's {@code ge *= exp(-dt/taue)}); not bit
 * for bit (the test bounds the difference). {@code estrin}: COBA's exprel by Estrin's scheme, to
 * measure what a shorter dependent chain gains (other rounding; bounded by the test as well).
 *
 * <pre>
 * FusedCoba [coba|cuba|einet] [N 4000] [steps 2000] [rounds 5]
 * </pre>
 * prints, per round, the CPU ns per neuron-step of the real network's step (projections, then
 * groups, as PhaseTiming steps it), of the exact fused step and of the reciprocal one.
 */
public final class FusedCoba {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private final Part[] parts;
  private final boolean cuba;
  private final boolean einet;
  private final boolean exact;
  private final boolean estrin;
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
    double fac; // CUBA's and EINet's group-wide exponential-Euler factor
    double r; // EINet: Lif's R
    double inputConst; // EINet: the constant input (the runner's, added first)
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

  /**
   * A fused copy of {@code bench} ({@link BenchNetworks} "coba", "cuba" or "einet") in its state
   * (it must not have stepped yet: the conductances are taken as initial values).
   */
  public FusedCoba(BenchNetworks.Bench bench, double dt, boolean exact) {
    this(bench, dt, exact, false);
  }

  /**
   * As {@link #FusedCoba(BenchNetworks.Bench, double, boolean)}; with {@code estrin}, COBA's
   * exprel polynomial by Estrin's scheme (4 FMAs deep instead of Horner's 14; other rounding).
   */
  public FusedCoba(BenchNetworks.Bench bench, double dt, boolean exact, boolean estrin) {
    this.estrin = estrin;
    this.cuba = bench.e() instanceof io.brainstem.bench.models.CubaNeuronGroup;
    this.einet = bench.e() instanceof io.brainstem.models.LifGroup;
    if (!cuba && !einet && !(bench.e() instanceof io.brainstem.bench.models.CobaNeuronGroup)) {
      throw new IllegalArgumentException("FusedCoba takes BenchNetworks' coba, cuba or einet, not "
          + "a " + bench.e().getClass().getSimpleName() + " network");
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
    parts[0].inputConst = bench.inputE();
    parts[1].inputConst = bench.inputI();
    double w0 = Double.NaN;
    double w1 = Double.NaN;
    for (Projection p : net.projections()) {
      int post = p.post() == e ? 0 : 1;
      boolean fromE = p.pre() == e;
      Part part = parts[post];
      double tau = p.params().scalar(p.params().indexOf("tau"));
      double w = p.params().scalar(p.params().indexOf(einet ? "g_max" : "w"));
      double fac = dt * Exprel.exprel(dt * (-1.0 / tau)); // the projection kernel's factor
      if (fromE) {
        part.gE = p.doubles("g").clone();
        part.tauE = tau;
        part.facE = fac;
        part.decayE = 1.0 + (-1.0 / tau) * fac;
        part.ee = einet ? p.params().scalar(p.params().indexOf("E")) : part.ee;
        w0 = w;
        rows[post] = p.csr();
      } else {
        part.gI = p.doubles("g").clone();
        part.tauI = tau;
        part.facI = fac;
        part.decayI = 1.0 + (-1.0 / tau) * fac;
        part.ei = einet ? p.params().scalar(p.params().indexOf("E")) : part.ei;
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
    p.tLast = g.doubles("t_last_spike").clone();
    p.spikes = new int[g.size()];
    if (einet) { // Lif: (-V + V_rest + R * input) / tau, V >= V_th
      p.v = g.doubles("V").clone();
      p.taum = param(g, "tau");
      p.el = param(g, "V_rest");
      p.vt = param(g, "V_th");
      p.vr = param(g, "V_reset");
      p.r = param(g, "R");
      p.hold = ((io.brainstem.models.LifGroup) g).refractoryRule()
          .holdTime(param(g, "tau_ref"), dt);
      p.fac = dt * Exprel.exprel(dt * (-1.0 / p.taum)); // the Lif kernel's factor
      return p;
    }
    p.v = g.doubles("v").clone();
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
    loops();
    deliver();
  }

  private void loops() {
    double t = step++ * dt;
    for (Part p : parts) {
      p.spikeCount = loop(p, t);
    }
  }

  /** Delivers the last step's spikes; returns the events (synapses walked). */
  private long deliver() {
    return deliver(parts[0].spikes, parts[0].spikeCount, rows[0], parts[0].gE, we)
        + deliver(parts[0].spikes, parts[0].spikeCount, rows[1], parts[1].gE, we)
        + deliver(parts[1].spikes, parts[1].spikeCount, rows[2], parts[0].gI, wi)
        + deliver(parts[1].spikes, parts[1].spikeCount, rows[3], parts[1].gI, wi);
  }

  private static long deliver(int[] spikes, int count, Csr csr, double[] g, double w) {
    int[] indptr = csr.indptr();
    int[] indices = csr.indices();
    long events = 0;
    for (int s = 0; s < count; s++) {
      int i = spikes[s];
      events += indptr[i + 1] - indptr[i];
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        g[indices[k]] += w;
      }
    }
    return events;
  }

  /**
   * Where the fused step's time goes: medians over {@code steps} steps of the two fused loops and
   * of the delivery, wall ns (medians resist preemption), and the events delivered.
   */
  private String split(int steps) {
    long[] loops = new long[steps];
    long[] deliveries = new long[steps];
    long events = 0;
    for (int s = 0; s < steps; s++) {
      long t0 = System.nanoTime();
      loops();
      long t1 = System.nanoTime();
      events += deliver();
      loops[s] = t1 - t0;
      deliveries[s] = System.nanoTime() - t1;
    }
    Arrays.sort(loops);
    Arrays.sort(deliveries);
    int n = parts[0].v.length + parts[1].v.length;
    double perStep = events / (double) steps;
    return String.format(Locale.ROOT, "loops %.3f ns per neuron-step, delivery %.3f ns per "
        + "neuron-step (%.3f events per neuron-step, %.1f ns per event, medians)",
        loops[steps / 2] / (double) n, deliveries[steps / 2] / (double) n, perStep / n,
        deliveries[steps / 2] / Math.max(1, perStep));
  }

  private int loop(Part p, double t) {
    return einet ? loopEinet(p, t) : cuba ? loopCuba(p, t) : loopCoba(p, t);
  }

  private int loopEinet(Part p, double t) {
    final boolean exact = this.exact;
    final double[] gE = p.gE;
    final double[] gI = p.gI;
    final double[] vs = p.v;
    final double[] tLasts = p.tLast;
    final int[] spikes = p.spikes;
    final double[] lanes = this.lanes;
    final double tau = p.taum;
    final double rTau = 1.0 / tau;
    final double vRest = p.el;
    final double r = p.r;
    final double input0 = 0.0 + p.inputConst; // the runner adds it to the cleared input
    final double ee = p.ee;
    final double ei = p.ei;
    final double fac = p.fac;
    final double hold = p.hold;
    final double vt = p.vt;
    final double vr = p.vr;
    final double tauE = p.tauE;
    final double tauI = p.tauI;
    final double facE = p.facE;
    final double facI = p.facI;
    final double decayE = p.decayE;
    final double decayI = p.decayI;
    int count = 0;
    for (int j = 0; j < vs.length; j += S.length()) {
      final DoubleVector ge = DoubleVector.fromArray(S, gE, j);
      final DoubleVector gi = DoubleVector.fromArray(S, gI, j);
      DoubleVector v = DoubleVector.fromArray(S, vs, j);
      final DoubleVector tLast = DoubleVector.fromArray(S, tLasts, j);
      // input = 20, then each projection's input += g * (E - V), in the projections' order
      final DoubleVector input = DoubleVector.broadcast(S, input0)
          .add(ge.mul(DoubleVector.broadcast(S, ee).sub(v)))
          .add(gi.mul(DoubleVector.broadcast(S, ei).sub(v)));
      final VectorMask<Double> refractory =
          DoubleVector.broadcast(S, t).sub(tLast).compare(VectorOperators.LT, hold);
      final DoubleVector sum = v.neg().add(vRest).add(input.mul(r));
      final DoubleVector rate = exact ? sum.div(tau) : sum.mul(rTau);
      v = v.add(rate.mul(fac)).blend(v, refractory);
      final VectorMask<Double> spiked = v.compare(VectorOperators.GE, vt);
      if (spiked.anyTrue()) {
        v = v.blend(DoubleVector.broadcast(S, vr), spiked);
        tLast.blend(t, spiked).intoArray(tLasts, j);
        DoubleVector.zero(S).blend(1.0, spiked).intoArray(lanes, 0);
        for (int k = 0; k < S.length(); k++) {
          if (lanes[k] != 0.0) {
            spikes[count++] = j + k;
          }
        }
      }
      v.intoArray(vs, j);
      if (exact) {
        ge.add(ge.neg().div(tauE).mul(facE)).intoArray(gE, j);
        gi.add(gi.neg().div(tauI).mul(facI)).intoArray(gI, j);
      } else {
        ge.mul(decayE).intoArray(gE, j);
        gi.mul(decayI).intoArray(gI, j);
      }
    }
    return count;
  }

  // Every vector stays in one method (a vector passed to a method C2 does not inline is boxed).
  private int loopCuba(Part p, double t) {
    final boolean exact = this.exact;
    final double[] gE = p.gE;
    final double[] gI = p.gI;
    final double[] vs = p.v;
    final double[] tLasts = p.tLast;
    final int[] spikes = p.spikes;
    final double[] lanes = this.lanes;
    final double taum = p.taum;
    final double rTaum = 1.0 / taum;
    final double el = p.el;
    final double fac = p.fac;
    final double hold = p.hold;
    final double vt = p.vt;
    final double vr = p.vr;
    final double tauE = p.tauE;
    final double tauI = p.tauI;
    final double facE = p.facE;
    final double facI = p.facI;
    final double decayE = p.decayE;
    final double decayI = p.decayI;
    int count = 0;
    for (int j = 0; j < vs.length; j += S.length()) {
      final DoubleVector ge = DoubleVector.fromArray(S, gE, j);
      final DoubleVector gi = DoubleVector.fromArray(S, gI, j);
      DoubleVector v = DoubleVector.fromArray(S, vs, j);
      final DoubleVector tLast = DoubleVector.fromArray(S, tLasts, j);
      final VectorMask<Double> refractory =
          DoubleVector.broadcast(S, t).sub(tLast).compare(VectorOperators.LT, hold);
      final DoubleVector sum = ge.add(gi).sub(v.sub(el));
      final DoubleVector rate = exact ? sum.div(taum) : sum.mul(rTaum);
      v = v.add(rate.mul(fac)).blend(v, refractory);
      final VectorMask<Double> spiked = v.compare(VectorOperators.GT, vt);
      if (spiked.anyTrue()) {
        v = v.blend(DoubleVector.broadcast(S, vr), spiked);
        tLast.blend(t, spiked).intoArray(tLasts, j);
        // as the kernels record them (VectorMask.toLong is not an intrinsic on JDK 17)
        DoubleVector.zero(S).blend(1.0, spiked).intoArray(lanes, 0);
        for (int k = 0; k < S.length(); k++) {
          if (lanes[k] != 0.0) {
            spikes[count++] = j + k;
          }
        }
      }
      v.intoArray(vs, j);
      // the conductances decayed for the next step (the projection kernel's expression)
      if (exact) {
        ge.add(ge.neg().div(tauE).mul(facE)).intoArray(gE, j);
        gi.add(gi.neg().div(tauI).mul(facI)).intoArray(gI, j);
      } else {
        ge.mul(decayE).intoArray(gE, j);
        gi.mul(decayI).intoArray(gI, j);
      }
    }
    return count;
  }

  /**
   * COBA in two loops per block of {@link #BLOCK}: the exprel factors (and the rare far lanes in
   * scalar), then everything else, conductances included, in one loop. A first version in one
   * loop, with the far lanes and the decay in methods taking vectors, ran 3.4× slower than the
   * real kernels (vectors boxed where C2 did not inline).
   */
  private int loopCoba(Part p, double t) {
    int count = 0;
    for (int b = 0; b < p.v.length; b += BLOCK) {
      final int e = Math.min(p.v.length, b + BLOCK);
      if (factors(p, b, e) != 0) {
        far(b, e);
      }
      count = updateCoba(p, t, b, e, count);
    }
    return count;
  }

  private static final int BLOCK = 256;
  private final double[] lanes = new double[S.length()];
  private final double[] carryZ = new double[BLOCK];
  private final double[] carryFac = new double[BLOCK];

  /** z and dt·exprel(z) of the block into the carries; returns the lanes with |z| >= 0.5. */
  private int factors(Part p, int from, int to) {
    final boolean exact = this.exact;
    final double[] gE = p.gE;
    final double[] gI = p.gI;
    final double taum = p.taum;
    final double rTaum = 1.0 / taum;
    final double dt = this.dt;
    int farLanes = 0;
    for (int j = from; j < to; j += S.length()) {
      final DoubleVector ge = DoubleVector.fromArray(S, gE, j);
      final DoubleVector gi = DoubleVector.fromArray(S, gI, j);
      final DoubleVector zSum = ge.neg().sub(gi).sub(1.0);
      final DoubleVector z = (exact ? zSum.div(taum) : zSum.mul(rTaum)).mul(dt);
      (estrin ? exprelEstrin(z) : VectorMath.exprelTaylor(z)).mul(dt)
          .intoArray(carryFac, j - from);
      z.intoArray(carryZ, j - from);
      farLanes += z.abs().compare(VectorOperators.LT, 0.5).not().trueCount();
    }
    return farLanes;
  }

  /** exprel's degree-14 Taylor polynomial (Exprel's coefficients) by Estrin's scheme. */
  static DoubleVector exprelEstrin(DoubleVector z) {
    final DoubleVector z2 = z.mul(z);
    final DoubleVector z4 = z2.mul(z2);
    final DoubleVector z8 = z4.mul(z4);
    final DoubleVector q0 = z.fma(Exprel.TAYLOR_1, Exprel.TAYLOR_0);
    final DoubleVector q1 = z.fma(Exprel.TAYLOR_3, Exprel.TAYLOR_2);
    final DoubleVector q2 = z.fma(Exprel.TAYLOR_5, Exprel.TAYLOR_4);
    final DoubleVector q3 = z.fma(Exprel.TAYLOR_7, Exprel.TAYLOR_6);
    final DoubleVector q4 = z.fma(Exprel.TAYLOR_9, Exprel.TAYLOR_8);
    final DoubleVector q5 = z.fma(Exprel.TAYLOR_11, Exprel.TAYLOR_10);
    final DoubleVector q6 = z.fma(Exprel.TAYLOR_13, Exprel.TAYLOR_12);
    final DoubleVector r0 = q1.fma(z2, q0);
    final DoubleVector r1 = q3.fma(z2, q2);
    final DoubleVector r2 = q5.fma(z2, q4);
    final DoubleVector r3 = z2.fma(z2.broadcast(Exprel.TAYLOR_14), q6);
    final DoubleVector s0 = r1.fma(z4, r0);
    final DoubleVector s1 = r3.fma(z4, r2);
    return s1.fma(z8, s0);
  }

  private int updateCoba(Part p, double t, int from, int to, int count) {
    final boolean exact = this.exact;
    final double[] gE = p.gE;
    final double[] gI = p.gI;
    final double[] vs = p.v;
    final double[] tLasts = p.tLast;
    final int[] spikes = p.spikes;
    final double[] lanes = this.lanes;
    final double taum = p.taum;
    final double rTaum = 1.0 / taum;
    final double ee = p.ee;
    final double ei = p.ei;
    final double el = p.el;
    final double iExt = p.iExt;
    final double hold = p.hold;
    final double vt = p.vt;
    final double vr = p.vr;
    final double tauE = p.tauE;
    final double tauI = p.tauI;
    final double facE = p.facE;
    final double facI = p.facI;
    final double decayE = p.decayE;
    final double decayI = p.decayI;
    for (int j = from; j < to; j += S.length()) {
      final DoubleVector ge = DoubleVector.fromArray(S, gE, j);
      final DoubleVector gi = DoubleVector.fromArray(S, gI, j);
      DoubleVector v = DoubleVector.fromArray(S, vs, j);
      final DoubleVector tLast = DoubleVector.fromArray(S, tLasts, j);
      final DoubleVector fac = DoubleVector.fromArray(S, carryFac, j - from);
      // the neuron kernel's expressions, in its order
      final DoubleVector sum = ge.mul(DoubleVector.broadcast(S, ee).sub(v))
          .add(gi.mul(DoubleVector.broadcast(S, ei).sub(v))).sub(v.sub(el)).add(iExt);
      final DoubleVector rate = exact ? sum.div(taum) : sum.mul(rTaum);
      final VectorMask<Double> refractory =
          DoubleVector.broadcast(S, t).sub(tLast).compare(VectorOperators.LT, hold);
      v = v.add(fac.mul(rate)).blend(v, refractory);
      final VectorMask<Double> spiked = v.compare(VectorOperators.GT, vt);
      if (spiked.anyTrue()) {
        v = v.blend(DoubleVector.broadcast(S, vr), spiked);
        tLast.blend(t, spiked).intoArray(tLasts, j);
        // as the kernels record them (VectorMask.toLong is not an intrinsic on JDK 17)
        DoubleVector.zero(S).blend(1.0, spiked).intoArray(lanes, 0);
        for (int k = 0; k < S.length(); k++) {
          if (lanes[k] != 0.0) {
            spikes[count++] = j + k;
          }
        }
      }
      v.intoArray(vs, j);
      if (exact) {
        ge.add(ge.neg().div(tauE).mul(facE)).intoArray(gE, j);
        gi.add(gi.neg().div(tauI).mul(facI)).intoArray(gI, j);
      } else {
        ge.mul(decayE).intoArray(gE, j);
        gi.mul(decayI).intoArray(gI, j);
      }
    }
    return count;
  }

  /** The first decay of the initial conductances (the constructor's; not timed). */
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
  private void far(int from, int to) {
    for (int k = 0; k < to - from; k++) {
      if (!(Math.abs(carryZ[k]) < 0.5)) {
        carryFac[k] = dt * Exprel.exprel(carryZ[k]);
      }
    }
  }

  /** Plans {@code bench}'s outputs as PhaseTiming does (its constant inputs written first). */
  public static void plan(BenchNetworks.Bench bench) {
    bench.network().assignOutputs(bench.inputE() != 0
        ? Set.of(bench.e().variable("input"), bench.i().variable("input")) : Set.of());
  }

  /**
   * The real network's step as PhaseTiming takes it (after {@link #plan}): the constant inputs,
   * every projection, every group, the clear.
   */
  public static void realStep(BenchNetworks.Bench bench, int k, double dt) {
    if (bench.inputE() != 0) {
      add(bench.e().doubles("input"), bench.inputE());
      add(bench.i().doubles("input"), bench.inputI());
    }
    realStep(bench.network(), k, dt);
    bench.network().clearUnassignedInputs();
  }

  private static void add(double[] input, double value) {
    for (int j = 0; j < input.length; j++) {
      input[j] += value;
    }
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
    plan(real);
    FusedCoba fused = new FusedCoba(BenchNetworks.build(model, n, 80, 1), dt, true);
    FusedCoba recip = new FusedCoba(BenchNetworks.build(model, n, 80, 1), dt, false);
    FusedCoba estrin = new FusedCoba(BenchNetworks.build(model, n, 80, 1), dt, true, true);
    int[] k = {0};
    Runnable[] all = {
        () -> realStep(real, k[0]++, dt), fused::step, recip::step, estrin::step};
    String[] names = {"real kernels", "fused, exact", "fused, reciprocals", "fused, Estrin exprel"};
    // Estrin only changes COBA (CUBA has no exprel per element)
    Runnable[] runs = model.equals("coba") ? all : Arrays.copyOf(all, 3);
    for (Runnable r : runs) { // warm-up: 3000 steps each
      for (int s = 0; s < 3000; s++) {
        r.run();
      }
    }
    double[][] ns = new double[runs.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int c = 0; c < runs.length; c++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int s = 0; s < steps; s++) {
          runs[c].run();
        }
        ns[c][round] = (cpu.getCurrentThreadCpuTime() - t0) / (double) steps / n;
      }
    }
    System.out.printf(Locale.ROOT, "FusedCoba %s N=%d, %d steps x %d rounds, %s, %d lanes%n",
        model, n, steps, rounds, System.getProperty("java.version"), S.length());
    for (int c = 0; c < runs.length; c++) {
      double[] x = ns[c].clone();
      Arrays.sort(x);
      System.out.printf(Locale.ROOT, "  %-20s CPU ns per neuron-step: median %.3f  rounds %s%n",
          names[c], x[rounds / 2], Arrays.toString(ns[c]));
    }
    System.out.println("  fused, exact:       " + fused.split(steps));
    System.out.println("  fused, reciprocals: " + recip.split(steps));
  }
}
