package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.job.JobState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Scheduler#limitsChanged}: drain and resume, limits raised and lowered, on the loop. */
class SchedulerLimitsTest {
  private final SchedulerFixture fixture = new SchedulerFixture(Resources.cpuOnly(4));

  @Test
  void limitsChanged_drain_runningJobRunsOnQueuedWaitsDraining() {
    fixture.submit(spec().job(1));
    fixture.await(fixture.scheduler.limitsChanged(QueueLimits.NONE.withDraining(true)));

    fixture.submit(spec().job(2));

    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(JobState.PENDING, fixture.state(2));
    assertEquals(Reasons.DRAINING, fixture.reason(2));
    fixture.exit(1, 0);
    assertEquals(JobState.PENDING, fixture.state(2), "an exit starts nothing while draining");
  }

  @Test
  void limitsChanged_resume_startsQueuedJobs() {
    fixture.await(fixture.scheduler.limitsChanged(QueueLimits.NONE.withDraining(true)));
    fixture.submit(spec().job(1), spec().job(2));

    List<?> changed = fixture.await(fixture.scheduler.limitsChanged(QueueLimits.NONE));

    assertEquals(2, changed.size());
    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(JobState.RUNNING, fixture.state(2));
  }

  @Test
  void limitsChanged_groupLimitLowered_runningKeepsRunningNextWaits() {
    fixture.submit(spec().group("lab").job(1), spec().group("lab").job(2));
    fixture.await(
        fixture.scheduler.limitsChanged(QueueLimits.NONE.withGroupLimits(Map.of("lab", 1))));

    fixture.submit(spec().group("lab").job(3));

    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(JobState.RUNNING, fixture.state(2));
    assertEquals(Reasons.GROUP_LIMIT, fixture.reason(3));
    fixture.exit(1, 0);
    assertEquals(Reasons.GROUP_LIMIT, fixture.reason(3), "still 1 running, the limit is 1");
    fixture.exit(2, 0);
    assertEquals(JobState.RUNNING, fixture.state(3));
  }
}
