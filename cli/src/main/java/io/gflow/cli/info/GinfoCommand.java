package io.gflow.cli.info;

import io.gflow.cli.Cli;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.GpusResult;
import io.gflow.protocol.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ginfo}: the host's GPUs, which ones jobs may use, and which job uses each. */
@Command(
    name = "ginfo",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Show the GPUs gflowd schedules and what runs on them.")
public final class GinfoCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(Cli.run(new GinfoCommand(), args));
  }

  @Override
  public Integer call() throws Exception {
    GpusResult result;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      result = GpusResult.fromJson(client.call(Methods.SCHED_GPUS, null));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      out.println(Json.write(result.toJson()));
    } else {
      out.print(GpuTable.render(result));
    }
    out.flush();
    return 0;
  }
}
