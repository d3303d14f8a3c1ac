package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which pending jobs start now and why the others wait: priority then submit order, with
 * backfill behind the first job blocked only by resources. A pure function of its inputs. Stateless
 * and thread-safe.
 */
final class SchedulingPolicy {
  /** Priority descending, then id ascending (submit order). */
  static final Comparator<Job> ORDER =
      Comparator.comparingInt((Job job) -> -job.spec().priority()).thenComparingLong(Job::id);

  private SchedulingPolicy() {}

  /** Plans one pass with no admin limits. */
  static Plan plan(
      Collection<Job> waiting,
      Collection<Job> running,
      Resources resources,
      Function<Long, Optional<Job>> find,
      Instant now) {
    return plan(waiting, running, resources, QueueLimits.NONE, find, now);
  }

  /**
   * Plans one pass.
   *
   * @param waiting the queued jobs; only PENDING ones are considered (HELD keep their reason)
   * @param running the RUNNING jobs, holding their slots and {@code assignedGpus}
   * @param limits group, array and user limits, and draining (which starts nothing)
   * @param find any job by id (for dependencies), finished ones included
   */
  static Plan plan(
      Collection<Job> waiting,
      Collection<Job> running,
      Resources resources,
      QueueLimits limits,
      Function<Long, Optional<Job>> find,
      Instant now) {
    ResourcePool pool = new ResourcePool(resources, limits, running);
    List<Plan.Start> starts = new ArrayList<>();
    Map<Long, String> reasons = new HashMap<>();
    Map<Long, Long> doomed = new LinkedHashMap<>();
    Instant nextBegin = null;
    ResourcePool.Reservation reservation = null;
    List<Job> ordered =
        waiting.stream().filter(job -> job.state() == JobState.PENDING).sorted(ORDER).toList();
    for (Job job : ordered) {
      DependencyVerdict deps = Dependencies.verdict(job, find);
      Instant begin = job.spec().begin();
      if (deps.kind() == DependencyVerdict.Kind.NEVER && job.spec().autoCancel()) {
        doomed.put(job.id(), deps.failedDependency());
      } else if (deps.kind() == DependencyVerdict.Kind.NEVER) {
        reasons.put(job.id(), Reasons.DEPENDENCY_NEVER_SATISFIED);
      } else if (deps.kind() == DependencyVerdict.Kind.WAITING) {
        reasons.put(job.id(), Reasons.DEPENDENCY);
      } else if (begin != null && begin.isAfter(now)) {
        reasons.put(job.id(), Reasons.BEGIN_TIME);
        nextBegin = nextBegin == null || begin.isBefore(nextBegin) ? begin : nextBegin;
      } else if (limits.draining()) {
        reasons.put(job.id(), Reasons.DRAINING);
      } else if (!pool.possible(job)) {
        // Asks for more than exists: it must not hold up the queue.
        reasons.put(job.id(), Reasons.RESOURCES);
      } else if (waitsForLimit(pool, job, reasons)) {
        // Its group, array or user is at a limit; it must not hold up the queue either.
      } else if (reservation == null && pool.fits(job)) {
        starts.add(new Plan.Start(job, pool.take(job, now)));
      } else if (reservation == null) {
        reservation = pool.reserve(job);
        reasons.put(job.id(), Reasons.RESOURCES);
      } else if (!pool.fits(job)) {
        reasons.put(job.id(), Reasons.RESOURCES);
      } else {
        List<Integer> gpus = pool.takeBehind(reservation, job, now);
        if (gpus == null) {
          reasons.put(job.id(), Reasons.PRIORITY);
        } else {
          starts.add(new Plan.Start(job, gpus));
        }
      }
    }
    return new Plan(starts, reasons, doomed, nextBegin);
  }

  /** Records why the job waits if a group, array or user limit holds it; false when none does. */
  private static boolean waitsForLimit(ResourcePool pool, Job job, Map<Long, String> reasons) {
    String limit = pool.limitReason(job);
    if (limit != null) {
      reasons.put(job.id(), limit);
    }
    return limit != null;
  }
}
