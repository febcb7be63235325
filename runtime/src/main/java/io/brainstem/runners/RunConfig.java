package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.Recorder;
import io.brainstem.monitors.Streams;
import io.brainstem.network.Network;
import java.io.PrintStream;
import java.util.List;

/**
 * A validated runner configuration: inputs and monitors already bound to the network;
 * {@code progress} and {@code progressOut} null for the runner's defaults; {@code streams} null when
 * nothing streams; {@code inputNames[i]} names input i in messages; {@code inputWrites} the
 * variables the inputs write (null when an action may write any); {@code nanGuard} null without
 * {@link RunnerBuilder#nanGuard}; {@code threads} as {@link RunnerBuilder#threads}; {@code fuse} as {@link
 * RunnerBuilder#fuseSynapses}; {@code warmUp} as {@link RunnerBuilder#vectorWarmUp}.
 */
record RunConfig(
    Network network,
    double dt,
    double t0,
    boolean jit,
    boolean fuse,
    boolean warmUp,
    Input.Bound[] inputs,
    String[] inputNames,
    java.util.Set<io.brainstem.network.Variable> inputWrites,
    List<Recorder> recorders,
    MonitorMode monitorMode,
    Boolean progress,
    PrintStream progressOut,
    long buildStartNanos,
    Streams streams,
    NanGuard nanGuard,
    int threads,
    Checkpoints checkpoints) {

  /**
   * Checkpointing: {@code dir} null without periodic checkpoints, every {@code everySteps} steps
   * otherwise; {@code resume} the checkpoint to start from, or null.
   */
  record Checkpoints(
      RunnerCheckpoints store,
      java.nio.file.Path dir,
      long everySteps,
      int keep,
      java.util.Map<String, String> metadata,
      java.util.Map<String, java.util.List<String>> lists,
      java.util.List<String> monitorNames,
      io.brainstem.checkpoint.Checkpoint resume) {}
}
