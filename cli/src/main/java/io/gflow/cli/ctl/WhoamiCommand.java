package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.control.WhoamiResult;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl whoami}: who the daemon says you are, and your role. */
@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = "Show your identity and role.")
final class WhoamiCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.AUTH_WHOAMI);
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        CtlFormat.whoami(WhoamiResult.fromJson(result)));
    return 0;
  }
}
