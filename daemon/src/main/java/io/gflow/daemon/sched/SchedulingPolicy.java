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
    Map<Long, String> reasons = new HashMap<>();
    Map<Long, Long> doomed = new LinkedHashMap<>();
    Instant nextBegin = null;
    List<Job> eligible = new ArrayList<>();
    List<Job> ordered =
        waiting.stream().filter(job -> job.state() == JobState.PENDING).sorted(ORDER).toList();
    for (Job job : ordered) {
      Admission admission = admit(job, find, now);
      if (admission.doomedBy() != 0) {
        doomed.put(job.id(), admission.doomedBy());
      } else if (admission.reason() != null) {
        reasons.put(job.id(), admission.reason());
        Instant begin = job.spec().begin();
        if (admission.reason().equals(Reasons.BEGIN_TIME)) {
          nextBegin = nextBegin == null || begin.isBefore(nextBegin) ? begin : nextBegin;
        }
      } else {
        eligible.add(job);
      }
    }
    Allocation allocation = new Allocation(resources, limits, running, now, reasons);
    eligible.forEach(allocation::visit);
    return new Plan(allocation.starts(), reasons, doomed, nextBegin, false);
  }

  /**
   * Whether a pending job may be considered for a start at all: its dependencies are met and its
   * begin time has come. Depends only on the job, its dependencies' states and the time, so it
   * changes only when one of those does.
   *
   * @param doomedBy a dependency that failed when the job is to be cancelled (auto-cancel), else 0
   * @param reason why it waits (Dependency, DependencyNeverSatisfied, BeginTime), null when it may
   *     be considered
   */
  record Admission(long doomedBy, String reason) {
    static final Admission ELIGIBLE = new Admission(0, null);
  }

  static Admission admit(Job job, Function<Long, Optional<Job>> find, Instant now) {
    DependencyVerdict deps = Dependencies.verdict(job, find);
    Instant begin = job.spec().begin();
    if (deps.kind() == DependencyVerdict.Kind.NEVER && job.spec().autoCancel()) {
      return new Admission(deps.failedDependency(), null);
    } else if (deps.kind() == DependencyVerdict.Kind.NEVER) {
      return new Admission(0, Reasons.DEPENDENCY_NEVER_SATISFIED);
    } else if (deps.kind() == DependencyVerdict.Kind.WAITING) {
      return new Admission(0, Reasons.DEPENDENCY);
    } else if (begin != null && begin.isAfter(now)) {
      return new Admission(0, Reasons.BEGIN_TIME);
    }
    return Admission.ELIGIBLE;
  }

  /**
   * One pass's hand-out of slots and GPUs to admitted jobs, visited job by job in {@link #ORDER}:
   * starts what fits, reserves for the first job blocked only by resources and backfills behind it;
   * records why the others wait in the reasons map. Once {@link #anyFits} is false for the fewest
   * GPUs any later job asks for, no later job can start, and each later job's reason depends only
   * on that job and the jobs started: visiting only some of them gives each visited one the reason
   * a walk through all would. Not thread-safe: one pass, one thread.
   */
  static final class Allocation {
    private final ResourcePool pool;
    private final QueueLimits limits;
    private final Instant now;
    private final Map<Long, String> reasons;
    private final List<Plan.Start> starts = new ArrayList<>();
    private ResourcePool.Reservation reservation;

    Allocation(
        Resources resources,
        QueueLimits limits,
        Collection<Job> running,
        Instant now,
        Map<Long, String> reasons) {
      this.pool = new ResourcePool(resources, limits, running);
      this.limits = limits;
      this.now = now;
      this.reasons = reasons;
    }

    /** Whether a job asking for {@code gpus} GPUs could still start now. */
    boolean anyFits(int gpus) {
      return pool.freeSlots() > 0 && pool.freeGpus() >= gpus;
    }

    /** Starts the job if it may start now, else records why it waits. */
    void visit(Job job) {
      if (limits.draining()) {
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

    List<Plan.Start> starts() {
      return starts;
    }
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
