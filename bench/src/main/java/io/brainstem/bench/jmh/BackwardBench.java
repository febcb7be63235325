package io.brainstem.bench.jmh;

import io.brainstem.annotations.Integrator;
import io.brainstem.grad.AdjointFrame;
import io.brainstem.grad.Surrogate;
import io.brainstem.models.HodgkinHuxleyBackward;
import io.brainstem.models.HodgkinHuxleyGroup;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.network.NeuronGroup;
import io.brainstem.grad.BackwardStep;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/**
 * The generated backward (adjoint) step against the forward step it differentiates, per step over
 * n elements: LIF (the BPTT demo's hidden layer) and Hodgkin–Huxley, for one exponential and one
 * Runge–Kutta integrator. The backward replays the forward step of each element before its
 * reverse sweep, so its cost includes one forward step; it also restores the adjoints it starts
 * from (a copy of n doubles per state, counted against it). Run with bench/jmh.sh BackwardBench.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class BackwardBench {
  @Param({"4000"})
  public int n;

  @Param({"lif", "hh"})
  public String model;

  @Param({"EXP_AUTO", "RK4"})
  public String method;

  private NeuronGroup group;
  private BackwardStep backward;
  private AdjointFrame frame;
  private double t;
  /** The adjoints each call starts from (restored, so they neither vanish nor overflow). */
  private double[][] adjoints;

  @Setup
  public void setUp() {
    Integrator integrator = Integrator.valueOf(method);
    Random random = new Random(1);
    if (model.equals("lif")) {
      LifGroup lif = new LifGroup("L", n).method(integrator).V_th(1e9);
      group = lif;
      backward = new LifBackward(lif);
    } else {
      HodgkinHuxleyGroup hh = new HodgkinHuxleyGroup("H", n).method(integrator);
      group = hh;
      backward = new HodgkinHuxleyBackward(hh);
    }
    frame = new AdjointFrame(backward);
    frame.surrogate = Surrogate.fastSigmoid(10);
    frame.dt = 0.01;
    frame.adjSpike = new double[n];
    for (int s = 0; s < backward.states().size(); s++) {
      double[] x = group.doubles(backward.states().get(s));
      for (int i = 0; i < n; i++) {
        x[i] *= 1 + 0.01 * random.nextDouble();
        frame.adjState[s][i] = random.nextGaussian();
      }
      System.arraycopy(x, 0, frame.state[s], 0, n);
    }
    adjoints = new double[frame.adjState.length][];
    for (int s = 0; s < adjoints.length; s++) {
      adjoints[s] = frame.adjState[s].clone();
    }
    double[] input = group.doubles(backward.inputs().get(0));
    for (int i = 0; i < n; i++) {
      input[i] = 2 * random.nextDouble();
      frame.input[0][i] = input[i];
    }
  }

  @Benchmark
  public int forward() {
    t += 0.01;
    return group.update(t, 0.01, 0, n, true);
  }

  @Benchmark
  public double backward() {
    frame.t += 0.01;
    for (int s = 0; s < adjoints.length; s++) {
      System.arraycopy(adjoints[s], 0, frame.adjState[s], 0, n);
    }
    backward.backward(frame, 0, n);
    return frame.adjState[0][0];
  }
}
