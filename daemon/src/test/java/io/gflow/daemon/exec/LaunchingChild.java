package io.gflow.daemon.exec;

import java.nio.file.Path;
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
      Launched launched =
          runner.launch(TestJobs.command(jobId, stateDir, "/bin/sh", "-c", args[2]), Map.of());
      System.out.println(
          "launched "
              + launched.wrapperPid()
              + " "
              + launched.wrapperStartTicks()
              + " "
              + launched.jobPid());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Run until the parent closes our stdin (or kills us, which is the point).
      }
    } finally {
      scheduler.shutdownNow();
    }
  }
}
