package io.gflow.cli.batch;

import io.gflow.cli.Cli;
import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.SubmitRequest;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 * {@code gbatch}: submit a command, a script or {@code --wrap} text to gflowd. Options stop at the
 * first word of the command, so {@code gbatch python train.py --lr 0.1} sends that argv as it is.
 * One instance per run; not thread-safe.
 */
@Command(
    name = "gbatch",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    modelTransformer = GbatchCommand.StopAtCommand.class,
    description = {
      "Submit a job: a COMMAND with its arguments (never re-parsed by a shell), a SCRIPT (its text"
          + " is read now; #SBATCH and # GFLOW lines at its top set options, the command line"
          + " wins), or --wrap \"shell text\".",
      "The job runs in the current directory with the current environment."
    })
public final class GbatchCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Mixin SubmitOptions submit;
  @Spec CommandSpec spec;

  @Option(names = "--wrap", paramLabel = "TEXT", description = "Run TEXT with /bin/sh.")
  String wrap;

  @Option(names = "--parsable", description = "Print only the job id(s), comma-separated.")
  boolean parsable;

  @Parameters(
      arity = "0..*",
      paramLabel = "COMMAND",
      description = "COMMAND [ARGS...] or SCRIPT (use -- before a command that starts with -).")
  List<String> command = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(Cli.run(new GbatchCommand(), args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = Path.of("").toAbsolutePath();
    SubmitRequest request;
    try {
      JobSource source = JobSource.of(command, wrap, cwd);
      SubmitOptions merged = submit;
      if (source.script() != null && wrap == null) {
        Directives.Parsed directives = Directives.parse(source.script());
        directives.warnings().forEach(warning -> err.println("gbatch: warning: " + warning));
        merged = submit.over(directives.options());
      }
      Clock clock = Clock.systemDefaultZone();
      request =
          SubmitRequests.build(
              merged, source, cwd.toString(), System.getenv(), clock.instant(), clock.getZone());
    } catch (IllegalArgumentException | RpcException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    SubmitResult result;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      result = SubmitResult.fromJson(client.call(Methods.JOB_SUBMIT, request.toJson()));
    }
    if (options.json()) {
      out.println(Json.write(result.toJson()));
    } else if (parsable) {
      out.println(SubmitRequests.parsable(result));
    } else {
      out.println(SubmitRequests.submitted(result, request.array() != null));
    }
    if (result.draining()) {
      err.println("gbatch: note: " + SubmitRequests.drainingNote(result));
    }
    out.flush();
    err.flush();
    return 0;
  }

  /** Makes picocli treat everything after the first positional word as the command's argv. */
  static final class StopAtCommand implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec commandSpec) {
      commandSpec.parser().stopAtPositional(true);
      return commandSpec;
    }
  }
}
