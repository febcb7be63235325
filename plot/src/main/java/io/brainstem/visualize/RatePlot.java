package io.brainstem.visualize;

import io.brainstem.monitors.SpikeEvents;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Population firing rates over time in Hz, one line per population, smoothed with a centred moving
 * window ({@link SpikeEvents#populationRate}).
 *
 * <pre>{@code
 * RatePlot.of(5.0).add("E", mon.events("E.spike")).add("I", mon.events("I.spike")).savePng(file);
 * }</pre>
 */
public final class RatePlot extends Plot<RatePlot> {
  private record Line(String label, double[] times, double[] rate, Color color) {}

  private final double windowMs;
  private final List<Line> lines = new ArrayList<>();

  private RatePlot(double windowMs) {
    super("", "Rate (Hz)");
    if (!(windowMs >= 0) || Double.isInfinite(windowMs)) {
      throw new IllegalArgumentException("rate window must be finite and >= 0 (ms), got " + windowMs);
    }
    this.windowMs = windowMs;
  }

  /** An empty rate plot smoothing over {@code windowMs} ms. */
  public static RatePlot of(double windowMs) {
    return new RatePlot(windowMs);
  }

  /** Adds a population's rate in the next palette colour. */
  public RatePlot add(String label, SpikeEvents events) {
    return add(label, events, Palette.color(lines.size()));
  }

  /** Adds a population's rate in {@code color}. */
  public RatePlot add(String label, SpikeEvents events, Color color) {
    lines.add(new Line(label, events.rowTimes(), events.populationRate(windowMs), color));
    return this;
  }

  /** The smoothing window in ms. */
  public double windowMs() {
    return windowMs;
  }

  @Override
  RatePlot self() {
    return this;
  }

  private void checkLines() {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("nothing to plot: add a population with add(label, events)");
    }
    for (Line l : lines) {
      if (l.times().length == 0) {
        throw new IllegalArgumentException("nothing to plot: " + l.label() + " has no recorded steps");
      }
    }
  }

  @Override
  Range xRange() {
    checkLines();
    Range r = null;
    for (Line l : lines) {
      Range lr = Range.around(l.times()[0], l.times()[l.times().length - 1]);
      r = r == null ? lr : r.union(lr);
    }
    return r;
  }

  @Override
  Range yRange() {
    checkLines();
    double max = 0;
    for (Line l : lines) {
      for (double v : l.rate()) {
        max = Double.isFinite(v) ? Math.max(max, v) : max;
      }
    }
    return new Range(0, max > 0 ? max * 1.05 : 1);
  }

  @Override
  List<LegendEntry> legendEntries() {
    List<LegendEntry> rows = new ArrayList<>();
    if (lines.size() > 1) {
      for (Line l : lines) {
        rows.add(new LegendEntry(l.label(), l.color(), true));
      }
    }
    return rows;
  }

  @Override
  void addSeries(XYChart chart) {
    checkLines();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    for (Line l : lines) {
      XYSeries s = chart.addSeries(l.label(), l.times(), l.rate());
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(l.color());
      s.setLineStyle(new java.awt.BasicStroke(1.5f));
    }
  }
}
