package io.gflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void parse_noArguments_runsEverythingInFull() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertFalse(options.quick());
    assertFalse(options.keep());
    assertNull(options.dist());
    assertTrue(options.runs("rpc"));
    assertTrue(options.runs("restart"));
  }

  @Test
  void parse_everyOption_isRead() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--quick", "--keep", "--dist", "/opt/gflow", "--only", "submit"});

    assertTrue(options.quick());
    assertTrue(options.keep());
    assertEquals(Path.of("/opt/gflow"), options.dist());
    assertTrue(options.runs("submit"));
    assertFalse(options.runs("rpc"));
  }

  @Test
  void parse_unknownScenario_namesTheChoices() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchOptions.parse(new String[] {"--only", "pingpong"}));

    assertTrue(refused.getMessage().contains("rpc, submit"), refused.getMessage());
  }

  @Test
  void parse_missingValueOrUnknownArgument_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--dist"}));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"-x"}));
  }

  @Test
  void run_badArgument_exitsWithUsage() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

    int status =
        BenchMain.run(
            new String[] {"--fast"},
            new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
            new java.io.PrintStream(err));

    assertEquals(2, status);
    assertTrue(err.toString().startsWith("gflow-bench: unknown argument: --fast\nusage:"));
  }
}
