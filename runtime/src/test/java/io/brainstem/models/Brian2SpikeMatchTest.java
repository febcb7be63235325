package io.brainstem.models;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.RefractoryRule;
import io.brainstem.network.NeuronGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spike for spike against Brian2 2.5.1 (resources/brian2/crossing.py and .out): the crossing
 * thresholds of HodgkinHuxley, FitzHughNagumo and TraubHH, and Lif's refractory period under
 * {@link RefractoryRule#BRIAN2}, for euler and rk4 at dt 0.1 and 0.01 ms, 200 ms under a constant
 * input. Every spike falls in the same step as Brian2's.
 */
class Brian2SpikeMatchTest {
  private static final Path REFERENCE = Path.of("src/test/resources/brian2/crossing.out");

  static Stream<Arguments> runs() {
    try {
      return Files.readAllLines(REFERENCE).stream().filter(l -> !l.isBlank()).map(line -> {
        String[] f = line.trim().split(" ");
        double[] times = Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
        return Arguments.of(f[0], f[1], Double.parseDouble(f[2]), times);
      }).filter(a -> !a.get()[0].equals("TraubHH_3ms")); // the benchmark's form, for the record
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} {1} dt={2}")
  @MethodSource("runs")
  void spikesFallInTheSameStepsAsBrian2s(String model, String method, double dt, double[] brian2) {
    Integrator integrator = method.equals("euler") ? Integrator.EULER : Integrator.RK4;
    NeuronGroup group;
    double input;
    switch (model) {
      case "HodgkinHuxley" -> {
        group = new HodgkinHuxleyGroup("N", 1).method(integrator);
        input = 10;
      }
      case "FitzHughNagumo" -> {
        group = new FitzHughNagumoGroup("N", 1).method(integrator);
        input = 0.5;
      }
      case "TraubHH" -> {
        group = new TraubHHGroup("N", 1).method(integrator);
        input = 300;
      }
      case "Lif" -> {
        group = new LifGroup("N", 1).tau_ref(5).refractoryRule(RefractoryRule.BRIAN2)
            .method(integrator);
        input = 25;
      }
      default -> throw new AssertionError(model);
    }
    List<Long> ours = new ArrayList<>();
    for (double t : NeuronModelsTest.spikeTimes(group, "input", input, dt, 200)) {
      ours.add(Math.round(t / dt));
    }
    List<Long> theirs = new ArrayList<>();
    for (double t : brian2) {
      theirs.add(Math.round(t / dt));
    }
    assertWithMessage("%s %s dt %s: spike steps (Brian2 %s)", model, method, dt,
        Arrays.toString(brian2)).that(ours).containsExactlyElementsIn(theirs).inOrder();
  }
}
