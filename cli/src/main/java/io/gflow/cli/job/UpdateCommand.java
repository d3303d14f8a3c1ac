package io.gflow.cli.job;

import io.gflow.cli.BeginTimes;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.JobIds;
import io.gflow.cli.TimeLimits;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.UpdateRequest;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gjob update ID ...}: change a pending or held job. */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = "Change a pending or held job (users may lower, not raise, what an admin set).")
final class UpdateCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The job.")
  long id;

  @Option(
      names = {"-p", "--priority"},
      paramLabel = "N",
      description = "New priority.")
  Integer priority;

  @Option(
      names = {"-t", "--time"},
      paramLabel = "LIMIT",
      description = "New time limit (as gbatch -t).")
  String time;

  @Option(
      names = {"-g", "--gpus"},
      paramLabel = "N",
      description = "New GPU count.")
  Integer gpus;

  @Option(
      names = {"-d", "--depends-on"},
      paramLabel = "IDS",
      description = "New dependencies (none clears them).")
  String dependsOn;

  @Option(
      names = {"-n", "-J", "--name"},
      paramLabel = "NAME",
      description = "New name.")
  String name;

  @Option(names = "--begin", paramLabel = "TIME", description = "New begin time.")
  String begin;

  @Override
  public Integer call() throws Exception {
    UpdateRequest request = request();
    JsonValue result = JobCalls.call(options, Methods.JOB_UPDATE, request.toJson());
    PrintWriter out = spec.commandLine().getOut();
    out.println(options.json() ? Json.write(result) : "gjob: updated job " + request.id());
    out.flush();
    return 0;
  }

  private UpdateRequest request() {
    try {
      Long limit = null;
      if (time != null) {
        limit = TimeLimits.parse(time);
        if (limit == null) {
          throw new IllegalArgumentException(
              "a time limit cannot be removed by update; give a new limit instead");
        }
      }
      Clock clock = Clock.systemDefaultZone();
      return new UpdateRequest(
          JobArgs.id(spec, id),
          priority,
          gpus,
          limit,
          dependsOn == null ? null : JobIds.parseDependencies(dependsOn),
          name,
          begin == null ? null : BeginTimes.parse(begin, clock.instant(), clock.getZone()));
    } catch (IllegalArgumentException | RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
  }
}
