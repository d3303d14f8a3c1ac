package io.gflow.cli;

import io.gflow.cli.batch.GbatchCommand;
import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.ctl.GctlCommand;
import io.gflow.cli.info.GinfoCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.cli.queue.GqueueCommand;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The training run for the clients' class-data archive (AppCDS on JDK 17–24, AOT cache on 25+), run
 * once by {@code libexec/gflow-cds build}: builds every client's picocli model and walks the paths
 * a cold start takes ({@code --help}, {@code --version}, every subcommand's help, a usage error, a
 * daemon that is not there) with all output discarded, so that the classes they load land in the
 * archive. It never reaches a daemon and changes nothing. Not thread-safe.
 */
public final class CdsTraining {
  /** Each client, and the arguments that make it try to reach the daemon at {@code SOCKET}. */
  private static final Map<Supplier<Object>, List<String>> CLIENTS =
      Map.of(
          GbatchCommand::new, List.of("--socket", "SOCKET", "--wrap", "true"),
          GqueueCommand::new, List.of("--socket", "SOCKET", "--json"),
          GcancelCommand::new, List.of("--socket", "SOCKET", "1"),
          GjobCommand::new, List.of("show", "--socket", "SOCKET", "1"),
          GinfoCommand::new, List.of("--socket", "SOCKET"),
          GctlCommand::new, List.of("ping", "--socket", "SOCKET"));

  private CdsTraining() {}

  /** Runs the training; prints nothing, exits 0. */
  public static void main(String[] args) {
    Path absent =
        Path.of(System.getProperty("java.io.tmpdir"), "gflow-cds-" + ProcessHandle.current().pid());
    train(absent);
  }

  /**
   * Runs every client over the cold-start paths; returns the number of runs. The daemon's socket is
   * {@code absentDir/none.sock}: {@code absentDir} must not exist.
   */
  static int train(Path absentDir) {
    String socket = absentDir.resolve("none.sock").toString();
    int runs = 0;
    for (Map.Entry<Supplier<Object>, List<String>> client : CLIENTS.entrySet()) {
      for (String[] args : argumentLists(client.getKey().get(), client.getValue(), socket)) {
        Cli.run(client.getKey().get(), args, discard(), discard());
        runs++;
      }
    }
    return runs;
  }

  private static List<String[]> argumentLists(
      Object command, List<String> unreachable, String socket) {
    List<String[]> lists = new ArrayList<>();
    lists.add(new String[] {"--help"});
    lists.add(new String[] {"--version"});
    lists.add(new String[] {"--no-such-option"});
    for (String subcommand : new CommandLine(command).getSubcommands().keySet()) {
      lists.add(new String[] {subcommand, "--help"});
    }
    lists.add(
        unreachable.stream()
            .map(arg -> arg.equals("SOCKET") ? socket : arg)
            .toArray(String[]::new));
    return lists;
  }

  private static PrintWriter discard() {
    return new PrintWriter(Writer.nullWriter());
  }
}
