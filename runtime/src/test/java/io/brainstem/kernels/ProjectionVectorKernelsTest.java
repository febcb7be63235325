package io.brainstem.kernels;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.AlphaCobaProjection;
import io.brainstem.models.AlphaCubaProjection;
import io.brainstem.models.AmpaCobaProjection;
import io.brainstem.models.AmpaCubaProjection;
import io.brainstem.models.DeltaCobaProjection;
import io.brainstem.models.DeltaCubaProjection;
import io.brainstem.models.DualExpCobaProjection;
import io.brainstem.models.DualExpCubaProjection;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.GabaACobaProjection;
import io.brainstem.models.GabaACubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.NmdaCobaProjection;
import io.brainstem.models.NmdaCubaProjection;
import io.brainstem.network.Kernels;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Parameters;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.PoissonGroup;
import io.brainstem.testing.Pacemaker;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library synapse model's vector kernels against its scalar ones: a projection from a
 * pacemaker (spikes in every step) onto 267 LIF neurons (a whole and a partial block of the split
 * kernels, and a scalar tail whatever the vector width), over many steps, per integrator, with
 * group-wide and per-element parameters, on one and two threads (the second range starts on a
 * whole vector and ends in the tail), with double and float state. Bit-identical where the kernels
 * call no transcendental function; within 1e-12 relative where they do (NMDA's Mg block, and
 * {@code EXP_EULER}'s exponential of a per-element slope; a float ulp under float state).
 */
class ProjectionVectorKernelsTest {
  private static final int POST = 267;
  private static final int PRE = 41;
  /** Each presynaptic neuron spikes every PERIOD steps: about 0.2 spikes per target and step. */
  private static final int PERIOD = 20;

  /** Models whose vector kernels call {@code exp} in every integrator (NMDA's Mg block). */
  private static final Set<String> EXP_IN_OUTPUT = Set.of("NmdaCoba", "NmdaCuba");
  /** Models whose EXP_EULER decay depends on a state, so the vector kernel calls exp lane-wise. */
  private static final Set<String> STATE_DEPENDENT_DECAY =
      Set.of("AmpaCoba", "AmpaCuba", "GabaACoba", "GabaACuba", "NmdaCoba", "NmdaCuba");
  /** Models with nothing to vectorize: no @Ode, no @Output, only spike delivery. */
  private static final Set<String> DELIVERY_ONLY = Set.of("DeltaCoba", "DeltaCuba");

  @BeforeAll
  static void vectorKernelsRunInTheseTests() {
    assertWithMessage("vector kernels are off: %s", Kernels.whyScalar()).that(Kernels.vector())
        .isTrue();
  }

  static List<Class<? extends Projection>> models() {
    return List.of(ExpCobaProjection.class, ExpCubaProjection.class, DualExpCobaProjection.class,
        DualExpCubaProjection.class, AlphaCobaProjection.class, AlphaCubaProjection.class,
        AmpaCobaProjection.class, AmpaCubaProjection.class, GabaACobaProjection.class,
        GabaACubaProjection.class, NmdaCobaProjection.class, NmdaCubaProjection.class,
        DeltaCobaProjection.class, DeltaCubaProjection.class);
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Precision precision : Precision.values()) {
      for (Class<? extends Projection> model : models()) {
        for (Integrator method : Integrator.values()) {
          for (boolean perElement : new boolean[] {false, true}) {
            out.add(Arguments.of(model.getSimpleName().replace("Projection", ""), model, method,
                perElement, precision));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {2} perElement={3} {4}")
  @MethodSource("cases")
  void vectorKernelsGiveTheScalarKernelsResults(String name, Class<? extends Projection> model,
      Integrator method, boolean perElement, Precision precision) throws Exception {
    boolean exact = !EXP_IN_OUTPUT.contains(name) && !(method == Integrator.EXP_EULER
        && (perElement || STATE_DEPENDENT_DECAY.contains(name)));
    // Where results may differ in the last bit, no postsynaptic spike may amplify that.
    int steps = exact ? 120 : 60;
    List<double[]> scalar = run(model, method, perElement, true, 1, exact, steps, precision);
    for (int threads = 1; threads <= 2; threads++) {
      List<double[]> vector =
          run(model, method, perElement, false, threads, exact, steps, precision);
      for (int v = 0; v < scalar.size(); v++) {
        if (exact) {
          assertWithMessage("%s variable %s, %s threads", name, v, threads).that(vector.get(v))
              .usingExactEquality().containsExactly(scalar.get(v)).inOrder();
        } else {
          for (int i = 0; i < scalar.get(v).length; i++) {
            double b = scalar.get(v)[i];
            // An ulp of difference in double may round to neighbouring floats.
            double relative = precision == Precision.DOUBLE ? 1e-12 : 3e-7;
            assertWithMessage("%s variable %s element %s, %s threads", name, v, i, threads)
                .that(vector.get(v)[i]).isWithin(relative * Math.max(1, Math.abs(b))).of(b);
          }
        }
      }
    }
  }

  @Test
  void theDebugLoopIgnoresVectorKernels() throws Exception {
    ExpCobaProjection[] projections = new ExpCobaProjection[2];
    double[][] g = new double[2][];
    for (int k = 0; k < 2; k++) {
      Pacemaker pre = new Pacemaker("P", PRE, PERIOD);
      LifGroup post = new LifGroup("N", POST);
      projections[k] = new ExpCobaProjection(pre, post, new FixedProb(0.1, 7));
      projections[k].scalarKernels(k == 1);
      Network net = new Network();
      net.add(pre, post);
      net.add(projections[k]);
      DSRunner.builder(net).dt(0.1).jit(false).input("N.input", 12.).build().run(5.);
      g[k] = projections[k].g.clone();
    }
    assertThat(projections[0].kernels()).startsWith("vector");
    assertThat(projections[1].kernels()).isEqualTo("scalar");
    assertThat(g[0]).usingExactEquality().containsExactly(g[1]).inOrder();
  }

  /**
   * The projection's variables and the postsynaptic V after {@code steps} steps, the projection on
   * its scalar or vector kernels. Under {@code FLOAT} the presynaptic group is a Poisson source
   * (the pacemaker stores double, and a float network takes only float groups and sources).
   */
  private static List<double[]> run(Class<? extends Projection> model, Integrator method,
      boolean perElement, boolean scalar, int threads, boolean postSpikes, int steps,
      Precision precision) throws Exception {
    NeuronGroup pre = precision == Precision.DOUBLE ? new Pacemaker("P", PRE, PERIOD)
        : new PoissonGroup("P", PRE, 10_000.0 / PERIOD, 3); // Hz: every PERIOD steps on average
    LifGroup post = new LifGroup("N", POST, precision);
    if (!postSpikes) {
      post.V_th(1e9);
    }
    Variable v0 = post.variable("V");
    for (int i = 0; i < POST; i++) {
      v0.set(i, v0.get(i) + 0.02 * i);
    }
    Projection projection = model
        .getConstructor(String.class, NeuronGroup.class, NeuronGroup.class, Connector.class)
        .newInstance("S", pre, post, new FixedProb(0.1, 7));
    projection.scalarKernels(scalar);
    String name = model.getSimpleName().replace("Projection", "");
    if (DELIVERY_ONLY.contains(name)) {
      assertThat(projection.kernels()).isEqualTo("scalar");
    } else {
      assertThat(projection.kernels()).startsWith(scalar ? "scalar" : "vector");
    }
    if (DELIVERY_ONLY.contains(name)) {
      // Nothing to integrate: no integrator to choose, so one run (its default) is enough.
      assertThrows(NoSuchMethodException.class, () -> model.getMethod("method", Integrator.class));
      assumeTrue(method == projection.method(), name + " has no integrator to choose");
    }
    try {
      if (!DELIVERY_ONLY.contains(name)) {
        model.getMethod("method", Integrator.class).invoke(projection, method);
      }
    } catch (InvocationTargetException e) {
      assumeTrue(false, name + " cannot use " + method + ": " + e.getCause().getMessage());
    }
    Parameters params = (Parameters) model.getMethod("params").invoke(projection);
    if (perElement) {
      // Every parameter different per element, time constants included (per-element decays).
      double[] defaults = new double[params.names().size()];
      for (int p = 0; p < defaults.length; p++) {
        defaults[p] = params.scalar(p);
      }
      for (int p = 0; p < defaults.length; p++) {
        double[] column = new double[POST];
        for (int i = 0; i < POST; i++) {
          column[i] = defaults[p] * (1 + 0.03 * (i % 11));
        }
        params.set(p, column);
      }
    }
    Network net = new Network(precision);
    net.add(pre, post);
    net.add(projection);
    try (DSRunner runner = DSRunner.builder(net).dt(0.1).threads(threads).vectorWarmUp(false)
        .input("N.input", 12.).build()) {
      runner.run(steps * 0.1);
    }
    assertWithMessage("presynaptic spikes").that(pre.totalSpikes())
        .isAtLeast((long) steps * (PRE / PERIOD) / 2);
    List<double[]> out = new ArrayList<>();
    for (Variable v : projection.variables()) {
      if (!v.isBoolean()) {
        out.add(v.toDoubles());
      }
    }
    out.add(post.variable("V").toDoubles());
    out.add(new double[] {post.totalSpikes()});
    return out;
  }
}
