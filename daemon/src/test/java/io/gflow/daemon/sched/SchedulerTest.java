package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobState;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SchedulerTest {
  private final SchedulerFixture fixture = new SchedulerFixture(Resources.cpuOnly(1));

  @Test
  void submitted_freeSlot_launchesAndRepliesRunning() {
    List<Job> reply = fixture.submit(spec().job(1));

    assertEquals(JobState.RUNNING, reply.get(0).state());
    assertEquals(List.of(1L), fixture.launcher.launchedIds());
    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(1000, fixture.job(1).pid());
  }

  @Test
  void submitted_commitNotYetDurable_replyWaits() {
    fixture.sink.holdCommits();

    CompletableFuture<List<Job>> reply = fixture.scheduler.submitted(List.of(spec().job(1)));
    fixture.executor.runReady();

    assertFalse(reply.isDone());
    fixture.sink.releaseCommits();
    assertTrue(reply.isDone());
  }

  @Test
  void submitted_twoEventsBeforeTheLoopRuns_shareOneCommit() {
    CompletableFuture<List<Job>> first = fixture.scheduler.submitted(List.of(spec().job(1)));
    CompletableFuture<List<Job>> second = fixture.scheduler.submitted(List.of(spec().job(2)));

    fixture.await(first);

    assertTrue(second.isDone());
    assertEquals(1, fixture.sink.batches.size());
  }

  @Test
  void exited_codeZero_completedAndNextJobStarts() {
    fixture.submit(spec().job(1), spec().job(2));
    assertEquals(Reasons.RESOURCES, fixture.reason(2));

    fixture.exit(1, 0);

    assertEquals(JobState.COMPLETED, fixture.state(1));
    assertEquals(ExitStatus.exited(0), fixture.job(1).exit());
    assertEquals(JobState.RUNNING, fixture.state(2));
  }

  @Test
  void exited_nonZeroOrSignal_failed() {
    SchedulerFixture two = new SchedulerFixture(Resources.cpuOnly(2));
    two.submit(spec().job(1), spec().job(2));

    two.exit(1, 3);
    two.killed(2, 11);

    assertEquals(JobState.FAILED, two.state(1));
    assertEquals(ExitStatus.killed(11), two.job(2).exit());
    assertEquals(JobState.FAILED, two.state(2));
  }

  @Test
  void exited_launchError_failedWithReason() {
    fixture.submit(spec().job(1));

    fixture.await(fixture.scheduler.exited(1, null, "setpriv: No such file or directory"));

    assertEquals(JobState.FAILED, fixture.state(1));
    assertEquals("LaunchFailed:setpriv: No such file or directory", fixture.reason(1));
  }

  @Test
  void exited_lostReport_lostWithReasonNotFailed() {
    fixture.submit(spec().job(1));

    fixture.await(fixture.scheduler.exited(1, null, "LOST: wrapper gone without an exit record"));

    assertEquals(JobState.LOST, fixture.state(1));
    assertEquals("LOST: wrapper gone without an exit record", fixture.reason(1));
  }

  @Test
  void exited_unknownJob_changesNothing() {
    assertEquals(List.of(), fixture.exit(99, 0));
  }

  @Test
  void submitted_launcherThrows_failedAndNextJobTakesTheSlot() {
    fixture.launcher.failing.add(1L);

    fixture.submit(spec().job(1), spec().job(2));

    assertEquals(JobState.FAILED, fixture.state(1));
    assertEquals(
        "LaunchFailed:cannot execute /bin/nope: No such file or directory", fixture.reason(1));
    assertNull(fixture.job(1).startTime());
    assertEquals(JobState.RUNNING, fixture.state(2));
  }

  @Test
  void exited_dependencyCompleted_dependentStarts() {
    SchedulerFixture two = new SchedulerFixture(Resources.cpuOnly(2));
    two.submit(spec().job(1), spec().after(1L).job(2));
    assertEquals(Reasons.DEPENDENCY, two.reason(2));

    two.exit(1, 0);

    assertEquals(JobState.RUNNING, two.state(2));
  }

  @Test
  void exited_dependencyFailed_cancelsDependentsTransitively() {
    SchedulerFixture two = new SchedulerFixture(Resources.cpuOnly(2));
    two.submit(spec().job(1), spec().after(1L).job(2), spec().after(2L).job(3));

    List<Job> changed = two.exit(1, 1);

    assertEquals(JobState.CANCELLED, two.state(2));
    assertEquals("DependencyFailed:1", two.reason(2));
    assertEquals(JobState.CANCELLED, two.state(3));
    assertEquals("DependencyFailed:2", two.reason(3));
    assertEquals(3, changed.size());
  }

  @Test
  void exited_dependencyFailedWithoutAutoCancel_waitsNeverSatisfied() {
    SchedulerFixture two = new SchedulerFixture(Resources.cpuOnly(2));
    two.submit(spec().job(1), spec().after(1L).noAutoCancel().job(2));

    two.exit(1, 1);

    assertEquals(JobState.PENDING, two.state(2));
    assertEquals(Reasons.DEPENDENCY_NEVER_SATISFIED, two.reason(2));
  }

  @Test
  void exited_anyModeOneCompleted_dependentStarts() {
    SchedulerFixture three = new SchedulerFixture(Resources.cpuOnly(3));
    three.submit(spec().job(1), spec().job(2), spec().after(DependencyMode.ANY, 1L, 2L).job(3));

    three.exit(1, 1);
    assertEquals(Reasons.DEPENDENCY, three.reason(3));
    three.exit(2, 0);

    assertEquals(JobState.RUNNING, three.state(3));
  }

  @Test
  void submitted_dependencyFinishedLongAgo_foundThroughTheLookup() {
    fixture.submit(spec().job(1));
    fixture.exit(1, 0);
    fixture.submit(spec().job(2)); // the scheduler no longer keeps job 1 in memory
    fixture.exit(2, 0);

    fixture.submit(spec().after(1L).job(3));

    assertEquals(JobState.RUNNING, fixture.state(3));
  }

  @Test
  void submitted_dependencyFailedButNotYetCommitted_dependentStillCancelled() {
    fixture.submit(spec().job(1));
    fixture.sink.holdCommits();
    fixture.scheduler.exited(1, ExitStatus.exited(1), null);
    fixture.executor.runReady(); // job 1 FAILED in memory; the store still says RUNNING

    fixture.scheduler.submitted(List.of(spec().after(1L).job(2)));
    fixture.executor.runReady();
    fixture.sink.releaseCommits();
    fixture.executor.runReady();

    assertEquals(JobState.CANCELLED, fixture.state(2));
    assertEquals("DependencyFailed:1", fixture.reason(2));
  }

  @Test
  void submitted_heldJob_notWrittenAgainAfterTheSubmitStoredIt() {
    fixture.submit(spec().held(1));

    assertEquals(0, fixture.sink.versions(1));
    assertEquals(JobState.HELD, fixture.state(1));
  }

  @Test
  void submitted_reasonUnchanged_notPersistedAgain() {
    fixture.submit(spec().job(1), spec().job(2));
    long versions = fixture.sink.versions(2);

    fixture.submit(spec().job(3));

    assertEquals(versions, fixture.sink.versions(2));
    assertEquals(Reasons.RESOURCES, fixture.reason(3));
  }

  @Test
  void submitted_higherPriorityBehind_reasonBecomesPriority() {
    SchedulerFixture gpus = new SchedulerFixture(Resources.of(4, List.of(0, 1)));
    gpus.submit(spec().gpus(1).job(1));
    gpus.submit(spec().gpus(2).priority(90).job(2), spec().gpus(1).job(3));

    assertEquals(Reasons.RESOURCES, gpus.reason(2));
    assertEquals(Reasons.PRIORITY, gpus.reason(3));
  }

  @Test
  void exited_arrayTaskEnds_nextThrottledTaskStarts() {
    SchedulerFixture many = new SchedulerFixture(Resources.cpuOnly(8));
    TestJobs throttled = spec().throttle(1);
    many.submit(throttled.task(1, 1, 0), throttled.task(2, 1, 1));
    assertEquals(Reasons.ARRAY_LIMIT, many.reason(2));

    many.exit(1, 0);

    assertEquals(JobState.RUNNING, many.state(2));
  }

  @Test
  void gpus_jobsRunning_showsAllowedBusyAndHolder() {
    SchedulerFixture gpus =
        new SchedulerFixture(Resources.of(4, List.of(0, 1, 2, 3)).withAllowedGpus(Set.of(0, 1, 2)));

    gpus.submit(spec().gpus(2).job(7));

    assertEquals(
        List.of(
            new GpuState(0, true, true, 7L),
            new GpuState(1, true, true, 7L),
            new GpuState(2, true, false, null),
            new GpuState(3, false, false, null)),
        gpus.scheduler.gpus());
    assertEquals(List.of(0, 1), gpus.launcher.gpusOf(7));
  }
}
