package io.brainstem.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code brainstem train KIND ...}: trains a network; {@code esn} is the one kind so far. */
@Command(
    name = "train",
    description = "Trains a network and writes its predictions (see 'brainstem train esn --help').",
    subcommands = {TrainEsnCommand.class})
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name what to train: brainstem train esn ...");
  }
}
