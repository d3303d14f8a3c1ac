package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingTest {
  @Test
  @Timeout(60)
  void train_everyClient_runsQuietlyAndCreatesNothing(@TempDir Path dir) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int runs;
    try (PrintStream capture = new PrintStream(printed, true)) {
      System.setOut(capture);
      System.setErr(capture);
      runs = CdsTraining.train(dir.resolve("absent"));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", printed.toString());
    assertFalse(dir.resolve("absent").toFile().exists());
    // 6 clients x (help, version, usage error, unreachable) + gjob's and gctl's subcommands.
    assertTrue(runs > 6 * 4, "runs: " + runs);
  }
}
