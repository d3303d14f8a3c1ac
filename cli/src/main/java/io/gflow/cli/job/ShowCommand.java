package io.gflow.cli.job;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.job.IdRequest;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.json.Json;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gjob show ID}: every field of one job. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one job in full.")
final class ShowCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The job.")
  long id;

  @Override
  public Integer call() throws Exception {
    JobInfo job =
        JobInfo.fromJson(
            JobCalls.call(options, Methods.JOB_GET, new IdRequest(JobArgs.id(spec, id)).toJson()));
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      out.println(Json.write(job.toJson()));
    } else {
      Clock clock = Clock.systemDefaultZone();
      out.print(JobFormat.show(job, clock.instant(), clock.getZone()));
    }
    out.flush();
    return 0;
  }
}
