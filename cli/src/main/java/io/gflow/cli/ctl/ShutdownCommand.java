package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl shutdown}: stop the daemon (admins only). */
@Command(name = "shutdown", mixinStandardHelpOptions = true, description = "Stop gflowd (admin).")
final class ShutdownCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.ADMIN_SHUTDOWN);
    CtlCall.print(spec.commandLine().getOut(), options, result, "gflowd: shutting down");
    return 0;
  }
}
