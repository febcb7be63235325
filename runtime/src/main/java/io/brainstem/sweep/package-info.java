/**
 * Parameter sweeps on one machine: a grid or list of {@link io.brainstem.sweep.SweepPoint points},
 * run in parallel over the cores with a seed derived per point, failures recorded per point, and
 * results as a table ({@link io.brainstem.sweep.SweepResult#writeCsv}) plus, for network runs
 * ({@link io.brainstem.sweep.NetworkRuns}), NPZ monitor files per point.
 */
package io.brainstem.sweep;
