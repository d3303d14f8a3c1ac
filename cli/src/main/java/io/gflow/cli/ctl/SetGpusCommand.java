package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.cli.info.GpuTable;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.GpusResult;
import io.gflow.protocol.job.SetGpusRequest;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gctl set-gpus}: which GPUs new jobs may use (admins only; survives restarts). */
@Command(
    name = "set-gpus",
    mixinStandardHelpOptions = true,
    description =
        "Set the GPUs new jobs may use, e.g. 0,2 or 0-1,3, 'all' or 'none'; running jobs keep"
            + " theirs (admin).")
final class SetGpusCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC|all", description = "GPU indices and ranges.")
  String gpus;

  @Override
  public Integer call() throws Exception {
    SetGpusRequest request;
    try {
      request = GpuSpec.parse(gpus);
    } catch (IllegalArgumentException | RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    JsonValue result;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      result = client.call(Methods.ADMIN_SET_GPUS, request.toJson());
    }
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        GpuTable.render(GpusResult.fromJson(result)).stripTrailing());
    return 0;
  }
}
