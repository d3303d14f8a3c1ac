package io.gflow.cli.job;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.cli.Texts;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.IdRequest;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.SubmitRequest;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gjob redo ID}: submit a job again with the original's command or script, directory,
 * environment and resources. Its dependencies, begin time and output paths are not reused.
 */
@Command(
    name = "redo",
    mixinStandardHelpOptions = true,
    description = "Submit a copy of a job (same command, directory, environment, resources).")
final class RedoCommand implements Callable<Integer> {
  /** Highest priority a plain user may choose; anything above was an admin's decision. */
  static final int USER_MAX_PRIORITY = 50;

  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The job to run again.")
  long id;

  @Override
  public Integer call() throws Exception {
    IdRequest request = new IdRequest(JobArgs.id(spec, id));
    SubmitResult result;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      JobInfo original = JobInfo.fromJson(client.call(Methods.JOB_GET, request.toJson()));
      SubmitRequest again = copy(original, System.getenv());
      result = SubmitResult.fromJson(client.call(Methods.JOB_SUBMIT, again.toJson()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        options.json()
            ? Json.write(result.toJson())
            : "Submitted job " + result.ids().get(0) + " (redo of job " + id + ")");
    out.flush();
    return 0;
  }

  /**
   * The submission that repeats {@code original}; {@code fallbackEnv} is used only when the daemon
   * did not send the original environment.
   *
   * @throws RpcException FORBIDDEN when the job's command is hidden from the caller
   */
  static SubmitRequest copy(JobInfo original, Map<String, String> fallbackEnv) {
    if (original.redacted() || (original.command() == null && original.script() == null)) {
      throw new RpcException(
          ErrorCode.FORBIDDEN,
          "cannot redo job "
              + original.id()
              + ": its command is hidden from you (it belongs to "
              + Texts.safe(original.user())
              + ")");
    }
    return new SubmitRequest(
        original.command(),
        original.command() == null ? original.script() : null,
        original.name(),
        original.cwd(),
        original.env() != null ? original.env() : fallbackEnv,
        original.gpus(),
        original.priority() <= USER_MAX_PRIORITY ? original.priority() : null,
        original.timeLimitSeconds(),
        null,
        List.of(),
        original.dependencyMode(),
        true,
        null,
        original.group(),
        original.project(),
        null,
        null,
        false);
  }
}
