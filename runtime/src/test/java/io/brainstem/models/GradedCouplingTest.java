package io.brainstem.models;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.Csr;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.SynapseInit;
import io.brainstem.connectivity.Symmetric;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Graded coupling ({@code @Graded}): {@link RateProjection}, {@link TanhProjection} and
 * {@link GapJunction} against hand-computed references, the timing convention (values at the start
 * of the step), and bit-identity across kernels and thread counts.
 */
class GradedCouplingTest {
  private static final double DT = 0.1;

  /** A 3-unit recurrent rate network with weights given in CSR order (All2All: w[3·i + j]). */
  private static final double[] W = {0.0, 0.8, -1.1, 0.5, 0.0, 0.9, -0.7, 1.3, 0.0};

  private static MonitorResults runRates(LeakyTanhGroup units, RateProjectionProjection rec,
      int steps, boolean jit, int threads) {
    Network net = new Network();
    net.add(units);
    net.add(rec);
    try (DSRunner runner = DSRunner.builder(net).dt(DT).jit(jit).threads(threads)
        .monitors("rates.r", "rates.input").build()) {
      runner.run(steps * DT);
      return runner.mon();
    }
  }

  private static LeakyTanhGroup rates() {
    LeakyTanhGroup units = new LeakyTanhGroup("rates", 3).tau(2).bias(0.1);
    units.r[0] = 0.5;
    units.r[1] = -0.3;
    units.r[2] = 0.2;
    return units;
  }

  @Test
  void rateInputIsTheWeightedSumOfTheRatesAtTheStartOfTheStep() {
    LeakyTanhGroup units = rates();
    double[] r = units.r.clone();
    RateProjectionProjection rec = new RateProjectionProjection("rec", units, units, new All2All())
        .w(W);
    MonitorResults mon = runRates(units, rec, 40, true, 1);
    double[][] recordedR = mon.values("rates.r");
    double[][] recordedInput = mon.values("rates.input");
    double a = DT / 2;
    for (int k = 0; k < 40; k++) {
      double[] next = new double[3];
      for (int j = 0; j < 3; j++) {
        double input = 0;
        for (int i = 0; i < 3; i++) {
          input += W[3 * i + j] * r[i]; // ascending presynaptic order, as the projection sums
        }
        // the input of step k reads the rates at its start, bit for bit
        assertThat(recordedInput[k][j]).isEqualTo(input);
        // BrainPy's leaky reservoir update: r <- (1 - a) r + a tanh(W r + b), a = dt / tau
        next[j] = (1 - a) * r[j] + a * Math.tanh(input + 0.1);
      }
      for (int j = 0; j < 3; j++) {
        assertThat(recordedR[k][j]).isWithin(1e-14).of(next[j]);
      }
      r = recordedR[k];
    }
  }

  @Test
  void ratesAreBitIdenticalAcrossThreadCountsAndAgreeAcrossKernels() {
    // Each path gives the same bits on 1 and 2 threads. Between the generated kernels and
    // jit(false) LeakyTanh's vector loop may differ by an ulp per step: once C2 compiles it, its
    // tanh is the vector library's, not Math.tanh (docs/runners.md), so those agree within 1e-12.
    double[][] generated = null;
    for (boolean jit : new boolean[] {true, false}) {
      double[][] reference = null;
      for (int threads : new int[] {1, 2}) {
        LeakyTanhGroup units = new LeakyTanhGroup("rates", 50).tau(3);
        for (int i = 0; i < 50; i++) {
          units.r[i] = Math.sin(i);
        }
        RateProjectionProjection rec = new RateProjectionProjection("rec", units, units,
            new FixedProb(0.3, 7)).w(SynapseInit.normal(0, 1.5 / Math.sqrt(15)));
        double[][] r = runRates(units, rec, 30, jit, threads).values("rates.r");
        if (reference == null) {
          reference = r;
          assertThat(r[29][0]).isNotEqualTo(r[0][0]);
        } else {
          assertThat(r).isEqualTo(reference);
        }
      }
      if (generated == null) {
        generated = reference;
      } else {
        for (int k = 0; k < reference.length; k++) {
          for (int i = 0; i < reference[k].length; i++) {
            assertThat(reference[k][i]).isWithin(1e-12).of(generated[k][i]);
          }
        }
      }
    }
  }

