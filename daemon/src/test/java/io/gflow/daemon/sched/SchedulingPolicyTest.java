package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulingPolicyTest {
  private static final Instant NOW = FakeClock.START;
  private static final Resources FOUR_GPUS = Resources.of(8, List.of(0, 1, 2, 3));

  private final Map<Long, Job> others = new HashMap<>();
  private final List<Job> running = new ArrayList<>();

  private Plan plan(Resources resources, Job... waiting) {
    return plan(resources, QueueLimits.NONE, waiting);
  }

  private Plan plan(Resources resources, QueueLimits limits, Job... waiting) {
    return SchedulingPolicy.plan(
        List.of(waiting),
        running,
        resources,
        limits,
        id -> Optional.ofNullable(others.get(id)),
        NOW);
  }

  private static List<Long> started(Plan plan) {
    return plan.starts().stream().map(start -> start.job().id()).toList();
  }

  private static List<Integer> gpusOf(Plan plan, long id) {
    return plan.starts().stream()
        .filter(start -> start.job().id() == id)
        .findFirst()
        .orElseThrow()
        .gpus();
  }

  @Test
  void plan_higherPriority_startsFirst() {
    Plan plan = plan(Resources.cpuOnly(1), spec().priority(10).job(1), spec().priority(90).job(2));

    assertEquals(List.of(2L), started(plan));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(1L));
  }

  @Test
  void plan_samePriority_startsInSubmitOrder() {
    Plan plan = plan(Resources.cpuOnly(2), spec().job(3), spec().job(1), spec().job(2));

    assertEquals(List.of(1L, 2L), started(plan));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(3L));
  }

  @Test
  void plan_slotsTakenByRunningJobs_startsOnlyIntoFreeSlots() {
    running.add(spec().running(1, NOW, List.of()));

    Plan plan = plan(Resources.cpuOnly(2), spec().job(2), spec().job(3));

    assertEquals(List.of(2L), started(plan));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(3L));
  }

  @Test
  void plan_fourGpusTwoOneOne_packsLowestIndicesAndTwoGpuJobWaits() {
    Plan plan =
        plan(
            FOUR_GPUS,
            spec().gpus(2).job(1),
            spec().gpus(1).job(2),
            spec().gpus(1).job(3),
            spec().gpus(2).job(4));

    assertEquals(List.of(1L, 2L, 3L), started(plan));
    assertEquals(List.of(0, 1), gpusOf(plan, 1));
    assertEquals(List.of(2), gpusOf(plan, 2));
    assertEquals(List.of(3), gpusOf(plan, 3));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(4L));
  }

  @Test
  void plan_runningJobHoldsGpus_newJobGetsLowestFree() {
    running.add(spec().gpus(1).running(1, NOW, List.of(0)));

    Plan plan = plan(FOUR_GPUS, spec().gpus(2).job(2));

    assertEquals(List.of(1, 2), gpusOf(plan, 2));
  }

  @Test
  void plan_allowedSubset_usesOnlyAllowedGpus() {
    Resources onlyEven = FOUR_GPUS.withAllowedGpus(Set.of(0, 2));

    Plan plan = plan(onlyEven, spec().gpus(1).job(1), spec().gpus(1).job(2), spec().gpus(1).job(3));

    assertEquals(List.of(0), gpusOf(plan, 1));
    assertEquals(List.of(2), gpusOf(plan, 2));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(3L));
  }

  @Test
  void plan_moreGpusThanAllowed_waitsWithoutBlockingOthers() {
    Resources onlyEven = FOUR_GPUS.withAllowedGpus(Set.of(0, 2));

    Plan plan = plan(onlyEven, spec().priority(90).gpus(3).job(1), spec().gpus(1).job(2));

    assertEquals(List.of(2L), started(plan));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(1L));
  }

  @Test
  void plan_heldJob_neitherStartsNorGetsReason() {
    Plan plan = plan(Resources.cpuOnly(1), spec().priority(90).held(1), spec().job(2));

    assertEquals(List.of(2L), started(plan));
    assertNull(plan.reasons().get(1L));
  }

  @Test
  void plan_allDependenciesCompleted_starts() {
    others.put(1L, spec().ended(1, JobState.COMPLETED));
    others.put(2L, spec().ended(2, JobState.COMPLETED));

    assertEquals(List.of(3L), started(plan(Resources.cpuOnly(4), spec().after(1L, 2L).job(3))));
  }

  @Test
  void plan_modeAllOneDependencyRunning_waitsForDependency() {
    others.put(1L, spec().ended(1, JobState.COMPLETED));
    others.put(2L, spec().running(2, NOW, List.of()));

    Plan plan = plan(Resources.cpuOnly(4), spec().after(1L, 2L).job(3));

    assertEquals(List.of(), started(plan));
    assertEquals(Reasons.DEPENDENCY, plan.reasons().get(3L));
  }

  @Test
  void plan_modeAnyOneCompleted_starts() {
    others.put(1L, spec().ended(1, JobState.FAILED));
    others.put(2L, spec().ended(2, JobState.COMPLETED));

    Plan plan = plan(Resources.cpuOnly(4), spec().after(DependencyMode.ANY, 1L, 2L).job(3));

    assertEquals(List.of(3L), started(plan));
  }

  @Test
  void plan_modeAnyOneFailedOneRunning_waitsForDependency() {
    others.put(1L, spec().ended(1, JobState.FAILED));
    others.put(2L, spec().running(2, NOW, List.of()));

    Plan plan = plan(Resources.cpuOnly(4), spec().after(DependencyMode.ANY, 1L, 2L).job(3));

    assertEquals(Reasons.DEPENDENCY, plan.reasons().get(3L));
    assertEquals(Map.of(), plan.doomed());
  }

  @Test
  void plan_modeAnyAllFailed_doomsAutoCancelJob() {
    others.put(1L, spec().ended(1, JobState.FAILED));
    others.put(2L, spec().ended(2, JobState.TIMEOUT));

    Plan plan = plan(Resources.cpuOnly(4), spec().after(DependencyMode.ANY, 1L, 2L).job(3));

    assertEquals(Map.of(3L, 2L), plan.doomed());
  }

  @Test
  void plan_modeAllOneFailed_doomsAutoCancelJobNamingTheFailedDependency() {
    others.put(1L, spec().ended(1, JobState.COMPLETED));
    others.put(2L, spec().ended(2, JobState.CANCELLED));

    Plan plan = plan(Resources.cpuOnly(4), spec().after(1L, 2L).job(3));

    assertEquals(Map.of(3L, 2L), plan.doomed());
    assertEquals(List.of(), started(plan));
  }

  @Test
  void plan_dependencyFailedWithoutAutoCancel_neverSatisfiedReason() {
    others.put(1L, spec().ended(1, JobState.FAILED));

    Plan plan = plan(Resources.cpuOnly(4), spec().after(1L).noAutoCancel().job(2));

    assertEquals(Map.of(), plan.doomed());
    assertEquals(Reasons.DEPENDENCY_NEVER_SATISFIED, plan.reasons().get(2L));
  }

  @Test
  void plan_unknownDependency_neverSatisfied() {
    Plan plan = plan(Resources.cpuOnly(4), spec().after(77L).noAutoCancel().job(2));

    assertEquals(Reasons.DEPENDENCY_NEVER_SATISFIED, plan.reasons().get(2L));
  }

  @Test
  void plan_topJobWaitingForDependency_doesNotBlockLowerJobs() {
    others.put(1L, spec().running(1, NOW, List.of()));

    Plan plan = plan(Resources.cpuOnly(4), spec().priority(90).after(1L).job(2), spec().job(3));

    assertEquals(List.of(3L), started(plan));
  }

  @Test
  void plan_arrayThrottle_limitsRunningTasksOfThatArray() {
    running.add(spec().throttle(2).task(10, 10, 0));
    running.set(0, running.get(0).started(NOW, 1, 1, List.of()));
    TestJobs throttled = spec().throttle(2);

    Plan plan =
        plan(
            Resources.cpuOnly(8),
            throttled.task(11, 10, 1),
            throttled.task(12, 10, 2),
            spec().throttle(2).task(20, 20, 0));

    assertEquals(List.of(11L, 20L), started(plan));
    assertEquals(Reasons.ARRAY_LIMIT, plan.reasons().get(12L));
  }

  @Test
  void plan_groupLimit_stopsTheGroupButNotOthers() {
    QueueLimits limited = QueueLimits.NONE.withGroupLimits(Map.of("lab", 1));

    Plan plan =
        plan(
            Resources.cpuOnly(8),
            limited,
            spec().group("lab").job(1),
            spec().group("lab").job(2),
            spec().group("other").job(3),
            spec().job(4));

    assertEquals(List.of(1L, 3L, 4L), started(plan));
    assertEquals(Reasons.GROUP_LIMIT, plan.reasons().get(2L));
  }

  @Test
  void plan_beginInFuture_waitsAndReportsNextBegin() {
    Instant soon = NOW.plusSeconds(60);
    Instant later = NOW.plusSeconds(600);

    Plan plan =
        plan(
            Resources.cpuOnly(4),
            spec().begin(later).job(1),
            spec().begin(soon).job(2),
            spec().begin(NOW).job(3));

    assertEquals(List.of(3L), started(plan));
    assertEquals(Reasons.BEGIN_TIME, plan.reasons().get(1L));
    assertEquals(soon, plan.nextBegin());
  }
}
