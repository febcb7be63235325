package io.brainstem.examples.tutorial;

import io.brainstem.examples.EINet;
import io.brainstem.runners.DSRunner;

/** Tutorial, "Initializing a runner": every argument of a runner, named as in BrainPy. */
public final class RunnerArguments {
  private RunnerArguments() {}

  /** The seed's runner with every argument spelled out. */
  public static DSRunner seedRunner() {
    EINet net = new EINet();
    DSRunner runner = DSRunner.builder(net)            // target: the network to simulate
        .monitors("E.spike")                           // monitors: variables recorded each step
        .input("E.input", 20.).input("I.input", 20.)   // inputs: added to a variable each step
        .dt(0.1)                                       // the step in ms (BrainPy's default, too)
        .jit(true)                                     // jit: the generated kernels (default)
        .build();                                      // checks every name and shape now
    return runner;
  }
}
