package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link JobRunner} over a state directory, with the wrapper extracted from the jar and a
 * listener that queues every report. Not thread-safe for setup; the queue is. One per test.
 */
final class RunnerFixture implements AutoCloseable {
  /** One report to the {@link ExitListener}. */
  record Ended(long jobId, ExitStatus status, String launchError) {}

  /** A started job: its wrapper, and the job's own pid as the wrapper recorded it. */
  record Started(Launched launched, long jobPid) {}

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "exec-test-scheduler");
            thread.setDaemon(true);
            return thread;
          });
  private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
  private final Path stateDir;
  private final JobRunner runner;

  RunnerFixture(Path stateDir) throws IOException {
    this(stateDir, PrivilegeDrop.none());
  }

  RunnerFixture(Path stateDir, PrivilegeDrop drop) throws IOException {
    this(stateDir, drop, WrapperProgram.locate(stateDir));
  }

  /** With {@code wrapper} run in place of the real one (which it may wrap). */
  RunnerFixture(Path stateDir, PrivilegeDrop drop, Path wrapper) {
    this.stateDir = stateDir;
    this.runner =
        new JobRunner(
            stateDir,
            wrapper,
            drop,
            (jobId, status, error) -> ended.add(new Ended(jobId, status, error)),
            scheduler);
  }

  JobRunner runner() {
    return runner;
  }

  /** Starts {@code job} without GPUs; the end is reported as usual. */
  Launched start(Job job, Map<String, String> extraEnv) throws LaunchException {
    return runner.start(job, extraEnv, List.of());
  }

  /** Starts {@code job} and waits (at most 10 s) until its wrapper has recorded the job's pid. */
  Started startAndAwaitJob(Job job) throws LaunchException {
    Launched launched = start(job, Map.of());
    SpoolDir spool = new SpoolDir(runner.spoolDir(job.id()));
    WrapperId wrapper = new WrapperId(launched.wrapperPid(), launched.wrapperStartTicks());
    OptionalLong jobPid = JobPidWait.await(spool, () -> wrapper.running().isPresent(), 10_000);
    assertTrue(jobPid.isPresent(), "job " + job.id() + " not started within 10 s");
    return new Started(launched, jobPid.getAsLong());
  }

  Path stateDir() {
    return stateDir;
  }

  /** The next report; the test's {@code @Timeout} bounds the wait as well. */
  Ended awaitEnd(long jobId) throws InterruptedException {
    Ended next = ended.poll(30, TimeUnit.SECONDS);
    assertNotNull(next, "no exit reported for job " + jobId);
    if (next.jobId() != jobId) {
      throw new AssertionError("report for job " + next.jobId() + ", expected " + jobId);
    }
    return next;
  }

  /** The next {@code count} reports, in the order they came (jobs that run together end in any). */
  List<Ended> awaitEnds(int count) throws InterruptedException {
    List<Ended> reports = new ArrayList<>();
    while (reports.size() < count) {
      Ended next = ended.poll(30, TimeUnit.SECONDS);
      assertNotNull(next, "only " + reports.size() + " of " + count + " exits reported");
      reports.add(next);
    }
    return reports;
  }

  /** Asserts that nothing (more) has been reported within {@code millis}. */
  void assertNoEnd(long millis) throws InterruptedException {
    assertNull(ended.poll(millis, TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    runner.close();
    scheduler.shutdownNow();
  }
}