  @Test
  void tanhProjectionAppliesTanhToThePresynapticState() {
    LeakyTanhGroup post = new LeakyTanhGroup("post", 1);
    // TanhProjection reads a presynaptic x: Wilson-Cowan's excitatory activity is one
    WilsonCowanGroup wc = new WilsonCowanGroup("wc", 2);
    wc.x[0] = 0.7;
    wc.x[1] = -2;
    TanhProjectionProjection syn = new TanhProjectionProjection("syn", wc, post, new All2All())
        .w(new double[] {0.25, -0.5});
    Network net = new Network();
    net.add(wc, post);
    net.add(syn);
    try (DSRunner runner = DSRunner.builder(net).dt(DT).monitors("post.input").build()) {
      runner.run(DT);
      assertThat(runner.mon().values("post.input")[0][0])
          .isEqualTo(0.25 * Math.tanh(0.7) + -0.5 * Math.tanh(-2));
    }
  }

  @Test
  void gapJunctionCurrentsAreAntisymmetricAndMatchThePassiveSolution() {
    double g = 0.05;
    double tau = 10;
    double rIn = 10;
    LifGroup cells = new LifGroup("cells", 2).V_th(1e9).V_rest(-65).R(rIn).tau(tau);
    cells.V[0] = -50;
    cells.V[1] = -70;
    GapJunctionProjection gap = new GapJunctionProjection("gap", cells, cells,
        new Symmetric(new All2All().includeSelf(false))).w(g);
    assertThat(gap.synapseCount()).isEqualTo(2);
    Network net = new Network();
    net.add(cells);
    net.add(gap);
    double dt = 0.01;
    int steps = 2000;
    MonitorResults mon;
    try (DSRunner runner = DSRunner.builder(net).dt(dt).monitors("cells.V", "cells.input")
        .build()) {
      runner.run(steps * dt);
      mon = runner.mon();
    }
    double[][] v = mon.values("cells.V");
    double[][] input = mon.values("cells.input");
    // tau dD/dt = -(1 + 2 R g) D for D = V0 - V1; the sum relaxes to 2 V_rest with tau
    double d0 = 20;
    double s0 = -120;
    double decay = Math.exp(-dt / tau);
    double discrete = d0;
    for (int k = 0; k < steps; k++) {
      // what leaves one cell enters the other, exactly
      assertThat(input[k][0]).isEqualTo(-input[k][1]);
      // exponential Euler with the junction current held over the step
      discrete = discrete * (decay - 2 * rIn * g * (1 - decay));
      double t = (k + 1) * dt;
      double d = v[k][0] - v[k][1];
      assertThat(d).isWithin(1e-9).of(discrete);
      assertThat(d).isWithin(2e-3 * d0).of(d0 * Math.exp(-(1 + 2 * rIn * g) * t / tau));
      assertThat(v[k][0] + v[k][1]).isWithin(1e-9).of(-130 + (s0 + 130) * Math.exp(-t / tau));
    }
    assertThat(v[steps - 1][0] - v[steps - 1][1]).isLessThan(0.1 * d0);
  }

