package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.control.MetricsResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl metrics}: the daemon's metrics in Prometheus text format (admins only). */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "Print gflowd's metrics in Prometheus text format (admin).")
final class MetricsCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.DEBUG_METRICS);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      out.println(Json.write(result));
    } else {
      out.print(printable(MetricsResult.fromJson(result).text()));
    }
    out.flush();
    return 0;
  }

  /** The exposition text with any control character but newline shown as '?'. */
  static String printable(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.chars()
        .forEach(
            next ->
                safe.append(
                    next == '\n' || (next >= 0x20 && (next < 0x7f || next > 0x9f))
                        ? (char) next
                        : '?'));
    return safe.toString();
  }
}
