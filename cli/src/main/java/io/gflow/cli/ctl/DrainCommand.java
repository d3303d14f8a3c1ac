package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.admin.DrainResult;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl drain}: start no more jobs; running ones finish (operators and admins). */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description =
        "Start no more jobs until gctl resume; running jobs finish, submissions are still"
            + " accepted (operator, admin).")
final class DrainCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return switchDraining(options, spec, Methods.ADMIN_DRAIN);
  }

  /** Calls {@code admin.drain} or {@code admin.resume} and prints the queue's state after it. */
  static int switchDraining(ClientOptions options, CommandSpec spec, String method)
      throws Exception {
    JsonValue result = CtlCall.call(options, method);
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        LimitsFormat.drain(DrainResult.fromJson(result)));
    return 0;
  }
}
