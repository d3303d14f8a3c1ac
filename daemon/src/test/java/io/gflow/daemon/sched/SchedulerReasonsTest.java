package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.job.JobState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Waiting jobs' reasons on a full host: a pass that finds every slot taken looks no further than
 * the jobs that changed, and a whole pass brings the others' reasons up to date within {@link
 * SchedulerState#REASONS_REFRESH}.
 */
class SchedulerReasonsTest {
  private final SchedulerFixture fixture = new SchedulerFixture(Resources.cpuOnly(2));

  @Test
  void aReasonLeftBehindByAPassOnAFullHostIsRefreshedByTheNextWholePass() {
    fixture.await(
        fixture.scheduler.limitsChanged(QueueLimits.NONE.withGroupLimits(Map.of("lab", 1))));
    fixture.submit(spec().group("lab").job(1), spec().job(2));
    fixture.submit(spec().job(3), spec().group("lab").job(4));
    assertEquals(Reasons.RESOURCES, fixture.reason(3), "a new job gets its reason at once");
    assertEquals(Reasons.GROUP_LIMIT, fixture.reason(4), "a new job gets its reason at once");

    fixture.exit(1, 0);

    assertEquals(JobState.RUNNING, fixture.state(3));
    assertEquals(
        Reasons.GROUP_LIMIT, fixture.reason(4), "job 3 took the last slot: job 4 was not visited");
    fixture.advance(SchedulerState.REASONS_REFRESH);
    assertEquals(Reasons.RESOURCES, fixture.reason(4), "lab runs nothing now; the slots are full");
    assertEquals(0, fixture.executor.pendingTimers(), "nothing is left out any more");
  }

  @Test
  void aLimitChangeVisitsEveryWaitingJobAtOnce() {
    fixture.submit(spec().group("lab").job(1), spec().job(2));
    fixture.submit(spec().group("lab").job(3));
    assertEquals(Reasons.RESOURCES, fixture.reason(3));

    fixture.await(
        fixture.scheduler.limitsChanged(QueueLimits.NONE.withGroupLimits(Map.of("lab", 1))));

    assertEquals(Reasons.GROUP_LIMIT, fixture.reason(3));
  }
}
