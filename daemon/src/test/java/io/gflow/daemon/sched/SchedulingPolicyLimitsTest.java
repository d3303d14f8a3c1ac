package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.admin.Quota;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin's limits in one policy pass: drain, group and array limits, user quotas. */
class SchedulingPolicyLimitsTest {
  private static final Instant NOW = FakeClock.START;
  private static final Owner BOB = new Owner(1001, 1001, "bob");
  private static final Resources EIGHT_SLOTS_FOUR_GPUS = Resources.of(8, List.of(0, 1, 2, 3));

  private final List<Job> running = new ArrayList<>();

  private Plan plan(QueueLimits limits, Job... waiting) {
    return SchedulingPolicy.plan(
        List.of(waiting), running, EIGHT_SLOTS_FOUR_GPUS, limits, id -> Optional.empty(), NOW);
  }

  private static List<Long> started(Plan plan) {
    return plan.starts().stream().map(start -> start.job().id()).toList();
  }

  private void alreadyRunning(Job job, List<Integer> gpus) {
    running.add(job.started(NOW, 500 + job.id(), 1, gpus));
  }

  @Test
  void plan_draining_startsNothingReasonDraining() {
    Plan plan = plan(QueueLimits.NONE.withDraining(true), spec().job(1), spec().gpus(1).job(2));

    assertEquals(List.of(), started(plan));
    assertEquals(Map.of(1L, Reasons.DRAINING, 2L, Reasons.DRAINING), plan.reasons());
  }

  @Test
  void plan_drainingButDependencyPending_keepsDependencyReason() {
    Plan plan = plan(QueueLimits.NONE.withDraining(true), spec().after(99L).noAutoCancel().job(1));

    assertEquals(Reasons.DEPENDENCY_NEVER_SATISFIED, plan.reasons().get(1L));
  }

  @Test
  void plan_resumed_startsAgain() {
    Plan plan = plan(QueueLimits.NONE.withDraining(false), spec().job(1));

    assertEquals(List.of(1L), started(plan));
  }

  @Test
  void plan_groupLimitReachedByRunningJob_reasonGroupLimit() {
    alreadyRunning(spec().group("lab").job(1), List.of());

    Plan plan =
        plan(
            QueueLimits.NONE.withGroupLimits(Map.of("lab", 1)),
            spec().group("lab").job(2),
            spec().group("other").job(3));

    assertEquals(List.of(3L), started(plan));
    assertEquals(Reasons.GROUP_LIMIT, plan.reasons().get(2L));
  }

  @Test
  void plan_groupLimitZero_startsNoneOfTheGroup() {
    Plan plan =
        plan(QueueLimits.NONE.withGroupLimits(Map.of("lab", 0)), spec().group("lab").job(1));

    assertEquals(Reasons.GROUP_LIMIT, plan.reasons().get(1L));
  }

  @Test
  void plan_arrayLimit_startsOnlyThatManyTasksReasonArrayLimit() {
    Plan plan =
        plan(
            QueueLimits.NONE.withArrayLimits(Map.of(10L, 2)),
            spec().task(10, 10, 0),
            spec().task(11, 10, 1),
            spec().task(12, 10, 2),
            spec().task(20, 20, 0));

    assertEquals(List.of(10L, 11L, 20L), started(plan));
    assertEquals(Reasons.ARRAY_LIMIT, plan.reasons().get(12L));
  }

  @Test
  void plan_quotaMaxRunning_countsRunningJobsOfThatUserOnly() {
    alreadyRunning(spec().job(1), List.of());
    Quota two = new Quota(2, null, null);

    Plan plan =
        plan(
            QueueLimits.NONE.withQuotas(two, Map.of()),
            spec().job(2),
            spec().job(3),
            spec().owner(BOB).job(4));

    assertEquals(List.of(2L, 4L), started(plan));
    assertEquals(Reasons.QUOTA_RUNNING, plan.reasons().get(3L));
  }

  @Test
  void plan_quotaMaxGpus_jobThatWouldExceedWaitsSmallerOneStarts() {
    alreadyRunning(spec().gpus(1).job(1), List.of(0));
    QueueLimits limits = QueueLimits.NONE.withQuotas(new Quota(null, 2, null), Map.of());

    Plan plan = plan(limits, spec().gpus(2).job(2), spec().gpus(1).job(3));

    assertEquals(List.of(3L), started(plan));
    assertEquals(Reasons.QUOTA_GPUS, plan.reasons().get(2L));
  }

  @Test
  void plan_userQuota_overridesDefaultAndInheritsUnsetLimits() {
    QueueLimits limits =
        QueueLimits.NONE.withQuotas(new Quota(1, 0, null), Map.of("bob", new Quota(3, null, null)));

    Plan plan =
        plan(
            limits,
            spec().owner(BOB).job(1),
            spec().owner(BOB).job(2),
            spec().owner(BOB).gpus(1).job(3),
            spec().job(4),
            spec().job(5));

    assertEquals(List.of(1L, 2L, 4L), started(plan));
    assertEquals(Reasons.QUOTA_GPUS, plan.reasons().get(3L), "bob inherits max_gpus 0");
    assertEquals(Reasons.QUOTA_RUNNING, plan.reasons().get(5L));
  }
}
