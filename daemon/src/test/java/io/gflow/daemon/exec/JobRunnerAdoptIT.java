package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.exec.RunnerFixture.Ended;
import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Jobs that outlive the runner that launched them, and wrappers that vanish. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobRunnerAdoptIT {
  @TempDir Path dir;

  @Test
  void adopt_launcherKilledWithSigkill_jobFinishesAndExitIsAdopted() throws Exception {
    Path stateDir = dir.resolve("state");
    Process daemon = startLaunchingChild(stateDir, 21, "sleep 2; exit 7");
    String[] launched = awaitLaunchedLine(daemon);
    daemon.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    daemon.waitFor();
    Job job =
        TestJobs.command(21, stateDir, "/bin/sh", "-c", "sleep 2; exit 7")
            .started(
                Instant.EPOCH, Long.parseLong(launched[1]), Long.parseLong(launched[2]), List.of());
    Path spool = stateDir.resolve("spool/21");

    try (RunnerFixture restarted = new RunnerFixture(stateDir)) {
      restarted.runner().adopt(job); // the wrapper is alive, not our child: polled
      assertEquals(new Ended(21, ExitStatus.exited(7), null), restarted.awaitEnd(21));
    }
    assertTrue(Files.readString(spool.resolve(SpoolDir.STATUS)).endsWith("\nexit code 7\n"));
    assertTrue(new WrapperId(job.pid(), job.pidStartTicks()).running().isEmpty());

    try (RunnerFixture again = new RunnerFixture(stateDir)) {
      again.runner().adopt(job); // exit record present: reported at once
      assertEquals(new Ended(21, ExitStatus.exited(7), null), again.awaitEnd(21));
    }
    // A job the store still has as PENDING: the daemon died before recording the launch.
    Job neverMarkedRunning = TestJobs.command(21, stateDir, "/bin/sh", "-c", "sleep 2; exit 7");
    try (RunnerFixture again = new RunnerFixture(stateDir)) {
      again.runner().adopt(neverMarkedRunning); // wrapper taken from the spool's record
      assertEquals(new Ended(21, ExitStatus.exited(7), null), again.awaitEnd(21));
    }
  }

  @Test
  void adopt_wrapperGoneWithoutExitRecord_reportsLost() throws Exception {
    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"))) {
      Files.createDirectories(fixture.runner().spoolDir(22));
      // Our own pid with a start time that is not ours: a reused pid, not the wrapper.
      long self = ProcessHandle.current().pid();
      long ticks = ProcessStat.read(self).orElseThrow().startTicks();
      Job job =
          TestJobs.command(22, dir, "/bin/true").started(Instant.EPOCH, self, ticks + 1, List.of());

      fixture.runner().adopt(job);

      assertEquals(new Ended(22, null, JobRunner.LOST_NO_EXIT), fixture.awaitEnd(22));
      assertFalse(fixture.runner().signal(job, 15));
    }
  }

  @Test
  void adopt_spoolOfTheEarlierVersion_endReadFromItsOwnFiles() throws Exception {
    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"))) {
      Path spool = Files.createDirectories(fixture.runner().spoolDir(25));
      // A job launched before an upgrade: daemon and wrapper wrote one file per record.
      long self = ProcessHandle.current().pid();
      long ticks = ProcessStat.read(self).orElseThrow().startTicks();
      Files.writeString(spool.resolve(SpoolDir.WRAPPER), self + " " + (ticks + 1) + "\n");
      Files.writeString(spool.resolve(SpoolDir.JOBPID), "99999999\n");
      Files.writeString(spool.resolve(SpoolDir.EXIT), "code 5\n");
      Job job = TestJobs.command(25, dir, "/bin/true");

      fixture.runner().adopt(job);

      assertEquals(new Ended(25, ExitStatus.exited(5), null), fixture.awaitEnd(25));
    }
  }

  @Test
  void adopt_runningJobWithoutSpool_reportsLost() throws Exception {
    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"))) {
      Job job = TestJobs.command(23, dir, "/bin/true").started(Instant.EPOCH, 1, 1, List.of());

      fixture.runner().adopt(job);

      assertEquals(new Ended(23, null, JobRunner.LOST_NO_SPOOL), fixture.awaitEnd(23));
    }
  }

  @Test
  void launch_wrapperKilled_reportsLost() throws Exception {
    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"))) {
      RunnerFixture.Started started =
          fixture.startAndAwaitJob(TestJobs.command(24, dir, "/bin/sleep", "1000"));
      Launched launched = started.launched();
      try {
        ProcessHandle.of(launched.wrapperPid()).orElseThrow().destroyForcibly();

        assertEquals(new Ended(24, null, JobRunner.LOST_NO_EXIT), fixture.awaitEnd(24));
      } finally {
        ProcessGroups.signal(started.jobPid(), 9); // the orphaned job
      }
    }
  }

  private static Process startLaunchingChild(Path stateDir, long jobId, String script)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LaunchingChild.class.getName(),
            stateDir.toString(),
            Long.toString(jobId),
            script)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static String[] awaitLaunchedLine(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("launched ")) {
        return line.split(" ");
      }
    }
    throw new AssertionError("child exited without launching, exit " + waitExit(process));
  }

  private static int waitExit(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
