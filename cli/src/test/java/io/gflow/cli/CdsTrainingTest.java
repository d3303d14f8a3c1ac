package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.queue.GqueueCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingTest {
  @Test
  @Timeout(60)
  void train_everyClient_runsQuietlyAndCreatesNothing(@TempDir Path dir) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int runs;
    try (PrintStream capture = new PrintStream(printed, true)) {
      System.setOut(capture);
      System.setErr(capture);
      runs = CdsTraining.train(dir);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", printed.toString());
    assertEquals(0, dir.toFile().list().length, "left in " + dir);
    // 6 clients x (help, version, usage error, unreachable, served) + subcommands and variants.
    assertTrue(runs > 6 * 5, "runs: " + runs);
  }

  @Test
  @Timeout(60)
  void trainingDaemon_servesTheListingAndCancelPaths(@TempDir Path dir) throws Exception {
    try (TrainingDaemon daemon = TrainingDaemon.start(dir.resolve("t.sock"))) {
      String socket = daemon.socket().toString();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int listed =
          Cli.run(
              new GqueueCommand(),
              new String[] {"--socket", socket, "-a"},
              new PrintWriter(out),
              new PrintWriter(err));
      assertEquals(0, listed, err.toString());
      assertTrue(
          out.toString().contains("sweep") && out.toString().contains("run.sh"), out.toString());
      StringWriter cancelled = new StringWriter();
      int code =
          Cli.run(
              new GcancelCommand(),
              new String[] {"--socket", socket, "1"},
              new PrintWriter(cancelled),
              new PrintWriter(err));
      assertEquals(0, code, err.toString());
      assertEquals("gcancel: cancelled job 1", cancelled.toString().strip());
    }
    assertFalse(dir.resolve("t.sock").toFile().exists());
  }
}
