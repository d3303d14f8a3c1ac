package io.gflow.cli;

import io.gflow.cli.batch.GbatchCommand;
import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.ctl.GctlCommand;
import io.gflow.cli.info.GinfoCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.cli.queue.GqueueCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The training run for the clients' class-data archive (AppCDS on JDK 17–24, AOT cache on 25+), run
 * once by {@code libexec/gflow-cds build}: builds every client's picocli model and walks the paths
 * a cold start takes ({@code --help}, {@code --version}, every subcommand's help, a usage error, a
 * daemon that is not there, and a daemon that answers: the in-process {@link TrainingDaemon}) with
 * all output discarded, so that the classes they load land in the archive. It never reaches a real
 * daemon and changes nothing. Not thread-safe.
 */
public final class CdsTraining {
  /** Each client, and the arguments that make it call the daemon at {@code SOCKET}. */
  private static final Map<Supplier<Object>, List<List<String>>> CLIENTS =
      Map.of(
          GbatchCommand::new, List.of(List.of("--socket", "SOCKET", "--wrap", "true")),
          GqueueCommand::new,
              List.of(
                  List.of("--socket", "SOCKET"),
                  List.of("--socket", "SOCKET", "-c"),
                  List.of("--socket", "SOCKET", "--json")),
          GcancelCommand::new,
              List.of(
                  List.of("--socket", "SOCKET", "1"), List.of("--socket", "SOCKET", "--json", "1")),
          GjobCommand::new, List.of(List.of("show", "--socket", "SOCKET", "1")),
          GinfoCommand::new, List.of(List.of("--socket", "SOCKET")),
          GctlCommand::new, List.of(List.of("ping", "--socket", "SOCKET")));

  private CdsTraining() {}

  /** Runs the training; prints nothing, exits 0. */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("gflow-cds-");
    try {
      train(dir);
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  /**
   * Runs every client over the cold-start paths; returns the number of runs. {@code dir} must be
   * empty: the training daemon's socket goes there, and {@code dir/absent/none.sock} is the one
   * nothing listens on. Leaves {@code dir} empty.
   */
  static int train(Path dir) throws IOException {
    String absent = dir.resolve("absent").resolve("none.sock").toString();
    int runs = 0;
    try (TrainingDaemon daemon = TrainingDaemon.start(dir.resolve("training.sock"))) {
      String served = daemon.socket().toString();
      for (Map.Entry<Supplier<Object>, List<List<String>>> client : CLIENTS.entrySet()) {
        for (String[] args : argumentLists(client.getKey().get(), client.getValue(), absent)) {
          Cli.run(client.getKey().get(), args, discard(), discard());
          runs++;
        }
        for (List<String> call : client.getValue()) {
          Cli.run(client.getKey().get(), withSocket(call, served), discard(), discard());
          runs++;
        }
      }
    }
    return runs;
  }

  private static List<String[]> argumentLists(
      Object command, List<List<String>> calls, String absent) {
    List<String[]> lists = new ArrayList<>();
    lists.add(new String[] {"--help"});
    lists.add(new String[] {"--version"});
    lists.add(new String[] {"--no-such-option"});
    for (String subcommand : CommandSpecs.commandLine(command).getSubcommands().keySet()) {
      lists.add(new String[] {subcommand, "--help"});
    }
    lists.add(withSocket(calls.get(0), absent));
    return lists;
  }

  private static String[] withSocket(List<String> call, String socket) {
    return call.stream().map(arg -> arg.equals("SOCKET") ? socket : arg).toArray(String[]::new);
  }

  private static PrintWriter discard() {
    return new ByteWriter(OutputStream.nullOutputStream(), false);
  }
}
