package io.brainstem.extension;

import io.brainstem.network.Network;
import io.brainstem.network.StepPhase;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;

/** A runner whose hook at one phase of one step throws, once. */
final class FailingRunner extends Runner {
  private final StepPhase phase;
  private final boolean before;
  private final long failAt;
  private boolean failed;

  private FailingRunner(Builder b) {
    super(b);
    this.phase = b.phase;
    this.before = b.before;
    this.failAt = b.failAt;
  }

  @Override
  protected void beforePhase(StepPhase p, long step, double t) {
    fail(p, step, true);
  }

  @Override
  protected void afterPhase(StepPhase p, long step, double t) {
    fail(p, step, false);
  }

  private void fail(StepPhase p, long step, boolean isBefore) {
    if (p == phase && isBefore == before && step == failAt && !failed) {
      failed = true;
      throw new IllegalStateException("hook failed");
    }
  }

  static final class Builder extends RunnerBuilder<Builder> {
    private final StepPhase phase;
    private final boolean before;
    private final long failAt;

    Builder(Network network, StepPhase phase, boolean before, long failAt) {
      super(network);
      this.phase = phase;
      this.before = before;
      this.failAt = failAt;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public FailingRunner build() {
      return new FailingRunner(this);
    }
  }
}
