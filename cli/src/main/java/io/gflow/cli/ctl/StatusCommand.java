package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl status}: version, pid, mode, socket and uptime of the daemon. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show daemon status.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.DAEMON_INFO);
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        CtlFormat.status(InfoResult.fromJson(result)));
    return 0;
  }
}
