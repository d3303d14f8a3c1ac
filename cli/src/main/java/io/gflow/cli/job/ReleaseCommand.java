package io.gflow.cli.job;

import io.gflow.cli.BeginTimes;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.Outcomes;
import io.gflow.protocol.Methods;
import io.gflow.protocol.job.ReleaseRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gjob release IDS [--at TIME]}: let held jobs start (now, or not before TIME). */
@Command(name = "release", mixinStandardHelpOptions = true, description = "Release held jobs.")
final class ReleaseCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IDS", description = "Jobs: 42, 42-45, 42,43.")
  List<String> ids;

  @Option(names = "--at", paramLabel = "TIME", description = "Not before TIME (as gbatch --begin).")
  String at;

  @Override
  public Integer call() throws Exception {
    Instant when = null;
    if (at != null) {
      Clock clock = Clock.systemDefaultZone();
      try {
        when = BeginTimes.parse(at, clock.instant(), clock.getZone());
      } catch (IllegalArgumentException bad) {
        throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
      }
    }
    ReleaseRequest request = new ReleaseRequest(JobArgs.ids(spec, ids), when);
    return Outcomes.run(
        "gjob",
        options,
        Methods.JOB_RELEASE,
        request.toJson(),
        "released",
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
