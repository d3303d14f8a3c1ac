package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.exec.RunnerFixture.Ended;
import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobRunner#start} returns once the launcher has forked the wrapper, before the job exists:
 * a signal sent then still reaches the job, and failures to start it arrive through the listener.
 * One launcher serves many jobs; its failures fail the start, and its death loses no job.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobRunnerStartIT {
  @TempDir Path dir;
  private RunnerFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new RunnerFixture(dir.resolve("state"));
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void start_returnsWrapperOnly_jobRunsAndEnds() throws Exception {
    Launched launched =
        fixture.runner().start(TestJobs.command(41, dir, "/bin/true"), Map.of(), List.of());

    assertTrue(launched.wrapperPid() > 0);
    assertEquals(new Ended(41, ExitStatus.exited(0), null), fixture.awaitEnd(41));
  }

  @Test
  void signal_rightAfterStart_beforeJobPid_killsTheJob() throws Exception {
    Job job = TestJobs.command(42, dir, "/bin/sleep", "1000");
    Launched launched = fixture.runner().start(job, Map.of(), List.of());

    assertTrue(fixture.runner().signal(TestJobs.running(job, launched), 9));

    assertEquals(new Ended(42, ExitStatus.killed(9), null), fixture.awaitEnd(42));
  }

  @Test
  void start_missingProgram_reportedAsExit127WithExecError() throws Exception {
    fixture.runner().start(TestJobs.command(43, dir, "/no/such/program"), Map.of(), List.of());

    assertEquals(
        new Ended(43, ExitStatus.exited(127), "exec /no/such/program: No such file or directory"),
        fixture.awaitEnd(43));
  }

  @Test
  void start_launcherExitsAtOnce_throwsWithItsStatus() throws Exception {
    Path failing = executable("failing-launcher", "#!/bin/sh\nexit 3\n");
    try (RunnerFixture broken =
        new RunnerFixture(dir.resolve("state"), PrivilegeDrop.none(), failing)) {
      LaunchException thrown =
          assertThrows(
              LaunchException.class,
              () -> broken.start(TestJobs.command(44, dir, "/bin/true"), Map.of()));

      assertTrue(thrown.getMessage().endsWith("exited with status 3"), thrown.getMessage());
      broken.assertNoEnd(200);
    }
  }

  @Test
  void start_launcherAnswersNonsense_killedAndThrows() throws Exception {
    Path lying = executable("lying-launcher", "#!/bin/sh\nread spool\necho nonsense\nsleep 1000\n");
    try (RunnerFixture broken =
        new RunnerFixture(dir.resolve("state"), PrivilegeDrop.none(), lying)) {
      LaunchException thrown =
          assertThrows(
              LaunchException.class,
              () -> broken.start(TestJobs.command(45, dir, "/bin/true"), Map.of()));

      assertTrue(thrown.getMessage().contains("exited with status"), thrown.getMessage());
    }
  }

  @Test
  void start_oneLauncherForkProcessesAllJobs_noInterpreterPerJob() throws Exception {
    Launched first = fixture.start(TestJobs.command(46, dir, "/bin/sleep", "1000"), Map.of());
    Launched second = fixture.start(TestJobs.command(47, dir, "/bin/sleep", "1000"), Map.of());
    try {
      long launcher = ProcessStat.read(first.wrapperPid()).orElseThrow().ppid();
      assertEquals(launcher, ProcessStat.read(second.wrapperPid()).orElseThrow().ppid());
      assertNotEquals(ProcessHandle.current().pid(), launcher);
    } finally {
      killJob(46, first);
      killJob(47, second);
    }
    assertEquals(
        Set.of(
            new Ended(46, ExitStatus.killed(9), null), new Ended(47, ExitStatus.killed(9), null)),
        Set.copyOf(fixture.awaitEnds(2)));
  }

  @Test
  void renewLaunchers_nextJobGetsANewLauncher_runningJobStillReported() throws Exception {
    Launched first = fixture.start(TestJobs.command(52, dir, "/bin/sleep", "1000"), Map.of());
    long oldLauncher = ProcessStat.read(first.wrapperPid()).orElseThrow().ppid();

    fixture.runner().renewLaunchers();
    Launched second = fixture.start(TestJobs.command(53, dir, "/bin/sleep", "1000"), Map.of());
    try {
      long newLauncher = ProcessStat.read(second.wrapperPid()).orElseThrow().ppid();
      assertNotEquals(oldLauncher, newLauncher);
      assertNotEquals(ProcessHandle.current().pid(), newLauncher);
    } finally {
      killJob(52, first);
      killJob(53, second);
    }
    assertEquals(
        Set.of(
            new Ended(52, ExitStatus.killed(9), null), new Ended(53, ExitStatus.killed(9), null)),
        Set.copyOf(fixture.awaitEnds(2)));
  }

  @Test
  void launcherKilled_runningJobStillReported_nextJobGetsNewLauncher() throws Exception {
    Job job = TestJobs.command(48, dir, "/bin/sh", "-c", "sleep 1; exit 6");
    RunnerFixture.Started started = fixture.startAndAwaitJob(job);
    long launcher = ProcessStat.read(started.launched().wrapperPid()).orElseThrow().ppid();

    ProcessHandle.of(launcher).orElseThrow().destroyForcibly();

    // Its wrapper lives on, now polled: the job's end is still reported, with its status.
    assertEquals(new Ended(48, ExitStatus.exited(6), null), fixture.awaitEnd(48));
    Launched next = fixture.start(TestJobs.command(49, dir, "/bin/sleep", "1000"), Map.of());
    try {
      long nextLauncher = ProcessStat.read(next.wrapperPid()).orElseThrow().ppid();
      assertNotEquals(launcher, nextLauncher);
      assertNotEquals(ProcessHandle.current().pid(), nextLauncher);
    } finally {
      killJob(49, next);
    }
    assertEquals(new Ended(49, ExitStatus.killed(9), null), fixture.awaitEnd(49));
  }

  @Test
  void start_jobSlowToStart_doesNotHoldUpTheCaller() throws Exception {
    // Opening a FIFO for writing blocks until a reader comes: the jobs cannot start before.
    Path fifo45 = mkfifo("out-50");
    Path fifo46 = mkfifo("out-51");
    long begin = System.nanoTime();
    fixture.start(fifoJob(50, fifo45), Map.of());
    fixture.start(fifoJob(51, fifo46), Map.of());
    long startedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

    assertTrue(startedMillis < 2500, "two starts took " + startedMillis + " ms");
    fixture.assertNoEnd(300);
    assertEquals("50\n", Files.readString(fifo45));
    assertEquals("51\n", Files.readString(fifo46));
    assertEquals(
        Set.of(
            new Ended(50, ExitStatus.exited(0), null), new Ended(51, ExitStatus.exited(0), null)),
        Set.copyOf(fixture.awaitEnds(2)));
  }

  private Job fifoJob(long id, Path fifo) {
    return TestJobs.job(
        id,
        TestJobs.SELF,
        TestJobs.spec(
            List.of("/bin/echo", Long.toString(id)), null, dir, Map.of(), fifo.toString()));
  }

  private Path mkfifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    return fifo;
  }

  private void killJob(long id, Launched launched) throws Exception {
    Job job = TestJobs.command(id, dir, "/bin/sleep", "1000");
    assertTrue(fixture.runner().signal(TestJobs.running(job, launched), 9));
  }

  private Path executable(String name, String text) throws Exception {
    Path path = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    return path;
  }
}
