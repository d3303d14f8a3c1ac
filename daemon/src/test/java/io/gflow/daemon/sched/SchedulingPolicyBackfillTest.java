package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backfill: lower jobs may start behind the top blocked job only if they cannot delay it. */
class SchedulingPolicyBackfillTest {
  private static final Instant NOW = FakeClock.START;
  private static final Resources FOUR_GPUS = Resources.of(8, List.of(0, 1, 2, 3));

  private final List<Job> running = new ArrayList<>();

  private Plan plan(Resources resources, Job... waiting) {
    return SchedulingPolicy.plan(List.of(waiting), running, resources, id -> Optional.empty(), NOW);
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
  void plan_backfillJobEndsBeforeTopCanStart_starts() {
    running.add(spec().gpus(2).timeLimit(Duration.ofHours(2)).running(1, NOW, List.of(0, 1)));

    Plan plan =
        plan(
            FOUR_GPUS,
            spec().priority(90).gpus(4).job(2),
            spec().gpus(1).timeLimit(Duration.ofHours(1)).job(3));

    assertEquals(List.of(3L), started(plan));
    assertEquals(Reasons.RESOURCES, plan.reasons().get(2L));
  }

  @Test
  void plan_backfillJobWouldOutlastTopsWait_waitsForPriority() {
    running.add(spec().gpus(2).timeLimit(Duration.ofHours(2)).running(1, NOW, List.of(0, 1)));

    Plan plan =
        plan(
            FOUR_GPUS,
            spec().priority(90).gpus(4).job(2),
            spec().gpus(1).timeLimit(Duration.ofHours(3)).job(3),
            spec().gpus(1).job(4));

    assertEquals(List.of(), started(plan));
    assertEquals(Reasons.PRIORITY, plan.reasons().get(3L));
    assertEquals(Reasons.PRIORITY, plan.reasons().get(4L));
  }

  @Test
  void plan_backfillUsesOnlySpareResources_startsWithoutTimeLimit() {
    // At the reservation (2 h) the top job takes GPUs 0-2; GPU 3 and the other slots are spare.
    running.add(spec().gpus(2).timeLimit(Duration.ofHours(2)).running(1, NOW, List.of(0, 1)));

    Plan plan =
        plan(
            FOUR_GPUS,
            spec().priority(90).gpus(3).job(2),
            spec().job(3),
            spec().gpus(1).job(4),
            spec().gpus(1).job(5));

    assertEquals(List.of(3L, 4L), started(plan));
    assertEquals(List.of(3), gpusOf(plan, 4));
    assertEquals(Reasons.PRIORITY, plan.reasons().get(5L));
  }

  @Test
  void plan_topWaitsForJobWithoutLimit_onlyLimitedJobsBackfill() {
    running.add(spec().gpus(2).running(1, NOW, List.of(0, 1)));

    Plan plan =
        plan(
            FOUR_GPUS,
            spec().priority(90).gpus(4).job(2),
            spec().gpus(1).job(3),
            spec().gpus(1).timeLimit(Duration.ofMinutes(5)).job(4));

    // No one knows when job 1 ends: job 3 could hold a GPU the top job needs for ever; job 4
    // cannot (it has a limit), so it backfills.
    assertEquals(List.of(4L), started(plan));
    assertEquals(Reasons.PRIORITY, plan.reasons().get(3L));
  }

  @Test
  void plan_cpuJobBehindGpuJob_usesSpareSlot() {
    running.add(spec().gpus(4).running(1, NOW, List.of(0, 1, 2, 3)));

    Plan plan = plan(FOUR_GPUS, spec().priority(90).gpus(4).job(2), spec().job(3));

    assertEquals(List.of(3L), started(plan));
  }
}
