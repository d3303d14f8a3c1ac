package io.gflow.cli;

import io.gflow.protocol.ErrorData;
import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.Version;
import io.gflow.protocol.client.DaemonUnreachableException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.rpc.RpcError;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs one client command: one execution-exception handler that prints {@code prog: message} (stack
 * trace only with {@code --debug}) and maps errors to the exit codes of SPEC §8.
 */
public final class Cli {
  private Cli() {}

  /** Parses {@code args} for {@code command} and runs it; returns the exit code. */
  public static int run(Object command, String[] args) {
    return run(command, args, new ByteWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** As {@link #run(Object, String[])}, writing to the given streams (tests). */
  public static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
    Object parsed = command;
    if (command instanceof Direct direct) {
      direct.streams(out, err);
      if (direct.parseDirect(args)) {
        return runDirect(direct, out, err);
      }
      Direct fresh = direct.fresh(); // parseDirect may have set some fields
      fresh.streams(out, err);
      parsed = fresh;
    }
    return runPicocli(parsed, args, out, err);
  }

  /** Runs a command whose arguments {@link DirectArgs} read, as picocli would run it. */
  private static int runDirect(Direct command, PrintWriter out, PrintWriter err) {
    ClientOptions options = command.options();
    try {
      return command.call();
    } catch (UsageException usage) {
      return usage(command.name(), command.name(), usage.getMessage(), err);
    } catch (Exception failure) {
      return report(command.name(), failure, out, err, options.json(), options.debug());
    }
  }

  private static int runPicocli(Object command, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = CommandSpecs.commandLine(command);
    commandLine.setOut(out);
    commandLine.setErr(err);
    String program = commandLine.getCommandName();
    // "@file" arguments must reach the job as they are, never be expanded by picocli.
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler(Cli::usageError);
    commandLine.setExecutionExceptionHandler(
        (failure, line, parseResult) ->
            failure instanceof UsageException usage
                ? usage(program, program, usage.getMessage(), line.getErr())
                : report(
                    program,
                    failure,
                    line.getOut(),
                    line.getErr(),
                    jsonRequested(line),
                    debug(parseResult)));
    return commandLine.execute(args);
  }

  /**
   * A command whose usual arguments {@link DirectArgs} reads without building picocli's {@code
   * CommandLine}; anything else goes to picocli. It writes to the streams it is given and reports
   * bad values with {@link UsageException}.
   */
  public interface Direct extends Callable<Integer> {
    /** The program name, as in messages. */
    String name();

    /** The shared client options (for {@code --json} and {@code --debug} on errors). */
    ClientOptions options();

    /** Where the command writes; called before it runs. */
    void streams(PrintWriter out, PrintWriter err);

    /**
     * Reads {@code args} into this command if all are in the plain forms {@link DirectArgs} takes;
     * false (with this command partly set) otherwise.
     */
    boolean parseDirect(String[] args);

    /** A new, unparsed instance of this command. */
    Direct fresh();
  }

  /** Usage errors: {@code prog: message} and where to find help; exit 2 (SPEC §8). */
  private static int usageError(CommandLine.ParameterException failure, String[] args) {
    CommandLine line = failure.getCommandLine();
    String name = line.getCommandSpec().qualifiedName();
    String root = line.getCommandSpec().root().name();
    return usage(name, root, failure.getMessage(), line.getErr());
  }

  private static int usage(String name, String root, String text, PrintWriter err) {
    String message = SafeText.escape(String.valueOf(text), 2000);
    err.println(message.startsWith(root + ":") ? message : name + ": " + message);
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static boolean debug(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult current = parseResult;
    while (current != null) {
      if (current.hasMatchedOption("--debug")) {
        return true;
      }
      current = current.subcommand();
    }
    return false;
  }

  private static int report(
      String program,
      Exception failure,
      PrintWriter out,
      PrintWriter err,
      boolean json,
      boolean debug) {
    int exitCode;
    if (failure instanceof RpcException rpc) {
      err.println(program + ": " + describe(rpc));
      if (rpc.data().hint() != null) {
        err.println(program + ": hint: " + SafeText.escape(rpc.data().hint(), 500));
      }
      if (json) {
        out.println(
            Json.write(JsonObject.builder().put("error", RpcError.of(rpc).toJson()).build()));
        out.flush();
      }
      exitCode = rpc.code().exitCode();
    } else if (failure instanceof DaemonUnreachableException unreachable) {
      err.println(program + ": " + unreachable.getMessage());
      exitCode = ExitCodes.UNREACHABLE;
    } else if (failure instanceof IOException io) {
      err.println(program + ": " + io.getMessage());
      exitCode = ExitCodes.ERROR;
    } else {
      err.println(program + ": internal error: " + failure);
      exitCode = ExitCodes.ERROR;
    }
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }

  private static boolean jsonRequested(CommandLine line) {
    return line.getParseResult() != null && line.getParseResult().hasMatchedOption("--json");
  }

  /** The daemon's message plus who it thinks we are, escaped for the terminal. */
  static String describe(RpcException rpc) {
    String message = SafeText.escape(rpc.getMessage(), 2000);
    ErrorData.CallerInfo caller = rpc.data().caller();
    if (caller != null) {
      message += " (you are " + SafeText.escape(caller.user()) + ", uid " + caller.uid() + ")";
    }
    return message;
  }

  /** Supplies {@code --version} for every client command. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gflow " + Version.current()};
    }
  }
}
