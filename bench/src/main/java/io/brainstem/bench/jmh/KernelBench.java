package io.brainstem.bench.jmh;

import io.brainstem.bench.models.CobaNeuronGroup;
import io.brainstem.bench.models.TraubHHGroup;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Exprel;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.NmdaCobaProjection;
import io.brainstem.network.Kernels;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One step of generated kernels over n elements, scalar and vector ({@code kernels}), state stored
 * as double or float ({@code precision}): the LIF
 * kernel (group-wide parameters, hoisted factor), the COBA neuron (a per-neuron exponential-Euler
 * factor), the Traub–HH neuron of COBAHH (six exp/expm1 per neuron); COBA and NMDA synapse
 * projections onto n neurons (their element loops, and the delivery of a COBA network's spikes);
 * LIF's {@code jit(false)} debug loop, and the exponential-Euler factor alone with {@link Exprel}
 * vs {@code Math.expm1}.
 * Run with bench/jmh.sh (the forks get {@code --add-modules jdk.incubator.vector}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBench {
  @Param({"4000"})
  public int n;

  /** {@code vector} or {@code scalar}: which generated kernels {@code jit} updates run. */
  @Param({"scalar", "vector"})
  public String kernels;

  /** {@code double} or {@code float}: how the groups store their state (arithmetic is double). */
  @Param({"double", "float"})
  public String precision;

  private LifGroup lif;
  private CobaNeuronGroup coba;
  private TraubHHGroup hh;
  private LifGroup pre;
  private ExpCobaProjection synapses;
  private NmdaCobaProjection nmda;
  /** Presynaptic spike lists, a different one each step (about 20 Hz at n = 4000). */
  private int[][] spikeLists;
  private int step;
  private double[] z;
  private double t;

  @Setup
  public void setUp() {
    Rng rng = new Rng(1);
    Precision p = Precision.valueOf(precision.toUpperCase(Locale.ROOT));
    lif = new LifGroup("E", n, p).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.);
    fill(lif.variable("V"), () -> rng.normal(-55, 2));
    fill(lif.variable("input"), () -> 12.0);
    coba = new CobaNeuronGroup("E", n, p);
    fill(coba.variable("v"), () -> rng.normal(-55, 2));
    fill(coba.variable("ge"), () -> rng.uniform(0, 1));
    fill(coba.variable("gi"), () -> rng.uniform(0, 2));
    hh = new TraubHHGroup("E", n, p);
    fill(hh.variable("v"), () -> rng.normal(-65, 5));
    fill(hh.variable("ge"), () -> rng.uniform(30, 50));
    fill(hh.variable("gi"), () -> rng.uniform(150, 250));
    boolean scalar = kernels.equals("scalar");
    for (NeuronGroup g : new NeuronGroup[] {lif, coba, hh}) {
      g.scalarKernels(scalar);
      if (!scalar && !g.kernels().startsWith("vector")) {
        throw new IllegalStateException("vector kernels do not run: " + Kernels.whyScalar());
      }
    }
    // n -> n COBA synapses with 80 inputs per neuron; 8 presynaptic spikes per step.
    pre = new LifGroup("P", n, p);
    LifGroup post = new LifGroup("Q", n, p);
    fill(post.variable("V"), () -> rng.normal(-55, 2));
    synapses = new ExpCobaProjection(pre, post, new FixedProb(80.0 / n, 2)).E(0.).g_max(0.6)
        .tau(5.);
    synapses.scalarKernels(scalar);
    nmda = new NmdaCobaProjection(pre, post, new FixedProb(80.0 / n, 3));
    nmda.scalarKernels(scalar);
    for (Projection projection : new Projection[] {synapses, nmda}) {
      if (!scalar && !projection.kernels().startsWith("vector")) {
        throw new IllegalStateException("vector kernels do not run: " + Kernels.whyScalar());
      }
    }
    spikeLists = new int[64][];
    int count = Math.max(1, n / 500);
    int stride = n / count;
    for (int s = 0; s < spikeLists.length; s++) {
      spikeLists[s] = new int[count];
      for (int c = 0; c < count; c++) {
        spikeLists[s][c] = c * stride + rng.nextInt(stride); // ascending, distinct
      }
    }
    z = new double[n];
    rng.fillUniform(z, -0.1, -0.005);
  }

  private static void fill(Variable v, DoubleSupplier values) {
    for (int i = 0; i < v.size(); i++) {
      v.set(i, values.getAsDouble());
    }
  }

  /** The generated LIF kernel over n neurons (returns the spike-list end). */
  @Benchmark
  public int lif() {
    t += 0.1;
    return lif.update(t, 0.1, 0, n, true);
  }

  /** The same step through the model's own methods ({@code jit(false)}). */
  @Benchmark
  public int lifDebug() {
    t += 0.1;
    return lif.update(t, 0.1, 0, n, false);
  }

  /** The COBA neuron: one exponential-Euler factor per neuron. */
  @Benchmark
  public int coba() {
    t += 0.1;
    return coba.update(t, 0.1, 0, n, true);
  }

  /** The Traub–HH neuron: four factors and six exp/expm1 per neuron. */
  @Benchmark
  public int traubHH() {
    t += 0.1;
    return hh.update(t, 0.1, 0, n, true);
  }

  /**
   * One step of the COBA synapses onto n neurons: decay g, deliver the step's presynaptic spikes
   * (scalar scatter), add g (E - V) to the input. {@code kernels} switches the two element loops;
   * both variants also pay setting the spike list (clearing n flags).
   */
  @Benchmark
  public void cobaSynapses() {
    t += 0.1;
    pre.setSpikes(spikeLists[step++ & 63]);
    synapses.update(t, 0.1, true);
  }

  /**
   * The same step of NMDA synapses: two states, g's exponential-Euler factor per element (its
   * slope depends on x), and the Mg block's exp in the output.
   */
  @Benchmark
  public void nmdaSynapses() {
    t += 0.1;
    pre.setSpikes(spikeLists[step++ & 63]);
    nmda.update(t, 0.1, true);
  }

  /** n factors with {@link Exprel#exprel}. */
  @Benchmark
  public void exprel(Blackhole bh) {
    double s = 0;
    for (double x : z) {
      s += Exprel.exprel(x);
    }
    bh.consume(s);
  }

  /** n factors with {@code Math.expm1(z)/z}, what Exprel did before (JNI on JDK 17). */
  @Benchmark
  public void expm1(Blackhole bh) {
    double s = 0;
    for (double x : z) {
      s += Math.expm1(x) / x;
    }
    bh.consume(s);
  }
}
