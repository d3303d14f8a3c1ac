package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A stand-in daemon for {@link JobRunnerAdoptIT}, run as a child JVM so that the test can {@code
 * kill -9} it: launches job {@code args[1]} running {@code sh -c args[2]} with the state dir {@code
 * args[0]}, prints {@code launched WRAPPER_PID WRAPPER_TICKS JOB_PID} and waits until stdin closes
 * or it is killed. Not thread-safe; single use.
 */
final class LaunchingChild {
  private LaunchingChild() {}

  public static void main(String[] args) throws Exception {
    Path stateDir = Path.of(args[0]);
    long jobId = Long.parseLong(args[1]);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (JobRunner runner =
        new JobRunner(
            stateDir,
            WrapperProgram.locate(stateDir),
            PrivilegeDrop.none(),
            (id, status, error) -> System.out.println("exited " + id + " " + status),
            scheduler)) {
      Job job = TestJobs.command(jobId, stateDir, "/bin/sh", "-c", args[2]);
      Launched launched = runner.start(job, Map.of(), List.of());
      SpoolDir spool = new SpoolDir(runner.spoolDir(jobId));
      WrapperId wrapper = new WrapperId(launched.wrapperPid(), launched.wrapperStartTicks());
      long jobPid =
          JobPidWait.await(spool, () -> wrapper.running().isPresent(), 10_000).orElseThrow();
      System.out.println(
          "launched " + launched.wrapperPid() + " " + launched.wrapperStartTicks() + " " + jobPid);
      System.out.flush();
      while (System.in.read() >= 0) {
        // Run until the parent closes our stdin (or kills us, which is the point).
      }
    } finally {
      scheduler.shutdownNow();
    }
  }
}
