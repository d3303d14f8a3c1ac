package io.gflow.cli.queue;

import io.gflow.cli.Cli;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.CommandSpecs;
import io.gflow.cli.Connector;
import io.gflow.cli.DirectArgs;
import io.gflow.cli.JobIds;
import io.gflow.cli.UsageException;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gqueue}: list jobs. By default your own unfinished jobs; {@code -c} adds finished ones
 * with their exit code or signal, end time and reason. One instance per run; not thread-safe.
 */
public final class GqueueCommand implements Cli.Direct, CommandSpecs.Specified {
  final ClientOptions options = new ClientOptions();
  private PrintWriter out;
  List<String> users = new ArrayList<>();
  List<String> states = new ArrayList<>();
  List<String> jobs = new ArrayList<>();
  List<String> names = new ArrayList<>();
  boolean completed;
  boolean all;
  String format;
  boolean longFormat;
  boolean noHeader;

  /** The options, built in code for a fast start (see {@link CommandSpecs}). */
  @Override
  public CommandSpec commandSpec() {
    CommandSpec spec =
        CommandSpecs.client(
            this,
            "gqueue",
            "List jobs (default: your own pending, held and running jobs).",
            options);
    spec.addOption(
        CommandSpecs.listOption(
            new String[] {"-u", "--user"},
            ",",
            "USER",
            "Only these users' jobs.",
            () -> users,
            value -> users = value));
    spec.addOption(
        CommandSpecs.listOption(
            new String[] {"-s", "--states"},
            ",",
            "ST",
            "Only these states (PD,H,R,CD,F,CA,TO,LO or full names).",
            () -> states,
            value -> states = value));
    spec.addOption(
        CommandSpecs.listOption(
            new String[] {"-j", "--jobs"},
            null,
            "IDS",
            "Only these jobs (42, 42-45, 42,43), in any state.",
            () -> jobs,
            value -> jobs = value));
    spec.addOption(
        CommandSpecs.listOption(
            new String[] {"-n", "--name"},
            ",",
            "NAME",
            "Only jobs with these names.",
            () -> names,
            value -> names = value));
    spec.addOption(
        CommandSpecs.flag(
            new String[] {"-c", "--completed"},
            "Include finished jobs, with EXIT and END columns.",
            () -> completed,
            value -> completed = value));
    spec.addOption(
        CommandSpecs.flag(
            new String[] {"-a", "--all"},
            "Everyone's jobs (others' appear without command and paths).",
            () -> all,
            value -> all = value));
    spec.addOption(
        CommandSpecs.option(
            new String[] {"--format"},
            String.class,
            "FIELDS",
            "Columns: id,name,user,state,st,time,limit,gpus,priority,exit,submit,start,end,"
                + "reason,command.",
            () -> format,
            value -> format = value));
    spec.addOption(
        CommandSpecs.flag(
            new String[] {"-l", "--long"},
            "More columns.",
            () -> longFormat,
            value -> longFormat = value));
    spec.addOption(
        CommandSpecs.flag(
            new String[] {"--noheader"},
            "Leave out the header line.",
            () -> noHeader,
            value -> noHeader = value));
    return CommandSpecs.finish(spec);
  }

  @Override
  public boolean parseDirect(String[] args) {
    DirectArgs in = new DirectArgs(args);
    for (String arg = in.next(); arg != null; arg = in.next()) {
      switch (arg) {
        case "-u", "--user" -> in.addSplit(users);
        case "-s", "--states" -> in.addSplit(states);
        case "-j", "--jobs" -> in.add(jobs);
        case "-n", "--name" -> in.addSplit(names);
        case "-c", "--completed" -> completed = in.flag(completed);
        case "-a", "--all" -> all = in.flag(all);
        case "--format" -> format = in.value(format);
        case "-l", "--long" -> longFormat = in.flag(longFormat);
        case "--noheader" -> noHeader = in.flag(noHeader);
        default -> options.parseDirect(arg, in);
      }
    }
    return in.ok();
  }

  @Override
  public String name() {
    return "gqueue";
  }

  @Override
  public ClientOptions options() {
    return options;
  }

  @Override
  public void streams(PrintWriter out, PrintWriter err) {
    this.out = out;
  }

  @Override
  public GqueueCommand fresh() {
    return new GqueueCommand();
  }

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
      columns = QueueView.columns(format, longFormat, completed);
      first = QueueView.request(users, stateFilter, ids, names, completed, all, own);
      if (!options.json()) {
        // The table asks only for what its columns show; --json prints whole jobs.
        first = first.withFields(QueueColumn.fieldsFor(columns));
      }
    } catch (IllegalArgumentException | RpcException bad) {
      throw new UsageException(bad.getMessage(), bad);
    }
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      if (options.json()) {
        JsonListing listing = new JsonListing(out);
        QueuePages.fetch(client, first, listing);
        listing.finish();
      } else {
        TableListing table = new TableListing(columns, Instant.now(), QueueColumn.zoneFor(columns));
        QueuePages.fetch(client, first, table);
        table.print(out, noHeader);
      }
    }
    out.flush();
    return 0;
  }
}
