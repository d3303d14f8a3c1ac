package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@link JobRunner#start} returns once the wrapper runs, before the job exists: a signal sent then
 * still reaches the job, and failures to start it arrive through the listener.
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
    assertEquals(0, launched.jobPid());
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
  void start_wrapperFailsBeforeForking_reportedWithItsStatus() throws Exception {
    Path failing = executable("failing-wrapper", "#!/bin/sh\nexit 3\n");
    try (RunnerFixture broken =
        new RunnerFixture(dir.resolve("state"), PrivilegeDrop.none(), failing)) {
      broken.runner().start(TestJobs.command(44, dir, "/bin/true"), Map.of(), List.of());

      assertEquals(
          new Ended(44, null, "wrapper exited with status 3 before the job started"),
          broken.awaitEnd(44));
    }
  }

  @Test
  void start_slowWrapper_doesNotHoldUpTheCaller_jobsRunConcurrently() throws Exception {
    Path real = WrapperProgram.locate(dir.resolve("state"));
    Path slow = executable("slow-wrapper", "#!/bin/sh\nsleep 3\nexec '" + real + "' \"$@\"\n");
    try (RunnerFixture slowed =
        new RunnerFixture(dir.resolve("state"), PrivilegeDrop.none(), slow)) {
      long begin = System.nanoTime();
      slowed.runner().start(TestJobs.command(45, dir, "/bin/true"), Map.of(), List.of());
      slowed.runner().start(TestJobs.command(46, dir, "/bin/true"), Map.of(), List.of());
      long startedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

      assertTrue(startedMillis < 2500, "two starts took " + startedMillis + " ms");
      // They run together, so either may end first.
      List<Ended> ends = slowed.awaitEnds(2);
      assertEquals(
          Set.of(
              new Ended(45, ExitStatus.exited(0), null), new Ended(46, ExitStatus.exited(0), null)),
          Set.copyOf(ends));
      long endedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
      assertTrue(endedMillis < 5900, "both jobs ended after " + endedMillis + " ms, not together");
    }
  }

  private Path executable(String name, String text) throws Exception {
    Path path = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    return path;
  }
}
