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
 * nothing streams; {@code inputNames[i]} names input i in messages; {@code nanGuard} null without
 * {@link RunnerBuilder#nanGuard}; {@code threads} as {@link RunnerBuilder#threads}.
 */
record RunConfig(
    Network network,
    double dt,
    double t0,
    boolean jit,
    Input.Bound[] inputs,
    String[] inputNames,
    List<Recorder> recorders,
    MonitorMode monitorMode,
    Boolean progress,
    PrintStream progressOut,
    long buildStartNanos,
    Streams streams,
    NanGuard nanGuard,
    int threads) {}
