package io.brainstem.bench;

import io.brainstem.annotations.Integrator;
import io.brainstem.bench.models.CobaNeuronGroup;
import io.brainstem.bench.models.CubaNeuronGroup;
import io.brainstem.bench.models.ExcConductanceProjection;
import io.brainstem.bench.models.InhConductanceProjection;
import io.brainstem.bench.models.TraubHHGroup;
import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.network.Coupling;
import io.brainstem.mpi.DistributedNetwork;
import io.brainstem.mpi.Partition;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Variable;
import io.brainstem.sources.PoissonGroup;
import java.util.Locale;

/**
 * The benchmark networks, each the counterpart of one model of Brian2's {@code bench.py}: 80 %
 * excitatory ({@code E}) and 20 % inhibitory ({@code I}) neurons, every pair of populations
 * connected with probability {@code p = k / N} (so each neuron has about {@code k} inputs), dt 0.1 ms.
 * See docs/benchmarks.md for the equation-by-equation mapping.
 */
public final class BenchNetworks {
  /** The step of every model, ms (Brian2's defaultclock.dt). */
  public static final double DT = 0.1;

  private BenchNetworks() {}

  /** A network, with the constant inputs its model needs ({@code E.input} etc.), if any. */
  public record Bench(Network network, NeuronGroup e, NeuronGroup i, double inputE, double inputI) {}

  /** The model named as in bench.py: {@code coba}, {@code cuba}, {@code cobahh} or {@code einet}. */
  public static Bench build(String model, int n, double k, long seed) {
    return build(model, n, k, seed, Precision.DOUBLE);
  }

  /** As {@link #build(String, int, double, long)}, storing the state with {@code precision}. */
  public static Bench build(String model, int n, double k, long seed, Precision precision) {
    int ne = (int) Math.round(0.8 * n);
    double p = k / n;
    return switch (model.toLowerCase(Locale.ROOT)) {
      case "coba" -> coba(n, ne, p, seed, precision);
      case "cuba" -> cuba(n, ne, p, seed, precision);
      case "cobahh" -> cobahh(n, ne, p, seed, precision);
      case "einet" -> einet(ne, n - ne, p, seed, precision);
      case "einet-weighted" -> einetWeighted(ne, n - ne, p, seed, precision);
      case "song2000" -> song2000(seed, precision);
      case "stdp-ei" -> stdpEi(ne, n - ne, 125.0 / n, seed, precision);
      default -> throw new IllegalArgumentException("unknown model '" + model
          + "'; the models are coba, cuba, cobahh, einet, einet-weighted, song2000, stdp-ei");
    };
  }

  /**
   * Brian2's COBA: {@code v = El + (randn·5 − 5) mV}, {@code ge = randn·1.5 + 4},
   * {@code gi = randn·12 + 20}, weights 0.6 and 6.7 (units of g_leak).
   */
  static Bench coba(int n, int ne, double p, long seed, Precision precision) {
    Network net = new Network(precision);
    CobaNeuronGroup e = net.add(new CobaNeuronGroup("E", ne, precision));
    CobaNeuronGroup i = net.add(new CobaNeuronGroup("I", n - ne, precision));
    Rng rng = new Rng(seed);
    for (CobaNeuronGroup g : new CobaNeuronGroup[] {e, i}) {
      fillNormal(rng, g.variable("v"), -65, 5);
    }
    connect(net, e, i, p, seed, 0.6, 5, 6.7, 10, rng, 4, 1.5, 20, 12);
    return new Bench(net, e, i, 0, 0);
  }

  /**
   * One rank's part of {@link #coba} (docs/scaling.md): each rank owns a slice of E and of I, the
   * synapses onto it and the initial states drawn for the whole network then sliced, so that the
   * ranks together spike as {@code coba} does in one process.
   */
  public static DistributedNetwork cobaPart(int n, double k, long seed, Precision precision,
      Partition partition) {
    int ne = (int) Math.round(0.8 * n);
    int ni = n - ne;
    double p = k / n;
    DistributedNetwork net = new DistributedNetwork(partition, precision);
    CobaNeuronGroup e = net.addSlice(new CobaNeuronGroup("E", net.sliceSize(ne), precision), ne);
    CobaNeuronGroup i = net.addSlice(new CobaNeuronGroup("I", net.sliceSize(ni), precision), ni);
    Rng rng = new Rng(seed);
    net.setSlice(e.variable("v"), normals(rng, ne, -65, 5));
    net.setSlice(i.variable("v"), normals(rng, ni, -65, 5));
    NeuronGroup[] posts = {e, i};
    String[] names = {"E", "I"};
    for (int q = 0; q < 2; q++) {
      NeuronGroup post = posts[q];
      ExcConductanceProjection ex = net.add(new ExcConductanceProjection("E2" + names[q], net.all(e),
          post, net.onto(post, new FixedProb(p, seed + 1 + q))).w(0.6).tau(5));
      InhConductanceProjection in = net.add(new InhConductanceProjection("I2" + names[q], net.all(i),
          post, net.onto(post, new FixedProb(p, seed + 3 + q))).w(6.7).tau(10));
      // As connect(): ge and gi drawn alternately per neuron of the whole group, then sliced.
      int size = net.globalSize(post);
      double[] ge = new double[size];
      double[] gi = new double[size];
      double undoE = Math.exp(DT / 5);
      double undoI = Math.exp(DT / 10);
      for (int j = 0; j < size; j++) {
        ge[j] = rng.normal(4, 1.5) * undoE;
        gi[j] = rng.normal(20, 12) * undoI;
      }
      net.setSlice(ex.variable("g"), ge);
      net.setSlice(in.variable("g"), gi);
    }
    return net;
  }

