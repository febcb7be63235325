package io.brainstem.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs small python3 scripts that read our files with numpy, as a user would. */
public final class NumpyCheck {
  private NumpyCheck() {}

  public static boolean available() {
    try {
      return run("import numpy\nprint('ok')\n").strip().equals("ok");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether python3 runs at all (the standard library is enough, numpy aside). */
  public static boolean pythonAvailable() {
    try {
      return run("print('ok')\n").strip().equals("ok");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Runs {@code script} with {@code args}; returns stdout, or throws with stderr on failure. */
  public static String run(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("python3", "-c", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("python3 did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("python3 failed:\n" + out);
    }
    return out;
  }
}
