package io.gflow.cli.ctl;

import io.gflow.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs gctl in this JVM and captures exit code, stdout and stderr. Stateless. */
final class GctlRunner {
  record Run(int exitCode, String stdout, String stderr) {}

  private GctlRunner() {}

  static Run gctl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Cli.run(new GctlCommand(), args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exitCode, out.toString(), err.toString());
  }

  static String[] withSocket(String socket, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--socket");
    all.add(socket);
    return all.toArray(String[]::new);
  }
}