  private static double[] normals(Rng rng, int n, double mean, double sd) {
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      out[j] = rng.normal(mean, sd);
    }
    return out;
  }

  /** Brian2's CUBA: {@code v = Vr + rand·(Vt − Vr)}, weights 1.62 mV and −9 mV, ge = gi = 0. */
  static Bench cuba(int n, int ne, double p, long seed, Precision precision) {
    Network net = new Network(precision);
    CubaNeuronGroup e = net.add(new CubaNeuronGroup("E", ne, precision));
    CubaNeuronGroup i = net.add(new CubaNeuronGroup("I", n - ne, precision));
    Rng rng = new Rng(seed);
    for (CubaNeuronGroup g : new CubaNeuronGroup[] {e, i}) {
      Variable v = g.variable("v");
      for (int j = 0; j < v.size(); j++) {
        v.set(j, rng.uniform(-60, -50));
      }
    }
    connect(net, e, i, p, seed, 60 * 0.27 / 10, 5, -20 * 4.5 / 10, 10, null, 0, 0, 0, 0);
    return new Bench(net, e, i, 0, 0);
  }

  /**
   * Brian2's COBAHH: {@code v = El + (randn·5 − 5) mV}, {@code ge = (randn·1.5 + 4)·10 nS},
   * {@code gi = (randn·12 + 20)·10 nS}, m = n = h = 0, weights 6 nS and 67 nS.
   */
  static Bench cobahh(int n, int ne, double p, long seed, Precision precision) {
    Network net = new Network(precision);
    TraubHHGroup e = net.add(new TraubHHGroup("E", ne, precision));
    TraubHHGroup i = net.add(new TraubHHGroup("I", n - ne, precision));
    Rng rng = new Rng(seed);
    for (TraubHHGroup g : new TraubHHGroup[] {e, i}) {
      fillNormal(rng, g.variable("v"), -65, 5);
    }
    connect(net, e, i, p, seed, 6, 5, 67, 10, rng, 40, 15, 200, 120);
    return new Bench(net, e, i, 0, 0);
  }

  /**
   * The four conductance projections E→E, E→I (weight we, decay taue) and I→E, I→I (wi, taui).
   * With {@code rng}, the conductances start at {@code N(ge0, geSd)} and {@code N(gi0, giSd)} per
   * postsynaptic neuron, divided by one step's decay because a projection decays before it
   * delivers: the neuron then sees exactly the drawn value in its first step, as in Brian2.
   */
  private static void connect(Network net, NeuronGroup e, NeuronGroup i, double p, long seed,
      double we, double taue, double wi, double taui,
      Rng rng, double ge0, double geSd, double gi0, double giSd) {
    NeuronGroup[] posts = {e, i};
    for (int q = 0; q < 2; q++) {
      NeuronGroup post = posts[q];
      ExcConductanceProjection ex = net.add(
          new ExcConductanceProjection(e, post, new FixedProb(p, seed + 1 + q)).w(we).tau(taue));
      InhConductanceProjection in = net.add(
          new InhConductanceProjection(i, post, new FixedProb(p, seed + 3 + q)).w(wi).tau(taui));
      if (rng != null) {
        double undoE = Math.exp(DT / taue);
        double undoI = Math.exp(DT / taui);
        Variable ge = ex.variable("g");
        Variable gi = in.variable("g");
        for (int j = 0; j < post.size(); j++) {
          ge.set(j, rng.normal(ge0, geSd) * undoE);
          gi.set(j, rng.normal(gi0, giSd) * undoI);
        }
      }
    }
  }

  /**
   * The seed's EINet (examples/EINet) with connection probability {@code p}: LIF neurons, four
   * ExpCoba projections, 20 mV input; at 3200 + 800 neurons, p = 0.02 and seed 42 it is that network
   * exactly (a test checks it spike for spike).
   */
  static Bench einet(int numExc, int numInh, double p, long seed, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", numExc, precision));
    LifGroup i = net.add(lif("I", numInh, precision));
    Rng rng = new Rng(seed);
    fillNormal(rng, e.variable("V"), -55., 2.);
    fillNormal(rng, i.variable("V"), -55., 2.);
    net.add(exp(e, e, p, seed + 1).E(0.).g_max(0.6).tau(5.));
    net.add(exp(e, i, p, seed + 2).E(0.).g_max(0.6).tau(5.));
    net.add(exp(i, e, p, seed + 3).E(-80.).g_max(6.7).tau(10.));
    net.add(exp(i, i, p, seed + 4).E(-80.).g_max(6.7).tau(10.));
    return new Bench(net, e, i, 20, 20);
  }

  /**
   * {@link #einet} with one weight per synapse ({@code WeightedExpCoba}), every weight set to the
   * einet's g_max, so it spikes as the einet does: the cost of per-synapse weights alone.
   */
  static Bench einetWeighted(int numExc, int numInh, double p, long seed, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", numExc, precision));
    LifGroup i = net.add(lif("I", numInh, precision));
    Rng rng = new Rng(seed);
    fillNormal(rng, e.variable("V"), -55., 2.);
    fillNormal(rng, i.variable("V"), -55., 2.);
    net.add(weighted(e, e, p, seed + 1).E(0.).w(0.6).tau(5.));
    net.add(weighted(e, i, p, seed + 2).E(0.).w(0.6).tau(5.));
    net.add(weighted(i, e, p, seed + 3).E(-80.).w(6.7).tau(10.));
    net.add(weighted(i, i, p, seed + 4).E(-80.).w(6.7).tau(10.));
    return new Bench(net, e, i, 20, 20);
  }

  /**
   * Brian2's {@code examples/synapses/STDP.py} (bench/brian2_plastic.py {@code song2000}): 1000
   * Poisson inputs at 15 Hz onto one LIF through additive STDP, euler, the conductance integrated
   * with the membrane as Brian2 does ({@code Coupling.STAGED}); weights uniform in [0, gmax).
   * {@code e} is the neuron, {@code i} the inputs.
   */
  static Bench song2000(long seed, Precision precision) {
    Network net = new Network(precision);
    PoissonGroup input = net.add(new PoissonGroup("input", 1000, 15, seed));
    LifGroup neuron = net.add(new LifGroup("E", 1, precision).V_rest(-74).V_reset(-60).V_th(-54)
        .tau(10).method(Integrator.EULER));
    neuron.variable("V").set(0, -60);
    double gmax = 0.01;
    StdpSong2000Projection s = net.add(new StdpSong2000Projection("S", input, neuron, new All2All())
        .tau(5).E(0).gmax(gmax).dApre(0.01 * gmax).dApost(-1.05 * 0.01 * gmax).tau_pre(20)
        .tau_post(20).coupling(Coupling.STAGED));
    Rng rng = new Rng(seed);
    Variable w = s.variable("w");
    for (int j = 0; j < w.size(); j++) {
      w.set(j, rng.uniform(0, gmax));
    }
    return new Bench(net, neuron, input, 0, 0);
  }

  /**
   * The einet with fan-in 125 (p = 125/N: 100 E and 25 I partners), weights scaled by 80/125, and
   * additive STDP on E→E (w in [0, 2 we], starting at we), as bench/brian2_plastic.py {@code stdp-ei}.
   */
  static Bench stdpEi(int numExc, int numInh, double p, long seed, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", numExc, precision));
    LifGroup i = net.add(lif("I", numInh, precision));
    Rng rng = new Rng(seed);
    fillNormal(rng, e.variable("V"), -55., 2.);
    fillNormal(rng, i.variable("V"), -55., 2.);
    double we = 0.6 * 80 / 125;
    double wi = 6.7 * 80 / 125;
    double wmax = 2 * we;
    StdpSong2000Projection ee = net.add(new StdpSong2000Projection("E2E", e, e, new FixedProb(p, seed + 1))
        .tau(5).E(0).gmax(wmax).dApre(0.01 * wmax).dApost(-1.05 * 0.01 * wmax).tau_pre(20).tau_post(20));
    Variable w = ee.variable("w");
    for (int j = 0; j < w.size(); j++) {
      w.set(j, we);
    }
    net.add(exp(e, i, p, seed + 2).E(0.).g_max(we).tau(5.));
    net.add(exp(i, e, p, seed + 3).E(-80.).g_max(wi).tau(10.));
    net.add(exp(i, i, p, seed + 4).E(-80.).g_max(wi).tau(10.));
    return new Bench(net, e, i, 20, 20);
  }

  private static WeightedExpCobaProjection weighted(LifGroup pre, LifGroup post, double prob,
      long seed) {
    return new WeightedExpCobaProjection(pre, post, new FixedProb(prob, seed))
        .method(Integrator.EXP_AUTO);
  }

  /** Normal draws in order, as {@code Rng.fillNormal} makes them, into a state of either precision. */
  private static void fillNormal(Rng rng, Variable v, double mean, double sd) {
    for (int j = 0; j < v.size(); j++) {
      v.set(j, rng.normal(mean, sd));
    }
  }

  private static LifGroup lif(String name, int size, Precision precision) {
    return new LifGroup(name, size, precision)
        .V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.)
        .method(Integrator.EXP_AUTO);
  }

  private static ExpCobaProjection exp(LifGroup pre, LifGroup post, double prob, long seed) {
    return new ExpCobaProjection(pre, post, new FixedProb(prob, seed)).method(Integrator.EXP_AUTO);
  }
}
