package io.gflow.daemon.jobs;

import io.gflow.daemon.exec.JobRunner;
import io.gflow.daemon.exec.SpoolRecovery;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: hands the previous run's unfinished jobs to the scheduler and re-adopts the
 * running ones. Its cost grows with the unfinished jobs only, never with the finished ones: they
 * come through the state index, and the spools are listed once rather than looked up per job.
 * Stateless and thread-safe.
 */
final class JobRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

  private JobRecovery() {}

  /**
   * Recovers before the daemon serves. A queued job whose launch a crash cut short (spool written,
   * wrapper started, RUNNING not yet durable) is stored as RUNNING first, so that it is adopted
   * rather than launched a second time.
   */
  static void recover(
      JobStore store, Scheduler scheduler, JobRunner runner, Path stateDir, Clock clock)
      throws IOException {
    long started = System.nanoTime();
    SpoolRecovery spools = new SpoolRecovery(stateDir);
    Set<Long> spooled = spools.spooledJobs();
    List<Job> unfinished = new ArrayList<>();
    List<Job> launched = new ArrayList<>();
    for (Job job : store.loadUnfinished()) {
      Job recovered = job;
      boolean queued = job.state() == JobState.PENDING || job.state() == JobState.HELD;
      if (queued && spooled.contains(job.id())) {
        recovered = spools.recoverQueued(job, clock.instant());
        if (recovered.state() == JobState.RUNNING) {
          launched.add(recovered);
        }
      }
      unfinished.add(recovered);
    }
    if (!launched.isEmpty()) {
      store.save(launched).join();
    }
    Set<Long> ids = new HashSet<>();
    unfinished.forEach(job -> ids.add(job.id()));
    spools.removeSpoolsExcept(ids);
    scheduler.recovered(unfinished).join();
    for (Job job : unfinished) {
      if (job.state() == JobState.RUNNING) {
        runner.adopt(job);
      }
    }
    if (!unfinished.isEmpty()) {
      LOG.info(
          "recovered {} unfinished job(s) in {} ms",
          unfinished.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
  }
}
