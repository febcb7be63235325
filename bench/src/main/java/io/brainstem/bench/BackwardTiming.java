package io.brainstem.bench;

import io.brainstem.annotations.Integrator;
import io.brainstem.grad.AdjointFrame;
import io.brainstem.grad.BackwardStep;
import io.brainstem.grad.Surrogate;
import io.brainstem.models.HodgkinHuxleyBackward;
import io.brainstem.models.HodgkinHuxleyGroup;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.network.NeuronGroup;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

/**
 * CPU time per element of one generated backward step against one forward step of the same
 * group, in one JVM, alternated (forward, backward, forward, ...) so that both see the same load:
 * the measure of issue 14's adjoint bound (backward ≤ 3× forward). The backward's figure includes
 * restoring the adjoints it starts from (a copy per state). Prints one line per repetition:
 * forward ns, backward ns per element-step, their ratio, and the bytes the backward allocates per
 * step (zero once compiled).
 *
 * <pre>
 * BackwardTiming lif|hh METHOD [reps 8] [n 4000] [steps 2000]
 * </pre>
 */
public final class BackwardTiming {
  private BackwardTiming() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: BackwardTiming lif|hh EXP_AUTO|EULER|RK4|... [reps] [n] [steps]");
    }
    Integrator method = Integrator.valueOf(args[1]);
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
    int steps = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
    NeuronGroup group;
    BackwardStep backward;
    if (args[0].equals("lif")) {
      LifGroup lif = new LifGroup("L", n).method(method).V_th(1e9);
      group = lif;
      backward = new LifBackward(lif);
    } else if (args[0].equals("hh")) {
      HodgkinHuxleyGroup hh = new HodgkinHuxleyGroup("H", n).method(method);
      group = hh;
      backward = new HodgkinHuxleyBackward(hh);
    } else {
      throw new IllegalArgumentException("model " + args[0] + ": expected lif or hh");
    }
    double dt = 0.01;
    Random random = new Random(1);
    AdjointFrame frame = new AdjointFrame(backward);
    frame.surrogate = Surrogate.fastSigmoid(10);
    frame.dt = dt;
    frame.adjSpike = new double[n];
    for (int s = 0; s < backward.states().size(); s++) {
      double[] x = group.doubles(backward.states().get(s));
      for (int i = 0; i < n; i++) {
        x[i] *= 1 + 0.01 * random.nextDouble();
        frame.adjState[s][i] = random.nextGaussian();
      }
      System.arraycopy(x, 0, frame.state[s], 0, n);
    }
    double[][] adjoints = new double[frame.adjState.length][];
    for (int s = 0; s < adjoints.length; s++) {
      adjoints[s] = frame.adjState[s].clone();
    }
    double[] input = group.doubles(backward.inputs().get(0));
    for (int i = 0; i < n; i++) {
      input[i] = 2 * random.nextDouble();
      frame.input[0][i] = input[i];
    }
    com.sun.management.ThreadMXBean clock =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double sink = 0;
    double t = 0;
    StringBuilder out = new StringBuilder();
    for (int k = -2; k < reps; k++) {
      long start = clock.getCurrentThreadCpuTime();
      for (int s = 0; s < steps; s++) {
        t += dt;
        sink += group.update(t, dt, 0, n, true);
      }
      long mid = clock.getCurrentThreadCpuTime();
      long allocated = clock.getCurrentThreadAllocatedBytes();
      for (int s = 0; s < steps; s++) {
        for (int a = 0; a < adjoints.length; a++) {
          System.arraycopy(adjoints[a], 0, frame.adjState[a], 0, n);
        }
        backward.backward(frame, 0, n);
        sink += frame.adjState[0][s % n];
      }
      long end = clock.getCurrentThreadCpuTime();
      allocated = clock.getCurrentThreadAllocatedBytes() - allocated;
      if (k >= 0) {
        double fwd = (mid - start) / (double) steps / n;
        double bwd = (end - mid) / (double) steps / n;
        out.append(String.format(Locale.ROOT, "%s %s forward %.3f ns  backward %.3f ns  ratio %.2f"
            + "  (backward allocates %d B per step)%n",
            args[0], method, fwd, bwd, bwd / fwd, allocated / steps));
      }
    }
    System.out.print(out);
    if (sink == 42) {
      System.out.println();
    }
  }
}
