package io.brainstem.testing;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.Network;

/** Small networks built from {@link Pacemaker} and {@link Counter}. */
public final class Fixtures {
  private Fixtures() {}

  /** Groups E (40 neurons, period 7) and I (10, period 3) with all four random projections. */
  public static Network ei() {
    Network net = new Network();
    Pacemaker e = net.add(new Pacemaker("E", 40, 7));
    Pacemaker i = net.add(new Pacemaker("I", 10, 3));
    net.add(
        new Counter("E2E", e, e, new FixedProb(0.2, 1)),
        new Counter("E2I", e, i, new FixedProb(0.3, 2)),
        new Counter("I2E", i, e, new FixedProb(0.25, 3)),
        new Counter("I2I", i, i, new FixedProb(0.5, 4).includeSelf(false)));
    return net;
  }
}
