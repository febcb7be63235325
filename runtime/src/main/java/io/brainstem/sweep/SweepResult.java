package io.brainstem.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Every point's outcome of a {@link Sweep}, in point order, and the table they make.
 *
 * @param <R> what one point produces
 */
public final class SweepResult<R> {

  /**
   * What one point gave.
   *
   * @param point the point
   * @param value its result, or null if it failed
   * @param error what it threw, or null if it succeeded
   * @param seconds the point's wall time
   * @param <R> what one point produces
   */
  public record Outcome<R>(SweepPoint point, R value, Throwable error, double seconds) {
    /** Whether the point threw. */
    public boolean failed() {
      return error != null;
    }
  }

  /** A result that knows its own table columns ({@link SweepResult#writeCsv(Path)}). */
  public interface Columns {
    /**
     * The result's columns, name to value (a number or text), in a stable order.
     *
     * @return the columns
     */
    Map<String, Object> columns();
  }

  private final List<Outcome<R>> outcomes;
  private final double seconds;

  SweepResult(List<Outcome<R>> outcomes, double seconds) {
    this.outcomes = List.copyOf(outcomes);
    this.seconds = seconds;
  }

  /**
   * A result made of outcomes run elsewhere, e.g. gathered from the ranks of an MPI job.
   *
   * @param outcomes every point's outcome; kept in point order
   * @param seconds the sweep's wall time
   * @param <R> what one point produces
   * @throws IllegalArgumentException if two outcomes have the same point index
   */
  public static <R> SweepResult<R> of(List<Outcome<R>> outcomes, double seconds) {
    List<Outcome<R>> sorted = new ArrayList<>(outcomes);
    sorted.sort(java.util.Comparator.comparingInt(o -> o.point().index()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).point().index() == sorted.get(i - 1).point().index()) {
        throw new IllegalArgumentException("point " + sorted.get(i).point().index() + " has two outcomes");
      }
    }
    return new SweepResult<>(sorted, seconds);
  }

  /**
   * The table columns of one result, as {@link #writeCsv(Path)} writes them: those of a {@link
   * Columns} result, the entries of a {@link Map} result, else one column {@code value}.
   */
  public static Map<String, ?> columnsOf(Object value) {
    return defaultColumns(value);
  }

  /** Every point's outcome, in point order. */
  public List<Outcome<R>> outcomes() {
    return outcomes;
  }

  /** The outcomes of the points that threw, in point order. */
  public List<Outcome<R>> failures() {
    return outcomes.stream().filter(Outcome::failed).toList();
  }

  /**
   * The results of every point, in point order.
   *
   * @throws IllegalStateException naming the first failed point and its error, if any failed
   *     (use {@link #outcomes()} to take the successful ones only)
   */
  public List<R> values() {
    List<R> out = new ArrayList<>(outcomes.size());
    for (Outcome<R> o : outcomes) {
      if (o.failed()) {
        throw new IllegalStateException("sweep point " + o.point().index() + " " + o.point().values()
            + " failed (" + failures().size() + " of " + outcomes.size() + " did): " + o.error(), o.error());
      }
      out.add(o.value());
    }
    return out;
  }

  /** The sweep's wall time in seconds. */
  public double seconds() {
    return seconds;
  }

  /**
   * Writes the table with the result's own columns: those of a {@link Columns} result, the entries
   * of a {@link Map} result, else one column {@code value}.
   */
  public Path writeCsv(Path file) {
    return writeCsv(file, SweepResult::defaultColumns);
  }

  /**
   * Writes the sweep as CSV, one row per point in point order: {@code index}, one column per
   * parameter, {@code seed}, {@code status} ({@code ok} or {@code failed}), {@code error} (the
   * exception, empty when ok), the result's columns (empty for a failed point), and {@code
   * seconds}. numpy ({@code genfromtxt(names=True)}) and pandas ({@code read_csv}) load it as is.
   * The file is written beside itself and renamed into place, so a reader never sees half a table.
   *
   * @param columns the columns of one result
   */
  public Path writeCsv(Path file, Function<? super R, Map<String, ?>> columns) {
    Objects.requireNonNull(file, "file");
    List<Map<String, ?>> rows = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Outcome<R> o : outcomes) {
      Map<String, ?> row = o.failed() ? Map.of() : columns.apply(o.value());
      rows.add(row);
      names.addAll(row.keySet());
    }
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("index"));
    Set<String> params = outcomes.isEmpty() ? Set.of() : outcomes.get(0).point().values().keySet();
    header.addAll(params);
    header.addAll(List.of("seed", "status", "error"));
    header.addAll(names);
    header.add("seconds");
    line(csv, header);
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome<R> o = outcomes.get(i);
      List<Object> cells = new ArrayList<>();
      cells.add(o.point().index());
      cells.addAll(o.point().values().values());
      cells.add(o.point().seed());
      cells.add(o.failed() ? "failed" : "ok");
      cells.add(o.failed() ? String.valueOf(o.error()) : "");
      for (String n : names) {
        Object v = rows.get(i).get(n);
        cells.add(v == null ? "" : v);
      }
      cells.add(o.seconds());
      line(csv, cells);
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, csv, StandardCharsets.UTF_8);
      return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep table " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, ?> defaultColumns(Object value) {
    if (value instanceof Columns c) {
      return c.columns();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    return Map.of("value", String.valueOf(value));
  }

  private static void line(StringBuilder csv, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append('\n');
  }

  /** Numbers as Java prints them (round-trip); text quoted when it holds a comma, quote or newline. */
  private static String cell(Object v) {
    String s = String.valueOf(v);
    if (v instanceof Number || s.isEmpty()) {
      return s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
