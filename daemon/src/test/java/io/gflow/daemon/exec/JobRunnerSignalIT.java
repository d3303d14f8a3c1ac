package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link JobRunner#signal} reaches only a job it can prove is still the one it started. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobRunnerSignalIT {
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
  void signal_sigtermToRunningJob_endsWithSignal15() throws Exception {
    Job job = TestJobs.command(31, dir, "/bin/sleep", "1000");
    RunnerFixture.Started started = fixture.startAndAwaitJob(job);
    Launched launched = started.launched();

    assertTrue(fixture.runner().signal(TestJobs.running(job, launched), 15));

    assertEquals(ExitStatus.killed(15), fixture.awaitEnd(31).status());
  }

  @Test
  void signal_reachesTheWholeProcessGroup() throws Exception {
    // The shell waits for a background child; TERM must reach both for the job to end.
    Job job = TestJobs.command(32, dir, "/bin/sh", "-c", "sleep 1000 & wait; exit 5");
    RunnerFixture.Started started = fixture.startAndAwaitJob(job);
    Launched launched = started.launched();

    assertTrue(fixture.runner().signal(TestJobs.running(job, launched), 15));

    assertEquals(ExitStatus.killed(15), fixture.awaitEnd(32).status());
  }

  @Test
  void signal_programNameCutInsideAUtf8Character_stillReachesTheJob() throws Exception {
    Job job = TestJobs.command(35, dir, TestJobs.sleepWithCutName(dir, "1000"));
    RunnerFixture.Started started = fixture.startAndAwaitJob(job);
    TestJobs.awaitCutName(started.jobPid());

    assertTrue(fixture.runner().signal(TestJobs.running(job, started.launched()), 15));

    assertEquals(ExitStatus.killed(15), fixture.awaitEnd(35).status());
  }

  @Test
  void signal_afterJobEnded_returnsFalse() throws Exception {
    Job job = TestJobs.command(33, dir, "/bin/true");
    RunnerFixture.Started started = fixture.startAndAwaitJob(job);
    Launched launched = started.launched();
    assertEquals(ExitStatus.exited(0), fixture.awaitEnd(33).status());

    assertFalse(fixture.runner().signal(TestJobs.running(job, launched), 15));
  }

  @Test
  void signal_wrongRecordedStartTime_returnsFalseAndJobRuns() throws Exception {
    Job job = TestJobs.command(34, dir, "/bin/sleep", "1000");
    RunnerFixture.Started started = fixture.startAndAwaitJob(job);
    Launched launched = started.launched();
    Job misrecorded =
        job.started(
            Instant.EPOCH, launched.wrapperPid(), launched.wrapperStartTicks() + 1, List.of());

    assertFalse(fixture.runner().signal(misrecorded, 15));

    fixture.assertNoEnd(300);
    assertTrue(ProcessStat.read(started.jobPid()).isPresent());
    assertTrue(fixture.runner().signal(TestJobs.running(job, launched), 9));
    assertEquals(ExitStatus.killed(9), fixture.awaitEnd(34).status());
  }

  @Test
  void signal_neverLaunched_returnsFalse() {
    assertFalse(fixture.runner().signal(TestJobs.command(35, dir, "/bin/true"), 15));
  }
}
