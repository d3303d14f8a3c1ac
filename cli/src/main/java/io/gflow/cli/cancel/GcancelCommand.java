package io.gflow.cli.cancel;

import io.gflow.cli.Cli;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.CommandSpecs;
import io.gflow.cli.DirectArgs;
import io.gflow.cli.JobIds;
import io.gflow.cli.Outcomes;
import io.gflow.cli.UsageException;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.CancelRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gcancel}: cancel jobs. One line per job; the exit code is the worst per-job code (0 when
 * all were cancelled). One instance per run; not thread-safe.
 */
public final class GcancelCommand implements Cli.Direct, CommandSpecs.Specified {
  final ClientOptions options = new ClientOptions();
  private PrintWriter out;
  private PrintWriter err;
  List<String> ids;
  String signal;

  /** The options, built in code for a fast start (see {@link CommandSpecs}). */
  @Override
  public CommandSpec commandSpec() {
    CommandSpec spec =
        CommandSpecs.client(
            this,
            "gcancel",
            "Cancel jobs: pending and held ones at once, running ones with SIGTERM, then SIGKILL"
                + " after the grace period.",
            options);
    spec.addPositional(
        CommandSpecs.positionalList(
            "1..*", "IDS", "Jobs: 42, 42-45, 42,43.", () -> ids, value -> ids = value));
    spec.addOption(
        CommandSpecs.option(
            new String[] {"--signal"},
            String.class,
            "SIG",
            "Signal a running job gets first (TERM, INT, USR1, 9 …).",
            () -> signal,
            value -> signal = value));
    return CommandSpecs.finish(spec);
  }

  @Override
  public boolean parseDirect(String[] args) {
    DirectArgs in = new DirectArgs(args);
    List<String> given = new ArrayList<>();
    for (String arg = in.next(); arg != null; arg = in.next()) {
      if ("--signal".equals(arg)) {
        signal = in.value(signal);
      } else if (in.positional(arg)) {
        given.add(arg);
      } else {
        options.parseDirect(arg, in);
      }
    }
    ids = given;
    return in.ok() && !given.isEmpty();
  }

  @Override
  public String name() {
    return "gcancel";
  }

  @Override
  public ClientOptions options() {
    return options;
  }

  @Override
  public void streams(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public GcancelCommand fresh() {
    return new GcancelCommand();
  }

  public static void main(String[] args) {
    System.exit(Cli.run(new GcancelCommand(), args));
  }

  @Override
  public Integer call() throws Exception {
    CancelRequest request;
    try {
      request = new CancelRequest(JobIds.parse(ids), signal);
    } catch (IllegalArgumentException | RpcException bad) {
      throw new UsageException(bad.getMessage(), bad);
    }
    return Outcomes.run(
        "gcancel", options, Methods.JOB_CANCEL, request.toJson(), "cancelled", out, err);
  }
}
