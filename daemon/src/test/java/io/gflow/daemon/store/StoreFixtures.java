package io.gflow.daemon.store;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.daemon.socket.NativeLibraries;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** Jobs and settings shared by the store tests. Stateless and thread-safe. */
final class StoreFixtures {
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private StoreFixtures() {}

  /**
   * Holds {@code store}'s writer in a group of its own until {@code release} is counted down, so
   * that the writes queued meanwhile commit together in the next group; returns once it is held,
   * with the future of the holding write.
   */
  static CompletableFuture<Object> holdWriter(JobStore store, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<Object> holding =
        store.inTransaction(
            context -> {
              entered.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return null;
            });
    entered.await();
    return holding;
  }

  /**
   * Points sqlite-jdbc's native library extraction at a private directory, as the daemon does (SPEC
   * §6.5); only the first load in a JVM extracts, later calls are harmless.
   */
  static void privateNativeDir(Path dir) {
    System.setProperty(NativeLibraries.SQLITE_TMPDIR, dir.toString());
  }

  static JobSpec spec(String name) {
    return spec(name, 0, 50);
  }

  /** As {@link #spec(String)}, asking for {@code gpus} GPUs at {@code priority}. */
  static JobSpec spec(String name, int gpus, int priority) {
    return new JobSpec(
        List.of("sleep", "1"),
        null,
        name,
        "/home/alice",
        Map.of("PATH", "/usr/bin"),
        gpus,
        priority,
        null,
        null,
        List.of(),
        DependencyMode.ALL,
        true,
        null,
        null,
        null,
        null,
        null);
  }

  /** A job of {@code uid} in {@code state}, with the times a job in that state would have. */
  static Job job(long id, long uid, JobState state) {
    Job pending =
        Job.submitted(
            id, null, null, new Owner(uid, uid, "user" + uid), spec("job" + id), false, NOW);
    return switch (state) {
      case PENDING -> pending;
      case HELD -> pending.withState(JobState.HELD, "JobHeldUser");
      case RUNNING -> pending.started(NOW.plusSeconds(1), 1000 + id, 5000 + id, List.of(0));
      case COMPLETED, FAILED, CANCELLED, TIMEOUT, LOST ->
          pending
              .started(NOW.plusSeconds(1), 1000 + id, 5000 + id, List.of())
              .finished(state, null, NOW.plusSeconds(2), null);
    };
  }

  /** Builds {@code count} pending jobs of {@code uid} from the first id the store picks. */
  static List<Job> pendingJobs(long firstId, int count, long uid) {
    return java.util.stream.LongStream.range(firstId, firstId + count)
        .mapToObj(id -> job(id, uid, JobState.PENDING))
        .toList();
  }

  static JobSpec commandSpec() {
    Map<String, String> env =
        Map.of(
            "PATH", "/usr/bin:/bin",
            "MULTI", "line one\nline two\r\nthree",
            "WEIRD NAME=x", "tab\there \"quoted\" \\back\\",
            "ünïcode", "\u0000nul \u2028sep \u0085next 😀",
            "EMPTY", "");
    return new JobSpec(
        List.of("python3", "-c", "print('hi')", "", "a b"),
        null,
        "train-model",
        "/home/alice/work dir",
        env,
        2,
        75,
        Duration.ofHours(4).plusMillis(1),
        NOW.plusSeconds(3600).plusNanos(5),
        List.of(3L, 9L),
        DependencyMode.ANY,
        false,
        "ml",
        "proj-x",
        "/tmp/%j.out",
        "/tmp/%j.err",
        3);
  }

  static JobSpec scriptSpec() {
    return new JobSpec(
        null,
        "#!/bin/bash\nset -e\necho \"$GFLOW_JOB_ID\"\n",
        "script-job",
        "/",
        Map.of(),
        0,
        0,
        null,
        null,
        List.of(),
        DependencyMode.ALL,
        true,
        null,
        null,
        null,
        null,
        null);
  }

  /** Task {@code task} of an array starting at {@code first}, with every field set. */
  static Job fullJob(long first, int task, JobSpec spec) {
    return new Job(
        first + task,
        first,
        task,
        new Owner(1000 + task, 2000, "alice"),
        spec,
        JobState.FAILED,
        "DependencyFailed:12",
        NOW,
        NOW.plusMillis(1500),
        NOW.plusSeconds(60),
        task % 2 == 0 ? ExitStatus.exited(3) : ExitStatus.killed(9),
        List.of(0, 2),
        4242,
        987654321L);
  }

  static List<Long> ids(List<Job> jobs) {
    return jobs.stream().map(Job::id).toList();
  }

  /** SQLite's EXPLAIN QUERY PLAN of {@code sql} in the database {@code db}, a line per step. */
  static String queryPlan(Path db, String sql, List<Object> arguments) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < arguments.size(); i++) {
        statement.setObject(i + 1, arguments.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString("detail")).append('\n');
        }
      }
    }
    return plan.toString();
  }

  static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
