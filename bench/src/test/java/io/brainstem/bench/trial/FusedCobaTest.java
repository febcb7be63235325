package io.brainstem.bench.trial;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.bench.BenchNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fused COBA, CUBA and EINet trials step as the real networks do: bit for bit, or close. */
class FusedCobaTest {
  private static final int N = 2000;
  private static final double DT = BenchNetworks.DT;

  private static String v(String model) {
    return model.equals("einet") ? "V" : "v";
  }

  @ParameterizedTest
  @ValueSource(strings = {"coba", "cuba", "einet"})
  void exactFusedLoopEqualsTheRealKernelsBitForBit(String model) {
    BenchNetworks.Bench real = BenchNetworks.build(model, N, 80, 1);
    FusedCoba.plan(real);
    FusedCoba fused = new FusedCoba(BenchNetworks.build(model, N, 80, 1), DT, true);
    long spikes = 0;
    for (int k = 0; k < 1000; k++) {
      FusedCoba.realStep(real, k, DT);
      fused.step();
      assertWithMessage("E spikes, step %s", k).that(fused.spikeCount(0))
          .isEqualTo(real.e().spikeCount());
      assertWithMessage("I spikes, step %s", k).that(fused.spikeCount(1))
          .isEqualTo(real.i().spikeCount());
      spikes += fused.spikeCount(0) + fused.spikeCount(1);
    }
    assertWithMessage("spikes in 100 ms").that(spikes).isGreaterThan(N / 10);
    assertThat(fused.v(0)).isEqualTo(real.e().doubles(v(model)));
    assertThat(fused.v(1)).isEqualTo(real.i().doubles(v(model)));
    assertThat(fused.tLast(0)).isEqualTo(real.e().doubles("t_last_spike"));
    assertThat(fused.tLast(1)).isEqualTo(real.i().doubles("t_last_spike"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"coba", "cuba", "einet"})
  void reciprocalsStayWithinRoundingOfTheRealKernelsOverTenMilliseconds(String model) {
    BenchNetworks.Bench real = BenchNetworks.build(model, N, 80, 1);
    FusedCoba.plan(real);
    FusedCoba recip = new FusedCoba(BenchNetworks.build(model, N, 80, 1), DT, false);
    double worst = 0;
    long spikes = 0;
    for (int k = 0; k < 100; k++) {
      FusedCoba.realStep(real, k, DT);
      recip.step();
      assertWithMessage("E spikes, step %s", k).that(recip.spikeCount(0))
          .isEqualTo(real.e().spikeCount());
      spikes += recip.spikeCount(0) + recip.spikeCount(1);
      double[] a = recip.v(0);
      double[] b = real.e().doubles(v(model));
      for (int j = 0; j < a.length; j++) {
        worst = Math.max(worst, Math.abs(a[j] - b[j]));
      }
    }
    assertThat(spikes).isGreaterThan(20);
    // a few ulps of -60 mV per step, growing slowly: far below any threshold crossing's scale
    assertWithMessage("max |dv| mV over 100 steps").that(worst).isLessThan(1e-9);
    assertThat(worst).isGreaterThan(0.0);
  }

  @Test
  void estrinExprelStaysWithinRoundingOfTheRealKernelsOverTenMilliseconds() {
    BenchNetworks.Bench real = BenchNetworks.build("coba", N, 80, 1);
    FusedCoba.plan(real);
    FusedCoba estrin = new FusedCoba(BenchNetworks.build("coba", N, 80, 1), DT, true, true);
    double worst = 0;
    for (int k = 0; k < 100; k++) {
      FusedCoba.realStep(real, k, DT);
      estrin.step();
      assertWithMessage("E spikes, step %s", k).that(estrin.spikeCount(0))
          .isEqualTo(real.e().spikeCount());
      double[] a = estrin.v(0);
      double[] b = real.e().doubles("v");
      for (int j = 0; j < a.length; j++) {
        worst = Math.max(worst, Math.abs(a[j] - b[j]));
      }
    }
    assertWithMessage("max |dv| mV over 100 steps").that(worst).isLessThan(1e-9);
    assertThat(worst).isGreaterThan(0.0);
  }
}
