package io.brainstem.network;

/** The network's phases on the caller's thread: each projection, then each group, whole. */
final class SerialStep implements NetworkStepper {
  private final Network network;

  SerialStep(Network network) {
    this.network = network;
  }

  @Override
  public void run(StepPhase phase, double t, double dt, boolean jit) {
    switch (phase) {
      case PROJECTIONS -> network.updateProjections(t, dt, jit);
      case GROUPS -> network.updateGroups(t, dt, jit);
      case SPIKES -> { } // a whole-group update leaves its spike list complete
      default -> throw notOfNetwork(phase);
    }
  }

  static IllegalArgumentException notOfNetwork(StepPhase phase) {
    return new IllegalArgumentException("phase " + phase + " is not one of the network's ("
        + StepPhase.PROJECTIONS + ", " + StepPhase.GROUPS + ", " + StepPhase.SPIKES
        + "); runners run it themselves");
  }

  @Override
  public void clearInputs() {
    network.clearInputs();
  }

  @Override
  public int threads() {
    return 1;
  }

  @Override
  public void close() {}
}
