package io.gflow.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.SubmitRequest;
import io.gflow.protocol.job.SubmitResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubmitRequestsTest {
  private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");
  private static final JobSource COMMAND = new JobSource(List.of("python", "train.py"), null, null);

  private static SubmitOptions options(String... args) {
    SubmitOptions options = new SubmitOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private static SubmitRequest build(SubmitOptions options, JobSource source) {
    return SubmitRequests.build(
        options, source, "/work/dir", Map.of("HOME", "/home/a"), NOW, ZoneOffset.UTC);
  }

  @Test
  void build_allFlags_mapToRequest() {
    SubmitRequest request =
        build(
            options(
                "-g",
                "2",
                "-t",
                "2h",
                "-p",
                "10",
                "-d",
                "afterok:3:4",
                "--depends-any",
                "--no-auto-cancel",
                "-J",
                "exp",
                "-a",
                "0-9%2",
                "-o",
                "logs/%j.out",
                "-e",
                "/tmp/%j.err",
                "--begin",
                "now+1h",
                "--hold",
                "--group",
                "lab",
                "--project",
                "p1"),
            COMMAND);
    assertEquals(List.of("python", "train.py"), request.command());
    assertEquals(2, request.gpus());
    assertEquals(7200L, request.timeLimitSeconds());
    assertEquals(10, request.priority());
    assertEquals(List.of(3L, 4L), request.dependsOn());
    assertEquals(DependencyMode.ANY, request.dependencyMode());
    assertFalse(request.autoCancel());
    assertEquals("exp", request.name());
    assertEquals("0-9%2", request.array().toString());
    assertEquals("/work/dir/logs/%j.out", request.output());
    assertEquals("/tmp/%j.err", request.error());
    assertEquals(NOW.plusSeconds(3600), request.begin());
    assertTrue(request.hold());
    assertEquals("lab", request.group());
    assertEquals("p1", request.project());
    assertEquals("/work/dir", request.cwd());
    assertEquals(Map.of("HOME", "/home/a"), request.env());
  }

  @Test
  void build_defaults_minimalRequest() {
    SubmitRequest request = build(options(), COMMAND);
    assertEquals(0, request.gpus());
    assertNull(request.priority());
    assertNull(request.timeLimitSeconds());
    assertEquals(List.of(), request.dependsOn());
    assertTrue(request.autoCancel());
    assertFalse(request.hold());
    assertNull(request.name());
  }

  @Test
  void build_commandLineWinsOverDirectives() {
    SubmitOptions directives =
        Directives.parse("#!/bin/sh\n#SBATCH --gpus=2 -t 1:00:00 -J fromscript\n").options();
    SubmitOptions merged = options("-g", "1", "-t", "unlimited").over(directives);
    SubmitRequest request = build(merged, new JobSource(null, "#!/bin/sh\necho\n", "run.sh"));
    assertEquals(1, request.gpus());
    assertNull(request.timeLimitSeconds());
    assertEquals("fromscript", request.name());
  }

  @Test
  void build_scriptName_defaultsToFileName() {
    SubmitRequest request = build(options(), new JobSource(null, "#!/bin/sh\n", "run.sh"));
    assertEquals("run.sh", request.name());
    assertEquals("#!/bin/sh\n", request.script());
  }

  @Test
  void build_badValues_illegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> build(options("-t", "soon"), COMMAND));
    assertThrows(IllegalArgumentException.class, () -> build(options("-a", "9-1"), COMMAND));
    assertThrows(IllegalArgumentException.class, () -> build(options("-d", "x"), COMMAND));
    assertThrows(IllegalArgumentException.class, () -> build(options("--begin", "later"), COMMAND));
  }

  @Test
  void submitted_singleAndArray() {
    assertEquals(
        "Submitted job 42", SubmitRequests.submitted(new SubmitResult(List.of(42L)), false));
    assertEquals(
        "Submitted array job 42 (tasks 42-44)",
        SubmitRequests.submitted(new SubmitResult(List.of(42L, 43L, 44L)), true));
    assertEquals("42,43,44", SubmitRequests.parsable(new SubmitResult(List.of(42L, 43L, 44L))));
  }

  @Test
  void drainingNote_singleAndArray_namesJobsAndTheWayOut() {
    assertEquals(
        "the daemon is draining; job 5 will wait until an admin runs gctl resume",
        SubmitRequests.drainingNote(new SubmitResult(List.of(5L), true)));
    assertEquals(
        "the daemon is draining; jobs 5-7 will wait until an admin runs gctl resume",
        SubmitRequests.drainingNote(new SubmitResult(List.of(5L, 6L, 7L), true)));
  }
}
