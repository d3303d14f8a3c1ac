package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl ping}: is the daemon answering. */
@Command(name = "ping", mixinStandardHelpOptions = true, description = "Check that gflowd answers.")
final class PingCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    JsonValue result = CtlCall.call(options, Methods.DAEMON_PING);
    double millis = (System.nanoTime() - start) / 1e6;
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        String.format("gflowd: ok (%.1f ms)", millis));
    return 0;
  }
}
