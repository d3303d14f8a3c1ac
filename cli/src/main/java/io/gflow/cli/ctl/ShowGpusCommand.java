package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.info.GpuTable;
import io.gflow.protocol.Methods;
import io.gflow.protocol.job.GpusResult;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl show-gpus}: the GPU table of {@code ginfo}. */
@Command(
    name = "show-gpus",
    mixinStandardHelpOptions = true,
    description = "Show the GPUs, which ones new jobs may use, and why the others are unavailable.")
final class ShowGpusCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.SCHED_GPUS);
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        GpuTable.render(GpusResult.fromJson(result)).stripTrailing());
    return 0;
  }
}
