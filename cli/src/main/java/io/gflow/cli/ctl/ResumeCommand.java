package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl resume}: start queued jobs again after a drain (operators and admins). */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Start queued jobs again after gctl drain (operator, admin).")
final class ResumeCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return DrainCommand.switchDraining(options, spec, Methods.ADMIN_RESUME);
  }
}
