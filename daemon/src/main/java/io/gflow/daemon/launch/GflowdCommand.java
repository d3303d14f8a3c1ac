package io.gflow.daemon.launch;

import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gflowd} command: {@code run}, {@code start}, {@code stop}, {@code status}. */
@Command(
    name = "gflowd",
    mixinStandardHelpOptions = true,
    versionProvider = GflowdCommand.VersionProvider.class,
    description = "The gflow daemon: a job queue for shared Linux hosts.",
    subcommands = {RunCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class})
public final class GflowdCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Parses and runs; returns the exit code. Errors print as "gflowd: message". */
  public static int execute(String[] args) {
    CommandLine commandLine = new CommandLine(new GflowdCommand());
    commandLine.setExecutionExceptionHandler(
        (failure, line, parseResult) -> {
          PrintWriter err = line.getErr();
          err.println("gflowd: " + failure.getMessage());
          err.flush();
          return ExitCodes.ERROR;
        });
    return commandLine.execute(args);
  }

  /** Supplies {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gflowd " + Version.current()};
    }
  }
}
