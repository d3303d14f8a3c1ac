package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SchedulerCommandsTest {
  private final SchedulerFixture fixture = new SchedulerFixture(Resources.cpuOnly(1));

  private List<Outcome> hold(boolean byAdmin, long... ids) {
    return fixture.await(fixture.scheduler.hold(SchedulerFixture.boxed(ids), byAdmin));
  }

  private List<Outcome> release(boolean byAdmin, long... ids) {
    return fixture.await(fixture.scheduler.release(SchedulerFixture.boxed(ids), byAdmin));
  }

  @Test
  void hold_pendingJob_heldUntilReleased() {
    fixture.submit(spec().job(1), spec().job(2));

    assertEquals(Outcome.Kind.OK, hold(false, 2).get(0).kind());
    fixture.exit(1, 0);
    assertEquals(JobState.HELD, fixture.state(2));
    assertEquals(Reasons.HELD_USER, fixture.reason(2));

    List<Outcome> released = release(false, 2);

    assertEquals(JobState.RUNNING, released.get(0).job().state());
  }

  @Test
  void hold_runningFinishedAndUnknown_perIdOutcomes() {
    fixture.submit(spec().job(1), spec().job(2));
    fixture.exit(1, 0);

    List<Outcome> outcomes = hold(false, 2, 1, 9);

    assertEquals(Outcome.Kind.CONFLICT, outcomes.get(0).kind());
    assertTrue(outcomes.get(0).message().contains("RUNNING"), outcomes.get(0).message());
    assertEquals(Outcome.Kind.CONFLICT, outcomes.get(1).kind());
    assertEquals(Outcome.Kind.NOT_FOUND, outcomes.get(2).kind());
  }

  @Test
  void release_adminHoldByUser_conflictThenAdminReleases() {
    fixture.submit(spec().job(1), spec().job(2));
    hold(true, 2);
    assertEquals(Reasons.HELD_ADMIN, fixture.reason(2));

    assertEquals(Outcome.Kind.CONFLICT, release(false, 2).get(0).kind());
    assertEquals(Outcome.Kind.OK, release(true, 2).get(0).kind());

    assertEquals(JobState.PENDING, fixture.state(2));
    assertEquals(Reasons.RESOURCES, fixture.reason(2));
  }

  @Test
  void submitted_withHold_neverStartsUntilReleased() {
    fixture.submit(spec().held(1));

    assertEquals(List.of(), fixture.launcher.launchedIds());
    release(false, 1);

    assertEquals(List.of(1L), fixture.launcher.launchedIds());
  }

  @Test
  void release_runningJob_conflict() {
    fixture.submit(spec().job(1));

    assertEquals(Outcome.Kind.CONFLICT, release(false, 1).get(0).kind());
  }

  @Test
  void update_higherPriority_overtakesOlderJob() {
    fixture.submit(spec().job(1), spec().job(2), spec().job(3));

    Outcome outcome = fixture.await(fixture.scheduler.update(spec().priority(80).job(3)));
    fixture.exit(1, 0);

    assertEquals(80, outcome.job().spec().priority());
    assertEquals(List.of(1L, 3L), fixture.launcher.launchedIds());
  }

  @Test
  void update_dependencyCycle_invalidNamingTheCycle() {
    fixture.submit(spec().job(1), spec().job(2), spec().after(2L).job(3));

    Outcome outcome = fixture.await(fixture.scheduler.update(spec().after(3L).job(2)));

    assertEquals(Outcome.Kind.INVALID, outcome.kind());
    assertEquals("dependency cycle: 2 -> 3 -> 2", outcome.message());
  }

  @Test
  void update_runningJob_conflict() {
    fixture.submit(spec().job(1));

    Outcome outcome = fixture.await(fixture.scheduler.update(spec().priority(90).job(1)));

    assertEquals(Outcome.Kind.CONFLICT, outcome.kind());
  }

  @Test
  void recovered_runningJobsKeepTheirGpus_untilTheyExit() {
    SchedulerFixture gpus = new SchedulerFixture(Resources.of(4, List.of(0, 1, 2, 3)));
    Job adopted = spec().gpus(2).running(1, FakeClock.START, List.of(0, 1));
    gpus.await(gpus.scheduler.recovered(List.of(adopted, spec().gpus(3).job(2))));

    assertEquals(Reasons.RESOURCES, gpus.reason(2));
    gpus.exit(1, 0);

    assertEquals(List.of(0, 1, 2), gpus.launcher.gpusOf(2));
  }

  @Test
  void recovered_timeLimitAlreadyPassed_termSentAtOnce() {
    Job adopted =
        spec()
            .timeLimit(Duration.ofMinutes(1))
            .running(1, FakeClock.START.minusSeconds(600), List.of());

    fixture.await(fixture.scheduler.recovered(List.of(adopted)));

    assertEquals(List.of(new FakeLauncher.Signal(1, Launcher.SIGTERM)), fixture.launcher.signals);
  }

  @Test
  void resourcesChanged_moreSlots_startsWaitingJob() {
    fixture.submit(spec().job(1), spec().job(2));

    List<Job> changed = fixture.await(fixture.scheduler.resourcesChanged(Resources.cpuOnly(2)));

    assertEquals(List.of(2L), changed.stream().map(Job::id).toList());
    assertEquals(JobState.RUNNING, fixture.state(2));
  }

  @Test
  void submitted_duplicateId_failsWithoutChanges() {
    fixture.submit(spec().job(1));

    CompletionException error =
        assertThrows(CompletionException.class, () -> fixture.submit(spec().job(1)));

    assertTrue(error.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void close_thenSubmit_failsAndTimersAreCancelled() {
    fixture.submit(spec().timeLimit(Duration.ofHours(1)).job(1));

    fixture.scheduler.close();
    fixture.executor.runReady();

    assertEquals(0, fixture.executor.pendingTimers());
    assertTrue(fixture.scheduler.submitted(List.of(spec().job(2))).isCompletedExceptionally());
  }
}
