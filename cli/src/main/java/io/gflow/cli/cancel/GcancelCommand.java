package io.gflow.cli.cancel;

import io.gflow.cli.Cli;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.JobIds;
import io.gflow.cli.Outcomes;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.CancelRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gcancel}: cancel jobs. One line per job; the exit code is the worst per-job code (0 when
 * all were cancelled). One instance per run; not thread-safe.
 */
@Command(
    name = "gcancel",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description =
        "Cancel jobs: pending and held ones at once, running ones with SIGTERM, then SIGKILL"
            + " after the grace period.")
public final class GcancelCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IDS", description = "Jobs: 42, 42-45, 42,43.")
  List<String> ids;

  @Option(
      names = "--signal",
      paramLabel = "SIG",
      description = "Signal a running job gets first (TERM, INT, USR1, 9 …).")
  String signal;

  public static void main(String[] args) {
    System.exit(Cli.run(new GcancelCommand(), args));
  }

  @Override
  public Integer call() throws Exception {
    CancelRequest request;
    try {
      request = new CancelRequest(JobIds.parse(ids), signal);
    } catch (IllegalArgumentException | RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    return Outcomes.run(
        "gcancel",
        options,
        Methods.JOB_CANCEL,
        request.toJson(),
        "cancelled",
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
