package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A coupled, time-dependent model compiles cleanly and its kernels match its debug path bit for bit. */
class GeneratedCoupledModelTest {
  private static Class<?> izhGroup;

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    Compilation compilation =
        EmittedSources.processAndCompile(CoupledModel.source()).compiled();
    assertThat(compilation).succeededWithoutWarnings();
    izhGroup = EmittedSources.load(compilation).loadClass("test.models.IzhGroup");
  }

  /** Izh is not linear in v, so EXP_EULER is refused (see IntegratorRules). */
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = "EXP_EULER", mode = EnumSource.Mode.EXCLUDE)
  void kernelsAndDebugPathAreBitIdentical(Integrator method) throws Exception {
    NeuronGroup jit = (NeuronGroup) izhGroup.getConstructor(String.class, int.class)
        .newInstance("jit", 20);
    NeuronGroup debug = (NeuronGroup) izhGroup.getConstructor(String.class, int.class)
        .newInstance("debug", 20);
    for (NeuronGroup g : new NeuronGroup[] {jit, debug}) {
      izhGroup.getMethod("method", Integrator.class).invoke(g, method);
    }
    Random random = new Random(1);
    double dt = 0.05;
    int spikes = 0;
    for (int k = 0; k < 400; k++) {
      if (k == 200) {
        double[] d = new Random(2).doubles(20, 2, 8).toArray();
        izhGroup.getMethod("d", double[].class).invoke(jit, (Object) d);
        izhGroup.getMethod("d", double[].class).invoke(debug, (Object) d);
      }
      for (int n = 0; n < 20; n++) {
        double current = 15 * random.nextDouble();
        jit.doubles("input")[n] = current;
        debug.doubles("input")[n] = current;
      }
      jit.update(k * dt, dt, true);
      debug.update(k * dt, dt, false);
      for (String v : new String[] {"v", "u", "i"}) {
        assertThat(Arrays.equals(jit.doubles(v), debug.doubles(v))).isTrue();
      }
      assertThat(Arrays.equals(jit.spike, debug.spike)).isTrue();
      for (boolean s : jit.spike) {
        spikes += s ? 1 : 0;
      }
      jit.clearInputs();
      debug.clearInputs();
    }
    assertThat(spikes).isGreaterThan(0);
  }
}
