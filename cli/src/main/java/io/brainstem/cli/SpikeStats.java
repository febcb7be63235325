package io.brainstem.cli;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spike counts and mean firing rates of every spike monitor of a run.
 *
 * @param key the group name for a whole-group {@code X.spike} monitor, else the monitor's name
 * @param monitor the monitor's name
 * @param neurons the number of recorded neurons
 * @param spikes the number of spikes recorded
 * @param rateHz spikes per neuron per second of recorded time ({@link SpikeEvents#meanRate()})
 */
record SpikeStats(String key, String monitor, int neurons, long spikes, double rateHz) {

  /** The statistics of every spike monitor of {@code mon}, keyed as {@link #key}, in monitor order. */
  static Map<String, SpikeStats> of(MonitorResults mon) {
    Map<String, SpikeStats> out = new LinkedHashMap<>();
    for (String name : mon.names()) {
      if (!mon.isSpike(name)) {
        continue;
      }
      SpikeEvents events = mon.events(name);
      String key = name.endsWith(".spike") ? name.substring(0, name.length() - ".spike".length()) : name;
      out.put(key, new SpikeStats(key, name, events.width(), events.count(), events.meanRate()));
    }
    return out;
  }
}
