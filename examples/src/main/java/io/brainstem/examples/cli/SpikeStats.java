package io.brainstem.examples.cli;

import io.brainstem.monitors.MonitorResults;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spike counts and mean firing rates of every spike monitor of a run.
 *
 * @param key the group name for a whole-group {@code X.spike} monitor, else the monitor's name
 * @param monitor the monitor's name
 * @param neurons the number of recorded neurons
 * @param spikes the number of spikes recorded
 * @param rateHz spikes per neuron per second over the recorded steps
 */
record SpikeStats(String key, String monitor, int neurons, long spikes, double rateHz) {

  /** The statistics of every spike monitor of {@code mon}, keyed as {@link #key}, in monitor order. */
  static Map<String, SpikeStats> of(MonitorResults mon, double dt) {
    Map<String, SpikeStats> out = new LinkedHashMap<>();
    double seconds = mon.steps() * dt / 1000.;
    for (String name : mon.names()) {
      Object records = mon.get(name);
      if (!(records instanceof boolean[][] spikes)) {
        continue;
      }
      long count = 0;
      for (boolean[] row : spikes) {
        for (boolean s : row) {
          count += s ? 1 : 0;
        }
      }
      int neurons = spikes.length == 0 ? 0 : spikes[0].length;
      double rate = neurons == 0 || seconds == 0 ? 0 : count / (neurons * seconds);
      String key = name.endsWith(".spike") ? name.substring(0, name.length() - ".spike".length()) : name;
      out.put(key, new SpikeStats(key, name, neurons, count, rate));
    }
    return out;
  }
}
