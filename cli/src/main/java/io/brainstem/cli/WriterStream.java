package io.brainstem.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} that forwards whole lines to a {@link PrintWriter}, so runtime APIs that
 * print to a stream (ReportRunner's progress) write to the command's own error writer.
 */
final class WriterStream extends OutputStream {
  private final PrintWriter writer;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private WriterStream(PrintWriter writer) {
    this.writer = writer;
  }

  static PrintStream to(PrintWriter writer) {
    return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') {
      flush();
    }
  }

  @Override
  public void flush() {
    if (line.size() > 0) {
      writer.print(line.toString(StandardCharsets.UTF_8));
      writer.flush();
      line.reset();
    }
  }
}
