package io.gflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a client command in this JVM against one daemon socket and captures exit code, stdout and
 * stderr. Stateless apart from the socket path.
 */
public final class CliRunner {
  /** What one run printed and returned. */
  public record Run(int exitCode, String stdout, String stderr) {
    /** The output for assertion messages. */
    public String both() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "stderr:\n" + stderr;
    }
  }

  private final Path socket;

  public CliRunner(Path socket) {
    this.socket = socket;
  }

  /** Runs {@code command} with {@code --socket} first, then {@code args}. */
  public Run run(Object command, String... args) {
    List<String> all = new ArrayList<>(List.of("--socket", socket.toString()));
    all.addAll(List.of(args));
    return exec(command, all);
  }

  /** Runs a command with subcommands: {@code sub --socket S args...}. */
  public Run runSub(Object command, String sub, String... args) {
    List<String> all = new ArrayList<>(List.of(sub, "--socket", socket.toString()));
    all.addAll(List.of(args));
    return exec(command, all);
  }

  /**
   * Submits with {@code gbatch --parsable -o OUTPUT_DIR/%j.out args...}, requires success and
   * returns the printed id(s).
   */
  public String submit(Path outputDir, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--parsable", "-o", outputDir.resolve("%j.out").toString()));
    all.addAll(List.of(args));
    Run run = run(new io.gflow.cli.batch.GbatchCommand(), all.toArray(String[]::new));
    if (run.exitCode() != 0) {
      throw new AssertionError("gbatch failed: " + run.both());
    }
    return run.stdout().trim();
  }

  /** Runs {@code command} with exactly {@code args}. */
  public static Run exec(Object command, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Cli.run(
            command,
            args.toArray(String[]::new),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(exitCode, out.toString(), err.toString());
  }
}
