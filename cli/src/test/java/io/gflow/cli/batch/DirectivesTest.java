package io.gflow.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectivesTest {
  @Test
  void parse_sbatchAndGflowLines_setOptions() {
    Directives.Parsed parsed =
        Directives.parse(
            "#!/bin/bash\n"
                + "#SBATCH --gpus=2\n"
                + "#SBATCH -t 1:00:00\n"
                + "\n"
                + "# a plain comment\n"
                + "#SBATCH --job-name=\"my job\" --output=out-%j.log\n"
                + "# GFLOW --priority 10 --hold\n"
                + "#GFLOW -d afterok:4:5\n"
                + "python train.py\n"
                + "#SBATCH --gpus=8\n");
    SubmitOptions options = parsed.options();
    assertEquals(2, options.gpus);
    assertEquals("1:00:00", options.time);
    assertEquals("my job", options.name);
    assertEquals("out-%j.log", options.output);
    assertEquals(10, options.priority);
    assertEquals(Boolean.TRUE, options.hold);
    assertEquals("afterok:4:5", options.dependsOn);
    assertEquals(List.of(), parsed.warnings());
  }

  @Test
  void parse_laterLineWins() {
    SubmitOptions options = Directives.parse("#SBATCH -G 1\n#SBATCH --gpus 3\n").options();
    assertEquals(3, options.gpus);
  }

  @Test
  void parse_slurmMeaningOfShortOptions_partitionAndTasksIgnoredWithWarning() {
    Directives.Parsed parsed =
        Directives.parse(
            "#!/bin/sh\n#SBATCH -p gpu -n 4 --mem=4G -J x\n#SBATCH --gres=gpu:a100:2\n");
    assertNull(parsed.options().priority);
    assertEquals("x", parsed.options().name);
    assertEquals(2, parsed.options().gpus);
    assertEquals(
        List.of(
            "line 2: ignoring #SBATCH -p gpu (not used by gflow)",
            "line 2: ignoring #SBATCH -n 4 (not used by gflow)",
            "line 2: ignoring #SBATCH --mem=4G (not used by gflow)"),
        parsed.warnings());
  }

  @Test
  void parse_badGflowOption_namesLine() {
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class, () -> Directives.parse("#!/bin/sh\n# GFLOW --bogus\n"));
    assertTrue(bad.getMessage().startsWith("line 2: # GFLOW: "), bad.getMessage());
    assertTrue(bad.getMessage().contains("--bogus"), bad.getMessage());
  }

  @Test
  void parse_badValue_namesLine() {
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class, () -> Directives.parse("#SBATCH --gpus=two\n"));
    assertTrue(bad.getMessage().startsWith("line 1: #SBATCH: "), bad.getMessage());
  }

  @Test
  void scan_stopsAtFirstCommand_andIgnoresLookalikes() {
    List<Directives.Line> lines =
        Directives.scan("#SBATCHX --gpus 1\n#GFLOWS -g 1\necho hi\n#SBATCH -g 2\n");
    assertEquals(List.of(), lines);
  }

  @Test
  void tokenize_quotesAndTrailingComment() {
    assertEquals(
        List.of("--name", "a b", "--output", "x y.log"),
        Directives.tokenize(" --name 'a b' --output \"x y.log\" # note", 1));
    assertThrows(IllegalArgumentException.class, () -> Directives.tokenize("--name 'a", 3));
  }
}