  @Test
  void symmetricConnectivityAndWeightsMakeEachPairBothWaysWithOneValue() {
    Csr csr = new Symmetric(new FixedProb(0.2, 3).includeSelf(false)).build(30, 30);
    LifGroup cells = new LifGroup("cells", 30);
    GapJunctionProjection gap = new GapJunctionProjection("gap", cells, cells,
        new Symmetric(new FixedProb(0.2, 3).includeSelf(false)))
        .w(SynapseInit.normal(0.01, 0.003).symmetric());
    int[] pre = gap.preIndices();
    int[] post = gap.postIndices();
    double[] w = gap.synapseValues("w");
    assertThat(pre.length).isEqualTo(csr.indices().length);
    assertThat(pre.length).isGreaterThan(0);
    for (int k = 0; k < pre.length; k++) {
      int back = gap.synapseIndex(post[k], pre[k]);
      assertThat(w[back]).isEqualTo(w[k]);
    }
    assertThat(Arrays.stream(w).distinct().count()).isEqualTo(pre.length / 2);
    for (int i = 0; i < 30; i++) {
      int[] row = Arrays.copyOfRange(csr.indices(), csr.indptr()[i], csr.indptr()[i + 1]);
      int[] sorted = row.clone();
      Arrays.sort(sorted);
      assertThat(row).isEqualTo(sorted);
      assertThat(Arrays.stream(row).distinct().count()).isEqualTo((long) row.length);
    }
  }

  @Test
  void weightsRoundTripInCsrOrderAndBadArraysNameTheProjection() {
    LeakyTanhGroup units = rates();
    RateProjectionProjection rec = new RateProjectionProjection("rec", units, units,
        new All2All());
    rec.w(W);
    assertThat(rec.synapseValues("w")).isEqualTo(W);
    assertThat(rec.preIndices()).isEqualTo(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2});
    assertThat(rec.postIndices()).isEqualTo(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2});
    IllegalArgumentException shortArray =
        assertThrows(IllegalArgumentException.class, () -> rec.w(new double[4]));
    assertThat(shortArray).hasMessageThat().contains("rec.w needs 9 values");
    double[] nan = W.clone();
    nan[5] = Double.NaN;
    IllegalArgumentException withNan =
        assertThrows(IllegalArgumentException.class, () -> rec.w(nan));
    assertThat(withNan).hasMessageThat().contains("rec.w[5] would be NaN");
    assertThat(rec.synapseValues("w")).isEqualTo(W);
    IllegalArgumentException notPerSynapse =
        assertThrows(IllegalArgumentException.class, () -> rec.synapseValues("r"));
    assertThat(notPerSynapse).hasMessageThat().contains("rec.r is not a @PerSynapse variable");
  }

  @Test
  void aMissingPresynapticVariableOrMixedPrecisionIsRefusedByName() {
    LifGroup lif = new LifGroup("lif", 3);
    LeakyTanhGroup units = rates();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new RateProjectionProjection("bad", lif, units, new All2All()));
    assertThat(missing).hasMessageThat().contains("projection bad (RateProjection) needs @Pre "
        + "field r 'r' on its presynaptic group");
    LeakyTanhGroup floats = new LeakyTanhGroup("floats", 3, Precision.FLOAT);
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> new RateProjectionProjection("mixed", floats, units, new All2All()));
    assertThat(mixed).hasMessageThat().contains("build both groups with the same precision");
  }

  @Test
  void floatStorageSumsInDoubleAndRoundsOnce() {
    LeakyTanhGroup units = new LeakyTanhGroup("rates", 3, Precision.FLOAT).tau(2);
    units.r_float[0] = 0.5f;
    units.r_float[1] = -0.3f;
    units.r_float[2] = 0.2f;
    float[] r = units.r_float.clone();
    RateProjectionProjection rec = new RateProjectionProjection("rec", units, units,
        new All2All()).w(W);
    Network net = new Network(Precision.FLOAT);
    net.add(units);
    net.add(rec);
    try (DSRunner runner = DSRunner.builder(net).dt(DT).monitors("rates.input").build()) {
      runner.run(DT);
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
          sum += (double) (float) W[3 * i + j] * r[i];
        }
        assertThat(runner.mon().values("rates.input")[0][j]).isEqualTo((double) (float) sum);
      }
    }
  }
}
