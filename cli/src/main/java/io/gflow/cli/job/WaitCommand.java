package io.gflow.cli.job;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.WaitRequest;
import io.gflow.protocol.job.WaitResult;
import io.gflow.protocol.json.Json;
import java.io.PrintWriter;
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
 * {@code gjob wait IDS [--timeout S]}: block until the jobs finish. Exit 0 if all completed, 1 if
 * any failed, was cancelled, timed out or was lost, 75 when the timeout passed first.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for jobs to finish.")
final class WaitCommand implements Callable<Integer> {
  /** One long-poll at most this long; without --timeout the client asks again. */
  private static final long CHUNK_MS = 300_000;

  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IDS", description = "Jobs: 42, 42-45, 42,43.")
  List<String> ids;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Give up after this many seconds (exit 75); default: wait as long as it takes.")
  Long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    List<Long> jobs = JobArgs.ids(spec, ids);
    if (timeoutSeconds != null && (timeoutSeconds < 0 || timeoutSeconds > 86_400)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--timeout must be 0..86400 seconds, got " + timeoutSeconds);
    }
    long deadline =
        timeoutSeconds == null
            ? Long.MAX_VALUE
            : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    WaitResult result;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      do {
        long left =
            timeoutSeconds == null
                ? CHUNK_MS
                : Math.max(0, Math.min(CHUNK_MS, (deadline - System.nanoTime()) / 1_000_000));
        result =
            WaitResult.fromJson(
                client.call(Methods.JOB_WAIT, new WaitRequest(jobs, left).toJson()));
      } while (result.timedOut() && System.nanoTime() < deadline);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      out.println(Json.write(result.toJson()));
    } else {
      out.print(JobFormat.waitLines(result));
      if (result.timedOut()) {
        long unfinished = result.jobs().stream().filter(job -> !job.state().isTerminal()).count();
        spec.commandLine()
            .getErr()
            .println(
                "gjob: timed out after "
                    + timeoutSeconds
                    + " s; "
                    + unfinished
                    + " job(s) not finished");
      }
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return JobFormat.waitExitCode(result);
  }
}
