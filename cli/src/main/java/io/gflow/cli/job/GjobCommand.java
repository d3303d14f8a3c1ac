package io.gflow.cli.job;

import io.gflow.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gjob}: look at and act on single jobs. One instance per run; not thread-safe. */
@Command(
    name = "gjob",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Show, follow, hold, release, update, wait for and redo jobs.",
    subcommands = {
      ShowCommand.class,
      LogCommand.class,
      HoldCommand.class,
      ReleaseCommand.class,
      UpdateCommand.class,
      WaitCommand.class,
      RedoCommand.class
    })
public final class GjobCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(Cli.run(new GjobCommand(), args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "gjob: a subcommand is required (show, log, hold, release, update, wait, redo)");
  }
}
