package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.daemon.FakeClock;
import io.gflow.protocol.job.JobState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SchedulerTimeTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private final SchedulerFixture fixture = new SchedulerFixture(Resources.cpuOnly(2));

  private List<FakeLauncher.Signal> signals() {
    return fixture.launcher.signals;
  }

  @Test
  void beginTime_clockReachesIt_jobStarts() {
    fixture.submit(spec().begin(FakeClock.START.plusSeconds(60)).job(1));
    assertEquals(Reasons.BEGIN_TIME, fixture.reason(1));

    fixture.advance(Duration.ofSeconds(59));
    assertEquals(List.of(), fixture.launcher.launchedIds());
    fixture.advance(Duration.ofSeconds(1));

    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(FakeClock.START.plusSeconds(60), fixture.job(1).startTime());
  }

  @Test
  void beginTime_twoJobs_eachStartsAtItsOwnTime() {
    fixture.submit(
        spec().begin(FakeClock.START.plusSeconds(600)).job(1),
        spec().begin(FakeClock.START.plusSeconds(60)).job(2));

    fixture.advance(Duration.ofSeconds(60));
    assertEquals(List.of(2L), fixture.launcher.launchedIds());
    fixture.advance(Duration.ofSeconds(540));

    assertEquals(List.of(2L, 1L), fixture.launcher.launchedIds());
  }

  @Test
  void beginTime_otherJobsStartAndEndMeanwhile_jobStillStartsAtItsTime() {
    fixture.submit(spec().begin(FakeClock.START.plusSeconds(60)).job(1), spec().job(2));
    fixture.submit(spec().job(3));
    fixture.exit(2, 0);
    fixture.cancel(3);

    assertEquals(Reasons.BEGIN_TIME, fixture.reason(1));
    fixture.advance(Duration.ofSeconds(60));
    assertEquals(JobState.RUNNING, fixture.state(1));
  }

  @Test
  void timeLimit_reached_termThenKillAfterGraceThenTimeout() {
    fixture.submit(spec().timeLimit(HOUR).job(1));

    fixture.advance(HOUR.minusSeconds(1));
    assertEquals(List.of(), signals());
    fixture.advance(Duration.ofSeconds(1));
    assertEquals(List.of(new FakeLauncher.Signal(1, Launcher.SIGTERM)), signals());
    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(Reasons.TIME_LIMIT, fixture.reason(1));

    fixture.advance(SchedulerFixture.KILL_GRACE);
    assertEquals(new FakeLauncher.Signal(1, Launcher.SIGKILL), signals().get(1));
    fixture.killed(1, 9);

    assertEquals(JobState.TIMEOUT, fixture.state(1));
    assertEquals(Reasons.TIME_LIMIT, fixture.reason(1));
  }

  @Test
  void timeLimit_jobExitsOnTermBeforeGrace_noKillAndTimeout() {
    fixture.submit(spec().timeLimit(HOUR).job(1));
    fixture.advance(HOUR);

    fixture.killed(1, 15);
    fixture.advance(Duration.ofMinutes(5));

    assertEquals(1, signals().size());
    assertEquals(JobState.TIMEOUT, fixture.state(1));
  }

  @Test
  void timeLimit_jobEndsFirst_noSignal() {
    fixture.submit(spec().timeLimit(HOUR).job(1));
    fixture.advance(Duration.ofMinutes(10));

    fixture.exit(1, 0);
    fixture.advance(Duration.ofHours(2));

    assertEquals(List.of(), signals());
    assertEquals(JobState.COMPLETED, fixture.state(1));
    assertEquals(0, fixture.executor.pendingTimers());
  }

  @Test
  void timeLimit_longerThanTimerStep_stillFiresOnTime() {
    fixture.submit(spec().timeLimit(Duration.ofDays(3)).job(1));

    fixture.advance(Duration.ofDays(3).minusSeconds(1));
    assertEquals(List.of(), signals());
    fixture.advance(Duration.ofSeconds(1));

    assertEquals(List.of(new FakeLauncher.Signal(1, Launcher.SIGTERM)), signals());
  }

  @Test
  void cancel_runningJob_termKillThenCancelled() {
    fixture.submit(spec().job(1));

    List<Outcome> outcomes = fixture.cancel(1);

    assertEquals(Outcome.Kind.OK, outcomes.get(0).kind());
    assertEquals(JobState.RUNNING, outcomes.get(0).job().state());
    assertEquals("CancelledBy:bob", fixture.reason(1));
    assertEquals(List.of(new FakeLauncher.Signal(1, Launcher.SIGTERM)), signals());
    fixture.advance(SchedulerFixture.KILL_GRACE);
    assertEquals(new FakeLauncher.Signal(1, Launcher.SIGKILL), signals().get(1));

    fixture.killed(1, 9);

    assertEquals(JobState.CANCELLED, fixture.state(1));
    assertEquals("CancelledBy:bob", fixture.reason(1));
  }

  @Test
  void cancel_runningJobTwice_signalsOnce() {
    fixture.submit(spec().job(1));

    fixture.cancel(1);
    fixture.cancel(1);

    assertEquals(1, signals().size());
  }

  @Test
  void cancel_runningJobExitsZeroAfterTerm_stillCancelled() {
    fixture.submit(spec().job(1));
    fixture.cancel(1);

    fixture.exit(1, 0);

    assertEquals(JobState.CANCELLED, fixture.state(1));
  }

  @Test
  void cancel_pendingJob_cancelledAtOnceWithoutRunning() {
    fixture.submit(spec().job(1), spec().job(2), spec().job(3));

    List<Outcome> outcomes = fixture.cancel(3);

    assertEquals(JobState.CANCELLED, outcomes.get(0).job().state());
    assertEquals(JobState.CANCELLED, fixture.state(3));
    assertNull(fixture.job(3).startTime());
    assertEquals(List.of(), signals());
    fixture.exit(1, 0);
    assertEquals(List.of(1L, 2L), fixture.launcher.launchedIds());
  }

  @Test
  void cancel_unknownAndFinishedIds_notFoundAndConflict() {
    fixture.submit(spec().job(1));
    fixture.exit(1, 0);

    List<Outcome> outcomes = fixture.cancel(1, 42);

    assertEquals(Outcome.Kind.CONFLICT, outcomes.get(0).kind());
    assertEquals("job 1 has already ended (COMPLETED)", outcomes.get(0).message());
    assertEquals(Outcome.Kind.NOT_FOUND, outcomes.get(1).kind());
  }
}
