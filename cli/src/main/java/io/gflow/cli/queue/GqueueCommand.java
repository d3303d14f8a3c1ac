package io.gflow.cli.queue;

import io.gflow.cli.Cli;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.cli.JobIds;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListRequest;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gqueue}: list jobs. By default your own unfinished jobs; {@code -c} adds finished ones
 * with their exit code or signal, end time and reason. One instance per run; not thread-safe.
 */
@Command(
    name = "gqueue",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "List jobs (default: your own pending, held and running jobs).")
public final class GqueueCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Option(
      names = {"-u", "--user"},
      split = ",",
      paramLabel = "USER",
      description = "Only these users' jobs.")
  List<String> users = new ArrayList<>();

  @Option(
      names = {"-s", "--states"},
      split = ",",
      paramLabel = "ST",
      description = "Only these states (PD,H,R,CD,F,CA,TO,LO or full names).")
  List<String> states = new ArrayList<>();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "IDS",
      description = "Only these jobs (42, 42-45, 42,43), in any state.")
  List<String> jobs = new ArrayList<>();

  @Option(
      names = {"-n", "--name"},
      split = ",",
      paramLabel = "NAME",
      description = "Only jobs with these names.")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-c", "--completed"},
      description = "Include finished jobs, with EXIT and END columns.")
  boolean completed;

  @Option(
      names = {"-a", "--all"},
      description = "Everyone's jobs (others' appear without command and paths).")
  boolean all;

  @Option(
      names = "--format",
      paramLabel = "FIELDS",
      description =
          "Columns: id,name,user,state,st,time,limit,gpus,priority,exit,submit,start,end,"
              + "reason,command.")
  String format;

  @Option(
      names = {"-l", "--long"},
      description = "More columns.")
  boolean longFormat;

  @Option(names = "--noheader", description = "Leave out the header line.")
  boolean noHeader;

  public static void main(String[] args) {
    System.exit(Cli.run(new GqueueCommand(), args));
  }

  @Override
  public Integer call() throws Exception {
    ListRequest first;
    List<QueueColumn> columns;
    try {
      List<JobState> stateFilter = new ArrayList<>();
      for (String state : states) {
        stateFilter.add(JobState.parse(state.trim()));
      }
      List<Long> ids = jobs.isEmpty() ? List.of() : JobIds.parse(jobs);
      String own = System.getProperty("user.name");
      first = QueueView.request(users, stateFilter, ids, names, completed, all, own);
      columns = QueueView.columns(format, longFormat, completed);
    } catch (IllegalArgumentException | RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      if (options.json()) {
        JsonListing listing = new JsonListing(out);
        QueuePages.fetch(client, first, listing);
        listing.finish();
      } else {
        Clock clock = Clock.systemDefaultZone();
        TableListing table = new TableListing(columns, clock.instant(), clock.getZone());
        QueuePages.fetch(client, first, table);
        out.print(table.render(noHeader));
      }
    }
    out.flush();
    return 0;
  }
}
