package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl quota list}: every quota, group and array limit, and the drain state. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Show the default and per-user quotas, group and array limits, and draining.")
final class QuotaListCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.ADMIN_LIMITS);
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        LimitsFormat.limitsList(LimitsResult.fromJson(result)));
    return 0;
  }
}
