package io.gflow.cli.job;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.cli.Texts;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.IdRequest;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.LogResult;
import io.gflow.protocol.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gjob log ID [--stderr] [--follow]}: print a job's output. The daemon only says where the
 * file is; this client reads it with the caller's own rights.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Print a job's output.")
final class LogCommand implements Callable<Integer> {
  private static final long POLL_MS = 500;

  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The job.")
  long id;

  @Option(names = "--stderr", description = "The job's stderr instead of its stdout.")
  boolean stderr;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing what the job writes until it finishes.")
  boolean follow;

  @Override
  public Integer call() throws Exception {
    IdRequest request = new IdRequest(JobArgs.id(spec, id));
    PrintWriter out = spec.commandLine().getOut();
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      LogResult log = LogResult.fromJson(client.call(Methods.JOB_LOG, request.toJson()));
      if (options.json()) {
        out.println(Json.write(log.toJson()));
        out.flush();
        return 0;
      }
      Path file = Path.of(stderr ? log.stderrPath() : log.stdoutPath());
      LogFile reader = new LogFile(file);
      if (!follow) {
        if (!reader.exists()) {
          throw missing(file, JobInfo.fromJson(client.call(Methods.JOB_GET, request.toJson())));
        }
        reader.copyNew(out);
        return 0;
      }
      while (true) {
        // Look at the state first so that output written before the job ended is not missed.
        boolean finished =
            JobInfo.fromJson(client.call(Methods.JOB_GET, request.toJson())).state().isTerminal();
        if (reader.exists()) {
          reader.copyNew(out);
        }
        if (finished) {
          return 0;
        }
        Thread.sleep(POLL_MS);
      }
    }
  }

  private IOException missing(Path file, JobInfo job) {
    String which = stderr ? "stderr" : "stdout";
    String why =
        job.startTime() == null
            ? "the job has not started yet (" + job.state().wireName() + ")"
            : "it was moved or deleted, or you may not read it";
    return new IOException(
        "job "
            + id
            + "'s "
            + which
            + " file "
            + Texts.safeLong(file.toString())
            + " does not exist: "
            + why);
  }
}
