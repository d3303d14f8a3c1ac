package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.admin.SetQuotaRequest;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gctl quota remove USER}: the user falls back to the default quota. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Remove USER's own quota; the default quota applies to them again.")
final class QuotaRemoveCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "USER|default", description = "A user name, or default.")
  String user;

  @Override
  public Integer call() throws Exception {
    SetQuotaRequest request;
    try {
      request = new SetQuotaRequest(user, Quota.NONE, true);
    } catch (RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    JsonValue result = CtlCall.call(options, Methods.ADMIN_SET_QUOTA, request.toJson());
    String removed =
        "default".equals(user)
            ? "gflowd: default quota removed (no limits)"
            : "gflowd: quota of "
                + SafeText.escape(user)
                + " removed; now "
                + LimitsFormat.quota(user, LimitsResult.fromJson(result));
    CtlCall.print(spec.commandLine().getOut(), options, result, removed);
    return 0;
  }
}
