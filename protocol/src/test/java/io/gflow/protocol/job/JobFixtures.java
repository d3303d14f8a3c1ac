package io.gflow.protocol.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The records the golden files under {@code wire/} pin; shared by the job wire tests. */
final class JobFixtures {
  static final Map<String, String> ENV =
      Map.of(
          "PATH", "/usr/bin:/bin",
          "A.B", "1",
          "PCT%", "50%",
          "WITH SPACE", "a b",
          "CUDA_HOME", "/usr/local/cuda");

  static final SubmitRequest SUBMIT =
      new SubmitRequest(
          List.of("python3", "train.py", "--lr", "0.01"),
          null,
          "train-lr",
          "/home/bob/project",
          ENV,
          2,
          40,
          7200L,
          Instant.parse("2026-12-01T08:00:00Z"),
          List.of(41L, 42L),
          DependencyMode.ANY,
          false,
          ArraySpec.parse("0-99:2%4"),
          "vision",
          "imagenet",
          "/home/bob/logs/%A_%a.out",
          "/home/bob/logs/%A_%a.err",
          true);

  static final SubmitRequest SUBMIT_SCRIPT = script("#!/bin/bash\n#GFLOW --gpus 1\nnvidia-smi\n");

  static final JobInfo JOB =
      new JobInfo(
          43,
          null,
          null,
          "bob",
          1001,
          "train-lr",
          JobState.COMPLETED,
          null,
          40,
          2,
          List.of(0, 3),
          Instant.parse("2026-12-01T08:00:00Z"),
          Instant.parse("2026-12-01T08:00:05.250Z"),
          Instant.parse("2026-12-01T09:30:00Z"),
          0,
          null,
          7200L,
          null,
          List.of(41L),
          DependencyMode.ALL,
          "vision",
          null,
          false,
          List.of("python3", "train.py"),
          null,
          "/home/bob/project",
          Map.of("PATH", "/usr/bin:/bin", "A.B", "1"),
          "/home/bob/logs/43.out",
          "/home/bob/logs/43.out");

  static final JobInfo REDACTED =
      new JobInfo(
          44,
          40L,
          4L,
          "alice",
          1002,
          "sweep",
          JobState.PENDING,
          "Resources",
          50,
          1,
          List.of(),
          Instant.parse("2026-12-01T08:01:00Z"),
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          DependencyMode.ALL,
          null,
          null,
          true,
          null,
          null,
          null,
          null,
          null,
          null);

  static final JobInfo SCRIPT_JOB =
      new JobInfo(
          45,
          null,
          null,
          "bob",
          1001,
          "run.sh",
          JobState.CANCELLED,
          "CancelledBy:bob",
          50,
          0,
          List.of(),
          Instant.parse("2026-12-01T08:02:00Z"),
          Instant.parse("2026-12-01T08:02:01Z"),
          Instant.parse("2026-12-01T08:03:00Z"),
          null,
          15,
          null,
          Instant.parse("2026-12-01T08:02:00Z"),
          List.of(),
          DependencyMode.ALL,
          null,
          null,
          false,
          null,
          "#!/bin/sh\nsleep 600\n",
          "/home/bob",
          null,
          "/home/bob/.local/share/gflow/logs/45.out",
          "/home/bob/.local/share/gflow/logs/45.out");

  static final String FORBIDDEN_MESSAGE =
      "job 44 belongs to alice; only its owner or a gflow operator may cancel it";

  private JobFixtures() {}

  /** A minimal valid script submission with defaults everywhere. */
  static SubmitRequest script(String text) {
    return new SubmitRequest(
        null,
        text,
        null,
        "/home/bob",
        Map.of(),
        0,
        null,
        null,
        null,
        List.of(),
        null,
        true,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  /** A minimal valid command submission with the given environment. */
  static SubmitRequest command(Map<String, String> env) {
    return new SubmitRequest(
        List.of("true"),
        null,
        null,
        "/home/bob",
        env,
        0,
        null,
        null,
        null,
        List.of(),
        null,
        true,
        null,
        null,
        null,
        null,
        null,
        false);
  }
}
