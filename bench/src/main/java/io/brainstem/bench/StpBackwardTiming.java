package io.brainstem.bench;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.grad.AdjointFrame;
import io.brainstem.grad.ProjectionBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.TsodyksMarkramCobaBackward;
import io.brainstem.models.TsodyksMarkramCobaProjection;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * CPU time per synapse of one backward step of {@code TsodyksMarkramCoba} (per-synapse {@code u},
 * {@code x}: {@code delivered}, {@code backward}, {@code backwardSynapses} and the spike gather)
 * against one forward step ({@code update}) of the same projection, alternated in one JVM, one
 * thread; a fixed 10 % of the presynaptic neurons spike every step. Prints forward and backward ns
 * per synapse-step, their ratio, and the bytes the backward allocates per step.
 *
 * <pre>
 * StpBackwardTiming METHOD [reps 6] [n 1000] [steps 200]
 * </pre>
 */
public final class StpBackwardTiming {
  private StpBackwardTiming() {}

  public static void main(String[] args) {
    Integrator method = Integrator.valueOf(args.length > 0 ? args[0] : "EXP_AUTO");
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int steps = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    LifGroup pre = new LifGroup("pre", n);
    LifGroup post = new LifGroup("post", n);
    TsodyksMarkramCobaProjection p = new TsodyksMarkramCobaProjection(pre, post,
        new FixedProb(0.1, 3)).tau_f(50).tau_d(100).method(method);
    TsodyksMarkramCobaBackward backward = new TsodyksMarkramCobaBackward(p);
    ProjectionBackward gather = new ProjectionBackward(p);
    int synapses = p.synapseCount();
    Random random = new Random(1);
    boolean[] spiked = new boolean[n];
    int[] spikes = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      spiked[i] = random.nextDouble() < 0.1;
      if (spiked[i]) {
        spikes[count++] = i;
      }
    }
    int[] due = Arrays.copyOf(spikes, count);
    AdjointFrame frame = new AdjointFrame(backward);
    frame.dt = 0.1;
    frame.adjOutput = new double[n];
    frame.preSpiked = spiked;
    System.arraycopy(p.u, 0, frame.synapseState[0], 0, synapses);
    System.arraycopy(p.x, 0, frame.synapseState[1], 0, synapses);
    double[][] adjoints = new double[2][synapses];
    for (int s = 0; s < 2; s++) {
      for (int k = 0; k < synapses; k++) {
        adjoints[s][k] = random.nextGaussian();
      }
    }
    for (int j = 0; j < n; j++) {
      frame.input[1][j] = -60 + random.nextDouble();
      frame.adjOutput[j] = random.nextGaussian();
    }
    double[] adjSpike = new double[n];
    com.sun.management.ThreadMXBean clock =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double sink = 0;
    StringBuilder out = new StringBuilder();
    for (int r = -2; r < reps; r++) {
      long start = clock.getCurrentThreadCpuTime();
      for (int s = 0; s < steps; s++) {
        pre.setSpikes(due);
        p.update(s * 0.1, 0.1, true);
        sink += p.g[s % n];
      }
      long mid = clock.getCurrentThreadCpuTime();
      long allocated = clock.getCurrentThreadAllocatedBytes();
      for (int s = 0; s < steps; s++) {
        System.arraycopy(adjoints[0], 0, frame.adjSynapseState[0], 0, synapses);
        System.arraycopy(adjoints[1], 0, frame.adjSynapseState[1], 0, synapses);
        backward.delivered(frame, 0, n);
        backward.backward(frame, 0, n);
        backward.backwardSynapses(frame, 0, n);
        gather.spikeAdjoint(frame.synapseSpike, adjSpike, 0, n);
        sink += adjSpike[s % n];
      }
      long end = clock.getCurrentThreadCpuTime();
      allocated = clock.getCurrentThreadAllocatedBytes() - allocated;
      if (r >= 0) {
        double fwd = (mid - start) / (double) steps / synapses;
        double bwd = (end - mid) / (double) steps / synapses;
        out.append(String.format(Locale.ROOT, "stp %s %d synapses forward %.2f ns  backward %.2f"
            + " ns  ratio %.2f  (backward allocates %d B per step)%n",
            method, synapses, fwd, bwd, bwd / fwd, allocated / steps));
      }
    }
    System.out.print(out);
    if (sink == 42) {
      System.out.println();
    }
  }
}
