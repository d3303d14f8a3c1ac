package io.gflow.cli.ctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gctl quota}: per-user limits on running jobs, GPUs and queued jobs (admins only). */
@Command(
    name = "quota",
    mixinStandardHelpOptions = true,
    description = "Show and set per-user quotas (admin).",
    subcommands = {QuotaSetCommand.class, QuotaListCommand.class, QuotaRemoveCommand.class})
final class QuotaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "gctl quota: a subcommand is required (set, list, remove)");
  }
}
