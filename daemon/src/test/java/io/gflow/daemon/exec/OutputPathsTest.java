package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputPathsTest {
  private static final Owner ALICE = new Owner(1000, 1000, "alice");

  @Test
  void expand_allPatterns_substituted() {
    Job job = arrayTask("out", null);

    assertEquals("41-40-2-train-alice-%-%q-%", OutputPaths.expand(job, "%j-%A-%a-%x-%u-%%-%q-%"));
  }

  @Test
  void expand_notInArray_arrayIdIsJobIdAndTaskZero() {
    Job job =
        TestJobs.job(7, ALICE, TestJobs.spec(List.of("x"), null, Path.of("/w"), Map.of(), null));

    assertEquals("7_0", OutputPaths.expand(job, "%A_%a"));
  }

  @Test
  void resolve_relativeOutputAndNoError_bothUnderCwd() throws Exception {
    OutputPaths paths = OutputPaths.resolve(arrayTask("%x.out", null), Optional::empty);

    assertEquals(new OutputPaths(Path.of("/work/train.out"), Path.of("/work/train.out")), paths);
  }

  @Test
  void resolve_tildeAndAbsolute_homeAndAsIs() throws Exception {
    OutputPaths paths =
        OutputPaths.resolve(
            arrayTask("~/logs/%j.out", "/var/tmp/%j.err"), () -> Optional.of("/home/alice"));

    assertEquals(
        new OutputPaths(Path.of("/home/alice/logs/41.out"), Path.of("/var/tmp/41.err")), paths);
  }

  @Test
  void resolve_tildeForms_underHome() throws Exception {
    for (String home : new String[] {"/home/alice", "/home/alice/"}) {
      assertEquals(
          Path.of("/home/alice"),
          OutputPaths.resolve(arrayTask("~", null), () -> Optional.of(home)).stdout());
      assertEquals(
          Path.of("/home/alice"),
          OutputPaths.resolve(arrayTask("~/", null), () -> Optional.of(home)).stdout());
      assertEquals(
          Path.of("/home/alice/x/41"),
          OutputPaths.resolve(arrayTask("~//x//%j", null), () -> Optional.of(home)).stdout());
    }
  }

  @Test
  void expand_textBetweenPatterns_keptAsWritten() {
    assertEquals("plain", OutputPaths.expand(arrayTask(null, null), "plain"));
    assertEquals("a-41-b-40-c", OutputPaths.expand(arrayTask(null, null), "a-%j-b-%A-c"));
  }

  @Test
  void resolve_noOutput_defaultLogUnderHome() throws Exception {
    OutputPaths paths =
        OutputPaths.resolve(arrayTask(null, null), () -> Optional.of("/home/alice"));

    assertEquals(Path.of("/home/alice/.local/share/gflow/logs/41.out"), paths.stdout());
  }

  @Test
  void resolve_tildeWithoutHome_throwsLaunchException() {
    assertThrows(
        LaunchException.class, () -> OutputPaths.resolve(arrayTask("~/x", null), Optional::empty));
  }

  private static Job arrayTask(String output, String error) {
    return new Job(
        41,
        40L,
        2,
        ALICE,
        TestJobs.spec(List.of("x"), null, "/work", Map.of(), output, error, "train"),
        JobState.PENDING,
        null,
        Instant.EPOCH,
        null,
        null,
        null,
        List.of(),
        0,
        0);
  }
}
