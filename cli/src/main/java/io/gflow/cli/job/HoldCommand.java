package io.gflow.cli.job;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Outcomes;
import io.gflow.protocol.Methods;
import io.gflow.protocol.job.IdsRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gjob hold IDS}: keep pending jobs from starting until released. */
@Command(name = "hold", mixinStandardHelpOptions = true, description = "Hold pending jobs.")
final class HoldCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IDS", description = "Jobs: 42, 42-45, 42,43.")
  List<String> ids;

  @Override
  public Integer call() throws Exception {
    IdsRequest request = new IdsRequest(JobArgs.ids(spec, ids));
    return Outcomes.run(
        "gjob",
        options,
        Methods.JOB_HOLD,
        request.toJson(),
        "held",
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
