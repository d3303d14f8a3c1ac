package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl debug-state}: the daemon's internal state as indented JSON (admins only). */
@Command(
    name = "debug-state",
    mixinStandardHelpOptions = true,
    description =
        "Show gflowd's internal state (scheduler, connections, store, daemon) as JSON (admin).")
final class DebugStateCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.DEBUG_STATE);
    String pretty = PrettyJson.write(result);
    CtlCall.print(
        spec.commandLine().getOut(), options, result, pretty.substring(0, pretty.length() - 1));
    return 0;
  }
}
