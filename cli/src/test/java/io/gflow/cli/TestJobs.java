package io.gflow.cli;

import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds {@link JobInfo} values for formatting tests. Stateless. */
public final class TestJobs {
  public static final Instant SUBMIT = Instant.parse("2026-05-03T10:00:00Z");

  private TestJobs() {}

  /** A pending command job of alice's. */
  public static JobInfo pending(long id) {
    return job(id, JobState.PENDING, "Priority", null, null, null, null);
  }

  /** A job in {@code state} with the given outcome; times relative to {@link #SUBMIT}. */
  public static JobInfo job(
      long id,
      JobState state,
      String reason,
      Instant start,
      Instant end,
      Integer exitCode,
      Integer signal) {
    return new JobInfo(
        id,
        null,
        null,
        "alice",
        1000,
        "train",
        state,
        reason,
        50,
        1,
        state == JobState.RUNNING ? List.of(0) : List.of(),
        SUBMIT,
        start,
        end,
        exitCode,
        signal,
        3600L,
        null,
        List.of(),
        DependencyMode.ALL,
        null,
        null,
        false,
        List.of("python", "train.py", "--lr", "0.1"),
        null,
        "/home/alice",
        Map.of("PATH", "/usr/bin"),
        "/home/alice/" + id + ".out",
        "/home/alice/" + id + ".out");
  }

  /** A job that failed with exit 3 after 5 minutes. */
  public static JobInfo failed(long id) {
    return job(id, JobState.FAILED, null, SUBMIT.plusSeconds(60), SUBMIT.plusSeconds(360), 3, null);
  }

  /** A job cancelled by bob, killed by signal 9. */
  public static JobInfo killed(long id) {
    return job(
        id,
        JobState.CANCELLED,
        "CancelledBy:bob",
        SUBMIT.plusSeconds(60),
        SUBMIT.plusSeconds(120),
        null,
        9);
  }
}
