package io.brainstem.cli;

import io.brainstem.checkpoint.Checkpoint;
import io.brainstem.checkpoint.CheckpointException;
import io.brainstem.checkpoint.CheckpointStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainstem resume CHECKPOINTS [--out DIR]}: continues a {@code brainstem run ...
 * --checkpoint-every MS --checkpoint-dir CHECKPOINTS} that was killed, from its latest checkpoint,
 * with the options the run was given (recorded in the checkpoint), and reports and writes its
 * results as the uninterrupted run would have.
 */
@Command(
    name = "resume",
    description = {
      "Continues a run saved with --checkpoint-every/--checkpoint-dir from its latest checkpoint, with "
          + "the same options, and writes what the uninterrupted run would have: same spikes, same "
          + "traces, bit for bit. Checkpoints go on into the same directory."
    },
    sortOptions = false,
    footer = {
      "",
      "Example:",
      "  brainstem run einet --duration 5000 --checkpoint-every 1000 --checkpoint-dir ckpt --out results",
      "  (killed)",
      "  brainstem resume ckpt --out results",
      "  mpirun -np 2 brainstem resume ckpt   (a 'run --mpi' of 2 ranks; the same count)"
    })
final class ResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHECKPOINTS",
      description = "The --checkpoint-dir of the run to continue.")
  Path checkpoints;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Writes the results into DIR as 'run --out DIR' does (default: the run's own --out, if it had one).")
  Path out;

  @Option(names = "--json", description = "Prints the summary as JSON on stdout, as 'run --json'.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Checkpoint c;
    try {
      // under MPI, every rank saved the same options; rank 0's manifest names them
      c = CheckpointStore.readManifest(MpiCheckpoints.isDistributed(checkpoints)
          ? MpiCheckpoints.rankDir(checkpoints, 0) : checkpoints);
    } catch (CheckpointException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<String> args = c.metadataList("cli.args");
    if (!"run".equals(c.metadata().get("cli.command"))) {
      throw new ParameterException(spec.commandLine(), "checkpoint " + c.directory() + " was not saved by "
          + "'brainstem run ... --checkpoint-dir'; resume it from Java with RunnerBuilder.resumeFrom(dir)");
    }
    RunCommand run = new RunCommand();
    CommandLine cli = new CommandLine(run);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(spec.commandLine().getOut());
    cli.setErr(spec.commandLine().getErr());
    cli.parseArgs(args.toArray(new String[0]));
    run.runArgs = List.copyOf(args);
    run.resumeFrom = checkpoints;
    if (out != null) {
      run.out = out;
    }
    run.json |= json;
    return run.call();
  }
}
