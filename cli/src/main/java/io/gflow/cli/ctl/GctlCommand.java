package io.gflow.cli.ctl;

import io.gflow.cli.Cli;
import io.gflow.cli.doctor.DoctorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gctl}: look at and control the daemon. */
@Command(
    name = "gctl",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Inspect and control gflowd.",
    subcommands = {
      WhoamiCommand.class,
      PingCommand.class,
      StatusCommand.class,
      SetGpusCommand.class,
      ShowGpusCommand.class,
      ReloadCommand.class,
      ShutdownCommand.class,
      SetLimitCommand.class,
      QuotaCommand.class,
      DrainCommand.class,
      ResumeCommand.class,
      AuditCommand.class,
      DebugStateCommand.class,
      MetricsCommand.class,
      DoctorCommand.class
    })
public final class GctlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(Cli.run(new GctlCommand(), args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "gctl: a subcommand is required");
  }
}
