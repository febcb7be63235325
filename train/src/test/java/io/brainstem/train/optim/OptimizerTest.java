package io.brainstem.train.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.train.TrainingDivergedException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer shares: registration, clipping, schedules, checks, no allocation. */
class OptimizerTest {
  static List<Supplier<Optimizer>> plain() {
    return List.of(() -> Sgd.of(0.1), () -> Adam.of(0.1),
        () -> Sgd.builder(Schedule.constant(0.1)).momentum(0.9).build());
  }

  @ParameterizedTest
  @MethodSource("plain")
  void registrationChecksNameTheParameter(Supplier<Optimizer> make) {
    Optimizer o = make.get();
    double[] w = new double[3];
    double[] dw = new double[3];
    o.add("w", w, dw);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> o.add("w", new double[1], new double[1]))).hasMessageThat().contains("'w' is taken");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> o.add("b", new double[2], new double[3]))).hasMessageThat()
        .contains("'b' has 2 values but its gradient has 3");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> o.add("v", w, new double[3]))).hasMessageThat().contains("shares an array with 'w'");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> o.add("u", dw, dw))).hasMessageThat().contains("one array");
    o.step();
    assertThat(assertThrows(IllegalStateException.class,
        () -> o.add("late", new double[1], new double[1]))).hasMessageThat()
        .contains("before the first step");
    assertThat(o.names()).containsExactly("w");
  }

  @ParameterizedTest
  @MethodSource("plain")
  void stepWithoutParametersSaysWhatToDo(Supplier<Optimizer> make) {
    assertThat(assertThrows(IllegalStateException.class, () -> make.get().step()))
        .hasMessageThat().contains("add(name, parameter, gradient)");
  }

  @ParameterizedTest
  @MethodSource("plain")
  void nonFiniteGradientStopsTrainingNamingTheParameterAndStep(Supplier<Optimizer> make) {
    Optimizer o = make.get();
    double[] a = {1};
    double[] b = {1, 2};
    double[] ga = {0.1};
    double[] gb = {0.1, 0.2};
    o.add("a", a, ga).add("b", b, gb);
    o.step();
    gb[1] = Double.NaN;
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, o::step);
    assertThat(e).hasMessageThat().contains("gradient of 'b'");
    assertThat(e.step()).isEqualTo(1);
    assertThat(e).hasMessageThat().contains("optimizer step 1");
    assertThat(b[1]).isFinite(); // nothing was updated
    assertThat(o.steps()).isEqualTo(1);
  }

  /** With clipping at 1, a gradient (3, 4) of norm 5 acts as (0.6, 0.8); the arrays keep (3, 4). */
  @Test
  void clippingScalesByTheGlobalNorm() {
    double[] p = {0};
    double[] q = {0};
    double[] gp = {3};
    double[] gq = {4};
    Sgd sgd = Sgd.builder(Schedule.constant(1)).clipGlobalNorm(1).build();
    sgd.add("p", p, gp).add("q", q, gq);
    sgd.step();
    assertThat(sgd.lastGradientNorm()).isEqualTo(5.0);
    assertThat(p[0]).isWithin(1e-15).of(-0.6);
    assertThat(q[0]).isWithin(1e-15).of(-0.8);
    assertThat(gp[0]).isEqualTo(3.0);
    // below the threshold nothing is scaled
    gp[0] = 0.3;
    gq[0] = 0.4;
    sgd.step();
    assertThat(p[0]).isWithin(1e-15).of(-0.9);
    assertThat(q[0]).isWithin(1e-15).of(-1.2);
  }

  @ParameterizedTest
  @MethodSource("plain")
  void zeroGradientsClearsEveryArray(Supplier<Optimizer> make) {
    double[] ga = {1, 2};
    double[] gb = {3};
    Optimizer o = make.get().add("a", new double[2], ga).add("b", new double[1], gb);
    o.zeroGradients();
    assertThat(ga).usingExactEquality().containsExactly(0.0, 0.0);
    assertThat(gb).usingExactEquality().containsExactly(0.0);
  }

  @Test
  void theScheduleGivesEachStepItsRate() {
    double[] p = {0};
    double[] g = {1};
    Sgd sgd = Sgd.builder(Schedule.stepDecay(1, 0.5, 2)).build();
    sgd.add("p", p, g);
    double[] rates = {1, 1, 0.5, 0.5, 0.25};
    double sum = 0;
    for (double r : rates) {
      assertThat(sgd.learningRate()).isEqualTo(r);
      sgd.step();
      sum += r;
      assertThat(p[0]).isEqualTo(-sum);
    }
  }

  @Test
  void aScheduleReturningNaNIsReported() {
    Optimizer o = Adam.builder(t -> t < 1 ? 0.1 : Double.NaN).build()
        .add("p", new double[1], new double[] {1});
    o.step();
    assertThat(assertThrows(IllegalStateException.class, o::step)).hasMessageThat()
        .contains("at step 1 is NaN");
  }

  @ParameterizedTest
  @MethodSource("allKinds")
  void stepAllocatesNothing(Supplier<Optimizer> make) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] w = new double[1000];
    double[] dw = new double[1000];
    double[] b = new double[10];
    double[] db = new double[10];
    java.util.Arrays.fill(dw, 0.01);
    java.util.Arrays.fill(db, -0.02);
    Optimizer o = make.get().add("w", w, dw).add("b", b, db);
    for (int i = 0; i < 20_000; i++) { // warm up: JIT compiled, escape analysis settled
      o.step();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1_000; i++) {
      o.step();
      o.zeroGradients();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).isLessThan(1_000L); // the counter's own reads may cost a few bytes
    assertThat(w[0]).isLessThan(0.0);
  }

  static List<Supplier<Optimizer>> allKinds() {
    return List.of(() -> Sgd.of(1e-3),
        () -> Sgd.builder(Schedule.exponential(1e-3, 0.999)).momentum(0.9).clipGlobalNorm(0.5)
            .build(),
        () -> Sgd.builder(Schedule.stepDecay(1e-3, 0.5, 100)).momentum(0.9).nesterov().build(),
        () -> Adam.builder(Schedule.cosine(1e-3, 10_000, 0)).clipGlobalNorm(0.1).build());
  }
}
