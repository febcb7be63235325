package io.brainstem.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code brainstem} command line: {@code brainstem list}, {@code brainstem run einet ...}.
 *
 * <p>Exit codes: 0 success, 1 a failure while running or writing, 2 bad usage (unknown network,
 * option or variable, a bad value), with a one-paragraph message on stderr.
 */
@Command(
    name = "brainstem",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = BrainstemCli.Version.class,
    description = "Runs Brainstem's example networks and trains echo-state networks from the command line.",
    subcommands = {
      ListCommand.class, VariablesCommand.class, RunCommand.class, ResumeCommand.class,
      SweepCommand.class, TrainCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Try 'brainstem run --help' for the options of a run."})
public final class BrainstemCli implements Runnable {
  /** Kept strongly reachable so its level sticks; see {@link #main}. */
  private static final Logger RUNNER_LOG = Logger.getLogger("io.brainstem.runners.Runner");

  @Spec CommandSpec spec;

  /**
   * Runs the command line and exits with its code (0 success, 1 failure, 2 bad usage).
   *
   * @param args the command and its options, e.g. {@code run einet --json}
   */
  public static void main(String[] args) {
    // 'run' reports a duration that is not a multiple of dt itself, on its own error stream.
    RUNNER_LOG.setLevel(Level.SEVERE);
    System.exit(execute(args));
  }

  /** Runs the command line on {@code args} with stdout and stderr; returns the exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** A configured command line; tests set its out and err writers. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new BrainstemCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(BrainstemCli::usageError);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // An I/O error's message is often just a path: keep its type, which says what went wrong.
      String message = e instanceof java.io.IOException || e.getMessage() == null
          ? e.toString()
          : e.getMessage();
      cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message));
      cmd.getErr().flush();
      return cmd.getCommandSpec().exitCodeOnExecutionException();
    });
    return cli;
  }

  /** The message and a pointer to --help; the full usage would bury the message. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    cmd.getErr().flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: 'list' or 'run NETWORK'");
  }

  /** The project version, filtered into version.properties by Maven. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = BrainstemCli.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IOException("version.properties is missing from the classpath");
        }
        p.load(in);
      }
      return new String[] {
        "brainstem " + p.getProperty("version"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
