package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the spools tell a starting daemon about the previous one's jobs: launches a crash cut short
 * before the job was stored as RUNNING, and spools of finished jobs that were never removed. Use
 * before the scheduler sees the jobs. Stateless apart from its directory; thread-safe.
 */
public final class SpoolRecovery {
  private static final Logger log = LoggerFactory.getLogger(SpoolRecovery.class);

  private final Path spoolRoot;

  /**
   * @param stateDir the daemon's state directory, as given to {@link JobRunner}
   */
  public SpoolRecovery(Path stateDir) {
    this.spoolRoot = stateDir.resolve(SpoolDir.ROOT);
  }

  /**
   * For a job the store has as queued (PENDING or HELD) at start-up: whether a previous daemon had
   * launched it and died before its RUNNING state was durable. Call before the scheduler sees the
   * job, and {@link JobRunner#adopt} a job this returns as RUNNING once that is stored.
   *
   * @return the job as RUNNING (wrapper pid and start ticks from the spool, start time when the
   *     launcher recorded the wrapper, GPUs as assigned at launch) when a wrapper was started for
   *     it, or the job unchanged when it never was; a spool that the interrupted launch left
   *     without any trace of a wrapper is deleted, so that the job can launch again
   * @throws IOException if such a stale spool cannot be deleted (launching again would then fail)
   */
  public Job recoverQueued(Job job, Instant now) throws IOException {
    SpoolDir spool = spool(job.id());
    if (!spool.exists()) {
      return job;
    }
    if (!spool.wrapperStarted()) {
      log.info("job {}: removing the spool of a launch that never started", job.id());
      spool.delete();
      return job;
    }
    Instant started = spool.launched().orElse(now);
    started = started.isAfter(now) ? now : started;
    started = started.isBefore(job.submitTime()) ? job.submitTime() : started;
    List<Integer> gpus = spool.gpus().orElse(List.of());
    if (gpus.size() != job.spec().gpus()) {
      log.warn("job {}: spool records GPUs {}, not {} of them", job.id(), gpus, job.spec().gpus());
    }
    Optional<WrapperId> wrapperId = spool.wrapperRecord();
    log.info("job {}: launched before the last daemon stopped; adopting it", job.id());
    return job.started(
        started,
        wrapperId.map(WrapperId::pid).orElse(0L),
        wrapperId.map(WrapperId::startTicks).orElse(0L),
        gpus);
  }

  /**
   * At start-up: deletes the spools of jobs that are not {@code unfinished}, left by a daemon that
   * stopped between recording a job's end and calling {@link JobRunner#cleanup}.
   */
  public void removeSpoolsExcept(Set<Long> unfinished) throws IOException {
    List<Long> stale = new ArrayList<>();
    for (long jobId : spooledJobs()) {
      if (!unfinished.contains(jobId)) {
        stale.add(jobId);
      }
    }
    for (long jobId : stale) {
      spool(jobId).delete();
    }
    if (!stale.isEmpty()) {
      log.info("removed {} spool(s) of finished jobs", stale.size());
    }
  }

  /**
   * The ids of the jobs that have a spool, from one listing of the spool directory: only these can
   * need {@link #recoverQueued}, so a start with many queued jobs need not look for each one's.
   */
  public Set<Long> spooledJobs() throws IOException {
    if (!Files.isDirectory(spoolRoot, LinkOption.NOFOLLOW_LINKS)) {
      return Set.of();
    }
    Set<Long> jobs = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(spoolRoot)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.matches("[1-9][0-9]{0,17}")) {
          jobs.add(Long.parseLong(name));
        }
      }
    }
    return jobs;
  }

  private SpoolDir spool(long jobId) {
    return new SpoolDir(spoolRoot.resolve(Long.toString(jobId)));
  }
}
