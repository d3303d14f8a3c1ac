package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.admin.SetQuotaRequest;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gctl quota set USER|default [--max-running N] [--max-gpus N] [--max-queued N]}. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Replace USER's quota (or the default one). Limits not given fall back to the default"
          + " quota's; for the default, limits not given are unlimited."
    })
final class QuotaSetCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "USER|default", description = "A user name, or default.")
  String user;

  @Option(names = "--max-running", paramLabel = "N", description = "Most running jobs.")
  Integer maxRunning;

  @Option(names = "--max-gpus", paramLabel = "N", description = "Most GPUs in use by running jobs.")
  Integer maxGpus;

  @Option(
      names = "--max-queued",
      paramLabel = "N",
      description = "Most queued (pending or held) jobs; more submissions are refused.")
  Integer maxQueued;

  @Override
  public Integer call() throws Exception {
    SetQuotaRequest request;
    try {
      request = new SetQuotaRequest(user, new Quota(maxRunning, maxGpus, maxQueued), false);
    } catch (RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    JsonValue result = CtlCall.call(options, Methods.ADMIN_SET_QUOTA, request.toJson());
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        LimitsFormat.quota(user, LimitsResult.fromJson(result)));
    return 0;
  }
}
