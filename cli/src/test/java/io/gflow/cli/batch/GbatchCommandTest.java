package io.gflow.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GbatchCommandTest {
  private static GbatchCommand parse(String... args) {
    GbatchCommand command = new GbatchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void parse_optionsStopAtCommand_argvUntouched() {
    GbatchCommand command = parse("-g", "1", "python", "train.py", "--lr", "0.1", "-g", "@f");
    assertEquals(1, command.submit.gpus);
    assertEquals(List.of("python", "train.py", "--lr", "0.1", "-g", "@f"), command.command);
  }

  @Test
  void parse_doubleDash_commandStartingWithDash() {
    assertEquals(List.of("-weird", "x"), parse("--", "-weird", "x").command);
  }

  @Test
  void run_nothingToRun_exit2NamesProgram() {
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new GbatchCommand(),
            new String[] {"-g", "1"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("gbatch: nothing to run"), err.toString());
    assertTrue(err.toString().contains("Try 'gbatch --help'"), err.toString());
  }
}
