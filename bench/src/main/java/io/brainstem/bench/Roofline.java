package io.brainstem.bench;

import io.brainstem.math.Exprel;
import io.brainstem.math.VectorMath;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's limits that bound a kernel (docs/benchmarks.md, "Roofline"), measured in plain Java
 * on one thread: peak FMA throughput at the preferred vector width and at 256 bits, the cost of a
 * lane-wise division by a loop-invariant value (as a kernel's {@code / tau}), of
 * {@code exp}/{@code expm1} lane-wise (the Vector API's) and of the scalar {@code Math.exp}, the
 * cost of the exprel polynomial the vector kernels evaluate ({@link VectorMath#exprelTaylor}), and
 * the memory bandwidth of a STREAM triad over arrays far larger than the caches (and over arrays
 * in L2 and in L3), the scalar division; then the FMA peak
 * and the triad on two threads at once (their sums), the ceiling of {@code threads(2)}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... io.brainstem.bench.Roofline [--seconds 0.5]
 * </pre>
 *
 * Prints one line {@code RESULT {json}}. Each figure is the best of five timed repetitions after a
 * warm-up, each timed by the thread's CPU time (so another process on the core inflates it less
 * than the wall time), and every result feeds a printed checksum so C2 cannot drop the work.
 * Run it with {@code -XX:UseAVX=2} to see an AVX2 machine on an AVX-512 one.
 */
public final class Roofline {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final VectorSpecies<Double> PREFERRED = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> S256 = DoubleVector.SPECIES_256;
  /** Elements of the exp and exprel probes: in L1, so they measure arithmetic, not memory. */
  private static final int SMALL = 2048;
  /** Elements of each triad array: 3 × 32 MB, far beyond the caches. */
  private static final int BIG = 4 << 20;
  private static double sink;

  private Roofline() {}

  /** Measures and prints the figures. */
  public static void main(String[] args) {
    double seconds = args.length == 2 && args[0].equals("--seconds")
        ? Double.parseDouble(args[1]) : 0.5;
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("lanes_preferred", PREFERRED.length());
    res.put("fma_gflops_preferred", fmaGflops(PREFERRED, seconds));
    res.put("fma_gflops_256", fmaGflops(S256, seconds));
    double[] x = new double[SMALL];
    double[] y = new double[SMALL];
    for (int i = 0; i < SMALL; i++) {
      x[i] = -0.4 + 0.8 * i / SMALL; // the range of -dt/tau in a kernel, and of a membrane's exp
    }
    res.put("vector_exp_ns", best(seconds, () -> vectorExp(x, y)));
    res.put("vector_expm1_ns", best(seconds, () -> vectorExpm1(x, y)));
    res.put("scalar_exp_ns", best(seconds, () -> scalarExp(x, y)));
    res.put("vector_div_ns", best(seconds, () -> vectorDiv(x, y, 20.0)));
    res.put("scalar_div_ns", best(seconds, () -> scalarDiv(x, y, 20.0)));
    res.put("vector_exprel_polynomial_ns", best(seconds, () -> vectorExprel(x, y)));
    res.put("scalar_exprel_ns", best(seconds, () -> scalarExprel(x, y)));
    res.put("triad_gb_s", triadGbS(seconds, BIG));
    // 3 × 128 KB: in one core's 512 KB L2; 3 × 2 MB: beyond L2, in the 32 MB L3 (a 40k network's
    // state is ~2 MB); Zen 3 sizes, elsewhere these are just the two middle levels' neighbourhoods.
    res.put("triad_l2_gb_s", triadGbS(seconds, 16 << 10));
    res.put("triad_l3_gb_s", triadGbS(seconds, 256 << 10));
    // Both cores at once: whether two threads double the throughput (threads(2)'s ceiling).
    res.put("fma_gflops_preferred_2threads", onTwoThreads(() -> fmaGflops(PREFERRED, seconds)));
    res.put("triad_gb_s_2threads", onTwoThreads(() -> triadGbS(seconds, BIG)));
    res.put("checksum", sink);
    StringBuilder json = new StringBuilder("{");
    res.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k)
        .append("\": ").append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v));
    System.out.println("RESULT " + json.append('}'));
  }

  /** The sum of {@code probe}'s results on two threads started together. */
  private static double onTwoThreads(java.util.function.DoubleSupplier probe) {
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    double[] out = new double[2];
    Thread[] threads = new Thread[2];
    for (int t = 0; t < 2; t++) {
      int k = t;
      threads[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
          throw new IllegalStateException(e);
        }
        out[k] = probe.getAsDouble();
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return out[0] + out[1];
  }

  /** A probe: runs its loop once over its data and returns the elements it processed. */
  private interface Probe {
    long run();
  }

  /**
   * CPU ns per element of {@code probe}, the best of five repetitions of about {@code seconds}/5
   * each, after one warm-up repetition.
   */
  private static double best(double seconds, Probe probe) {
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 6; rep++) {
      long elements = 0;
      long start = CPU.getCurrentThreadCpuTime();
      long end;
      do {
        for (int k = 0; k < 64; k++) { // the clock read costs as much as a short probe
          elements += probe.run();
        }
        end = CPU.getCurrentThreadCpuTime();
      } while (end - start < seconds * 1e9 / 5);
      if (rep > 0) {
        best = Math.min(best, (double) (end - start) / elements);
      }
    }
    return best;
  }

  /**
   * Gflop/s of independent FMA chains (two flops per lane): twelve accumulators hide latency. One
   * method per species, each with its species a constant, as C2 needs to emit vector instructions.
   */
  private static double fmaGflops(VectorSpecies<Double> s, double seconds) {
    double nsPerIteration = best(seconds,
        s == S256 ? () -> fmaChains256(100_000) : () -> fmaChainsPreferred(100_000));
    return 12.0 * 2 * s.length() / nsPerIteration;
  }

  private static long fmaChainsPreferred(int iterations) {
    DoubleVector a = DoubleVector.broadcast(PREFERRED, 0.999999);
    DoubleVector b = DoubleVector.broadcast(PREFERRED, 1e-9);
    DoubleVector c0 = DoubleVector.broadcast(PREFERRED, 1.0);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    DoubleVector c4 = c0;
    DoubleVector c5 = c0;
    DoubleVector c6 = c0;
    DoubleVector c7 = c0;
    DoubleVector c8 = c0;
    DoubleVector c9 = c0;
    DoubleVector c10 = c0;
    DoubleVector c11 = c0;
    for (int i = 0; i < iterations; i++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    sink += c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9)
        .add(c10).add(c11).reduceLanes(VectorOperators.ADD);
    return iterations;
  }


  private static long fmaChains256(int iterations) {
    DoubleVector a = DoubleVector.broadcast(S256, 0.999999);
    DoubleVector b = DoubleVector.broadcast(S256, 1e-9);
    DoubleVector c0 = DoubleVector.broadcast(S256, 1.0);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    DoubleVector c4 = c0;
    DoubleVector c5 = c0;
    DoubleVector c6 = c0;
    DoubleVector c7 = c0;
    DoubleVector c8 = c0;
    DoubleVector c9 = c0;
    DoubleVector c10 = c0;
    DoubleVector c11 = c0;
    for (int i = 0; i < iterations; i++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    sink += c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9)
        .add(c10).add(c11).reduceLanes(VectorOperators.ADD);
    return iterations;
  }

  private static long vectorExp(double[] x, double[] y) {
    int n = PREFERRED.loopBound(x.length);
    for (int i = 0; i < n; i += PREFERRED.length()) {
      DoubleVector.fromArray(PREFERRED, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
    }
    sink += y[7];
    return n;
  }

  private static long vectorExpm1(double[] x, double[] y) {
    int n = PREFERRED.loopBound(x.length);
    for (int i = 0; i < n; i += PREFERRED.length()) {
      DoubleVector.fromArray(PREFERRED, x, i).lanewise(VectorOperators.EXPM1).intoArray(y, i);
    }
    sink += y[7];
    return n;
  }

  /** A division by a loop-invariant value, as kernels divide by a time constant. */
  private static long vectorDiv(double[] x, double[] y, double tau) {
    int n = PREFERRED.loopBound(x.length);
    for (int i = 0; i < n; i += PREFERRED.length()) {
      DoubleVector.fromArray(PREFERRED, x, i).div(tau).intoArray(y, i);
    }
    sink += y[7];
    return n;
  }

  /**
   * The scalar division (what Brian2's generated C++ does, one element at a time): stored through
   * a permuted index, as C2 would otherwise vectorize the loop (and measure vdivpd again).
   */
  private static long scalarDiv(double[] x, double[] y, double tau) {
    final int mask = y.length - 1; // SMALL is a power of two; 5·i mod SMALL is a permutation
    for (int i = 0; i < x.length; i++) {
      y[(5 * i) & mask] = x[i] / tau;
    }
    sink += y[7];
    return x.length;
  }

  private static long scalarExp(double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(x[i]);
    }
    sink += y[7];
    return x.length;
  }

  private static long vectorExprel(double[] x, double[] y) {
    int n = PREFERRED.loopBound(x.length);
    for (int i = 0; i < n; i += PREFERRED.length()) {
      VectorMath.exprelTaylor(DoubleVector.fromArray(PREFERRED, x, i)).intoArray(y, i);
    }
    sink += y[7];
    return n;
  }

  private static long scalarExprel(double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] = Exprel.exprel(x[i]);
    }
    sink += y[7];
    return x.length;
  }

  /** GB/s of {@code a[i] = b[i] + s·c[i]} (24 bytes per element, as STREAM counts them). */
  private static double triadGbS(double seconds, int size) {
    double[] a = new double[size];
    double[] b = new double[size];
    double[] c = new double[size];
    java.util.Arrays.fill(b, 1.0);
    java.util.Arrays.fill(c, 2.0);
    double ns = best(Math.max(seconds, 1.0), () -> {
      for (int i = 0; i < a.length; i++) {
        a[i] = b[i] + 3.0 * c[i];
      }
      sink += a[size / 2];
      return a.length;
    });
    return 24.0 / ns;
  }
}
