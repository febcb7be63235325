package io.brainstem.runners;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.Recorder;
import io.brainstem.monitors.Streams;
import io.brainstem.network.Network;
import java.util.List;

/** A validated runner configuration: inputs and monitors already bound to the network; {@code streams} null when nothing streams. */
record RunConfig(
    Network network,
    double dt,
    double t0,
    boolean jit,
    Input.Bound[] inputs,
    List<Recorder> recorders,
    MonitorMode monitorMode,
    boolean progressBar,
    long buildStartNanos,
    Streams streams) {}
