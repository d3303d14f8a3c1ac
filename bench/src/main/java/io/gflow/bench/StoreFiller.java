package io.gflow.bench;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fills a daemon's state dir with many jobs before it starts, through the daemon's own {@link
 * JobStore} (same schema, same row mapping, same group commit), because running a million jobs for
 * real would take hours. Finished jobs are {@code COMPLETED} with exit 0; queued ones are {@code
 * PENDING} with a begin time a year ahead, so they stay queued. Stateless.
 */
final class StoreFiller {
  private static final int BATCH = 10_000;

  private StoreFiller() {}

  /** Writes {@code finished} finished jobs, then {@code queued} queued ones, owned by this user. */
  static void fill(Path stateDir, Path cwd, int finished, int queued) throws IOException {
    Files.createDirectories(stateDir);
    Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
    Owner owner = owner();
    Instant now = Instant.now();
    JobSpec done = spec(cwd, null);
    JobSpec waiting = spec(cwd, now.plus(Duration.ofDays(365)));
    List<CompletableFuture<List<Job>>> writes = new ArrayList<>();
    try (JobStore store = JobStore.open(stateDir.resolve("gflow.db"), Clock.systemUTC())) {
      for (int from = 0; from < finished + queued; from += BATCH) {
        int count = Math.min(BATCH, finished + queued - from);
        int firstQueued = finished - from;
        writes.add(
            store.insert(
                count, first -> batch(first, count, firstQueued, owner, done, waiting, now)));
      }
      writes.forEach(CompletableFuture::join);
    }
  }

  private static List<Job> batch(
      long first,
      int count,
      int firstQueued,
      Owner owner,
      JobSpec done,
      JobSpec waiting,
      Instant now) {
    List<Job> jobs = new ArrayList<>(count);
    Instant ended = now.minusSeconds(60);
    for (int i = 0; i < count; i++) {
      long id = first + i;
      jobs.add(
          i < firstQueued
              ? new Job(
                  id,
                  null,
                  null,
                  owner,
                  done,
                  JobState.COMPLETED,
                  null,
                  ended.minusSeconds(2),
                  ended.minusSeconds(1),
                  ended,
                  ExitStatus.exited(0),
                  List.of(),
                  0,
                  0)
              : Job.submitted(id, null, null, owner, waiting, false, now));
    }
    return jobs;
  }

  private static JobSpec spec(Path cwd, Instant begin) {
    return new JobSpec(
        List.of("/bin/true"),
        null,
        "true",
        cwd.toString(),
        Map.of("PATH", "/usr/bin:/bin"),
        0,
        50,
        null,
        begin,
        List.of(),
        DependencyMode.ALL,
        true,
        null,
        null,
        null,
        null,
        null);
  }

  private static Owner owner() throws IOException {
    Path self = Path.of("/proc/self");
    int gid = (Integer) Files.getAttribute(self, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    return new Owner(ProcessIdentity.uid(), gid, System.getProperty("user.name"));
  }
}
