package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The PENDING jobs, kept so that a scheduling pass looks only at what can change: jobs whose
 * dependencies are met and whose begin time has come wait in {@link SchedulingPolicy#ORDER}; jobs
 * waiting for a dependency are looked at again only when one of their dependencies ends, jobs
 * waiting for their begin time only when it comes, jobs whose dependencies can never be met not at
 * all. A pass costs O(admitted + running + changed), not O(queued). {@link #plan} decides exactly
 * as {@link SchedulingPolicy#plan} over every pending job would. Not thread-safe: the scheduler's
 * loop thread only.
 */
final class PendingJobs {
  // Jobs without a begin time are never in beforeBegin, but removing them must not fail.
  private static final Comparator<Job> BY_BEGIN =
      Comparator.comparing(
              (Job job) -> job.spec().begin(), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingLong(Job::id);

  private final Map<Long, Job> jobs = new HashMap<>();
  // Not admitted or parked since they changed (or one of their dependencies did).
  private final Set<Long> unsorted = new HashSet<>();
  private final TreeSet<Job> admitted = new TreeSet<>(SchedulingPolicy.ORDER);
  // GPUs asked for -> how many admitted jobs ask for that many: the fewest tells whether any fits.
  private final TreeMap<Integer, Integer> admittedGpus = new TreeMap<>();
  private final TreeSet<Job> beforeBegin = new TreeSet<>(BY_BEGIN);
  // Dependency id -> the pending jobs that name it.
  private final Map<Long, Set<Long>> dependents = new HashMap<>();

  /**
   * Adds a PENDING job or its new version. A new version with the same spec keeps its place (its
   * reason is all that changed); any other is looked at again in the next pass.
   */
  void put(Job job) {
    if (job.state() != JobState.PENDING) {
      throw new IllegalArgumentException(
          "job " + job.id() + " is " + job.state() + ", not PENDING");
    }
    Job old = jobs.put(job.id(), job);
    if (old != null && old.spec() == job.spec()) {
      if (unadmit(old)) {
        admit(job);
      } else if (beforeBegin.remove(old)) {
        beforeBegin.add(job);
      }
      return;
    }
    if (old != null) {
      unindex(old);
    }
    job.spec()
        .dependsOn()
        .forEach(dep -> dependents.computeIfAbsent(dep, d -> new HashSet<>()).add(job.id()));
    unsorted.add(job.id());
  }

  /** Forgets a job that is no longer PENDING (held, started, ended); no-op if unknown. */
  void remove(long id) {
    Job old = jobs.remove(id);
    if (old != null) {
      unindex(old);
    }
  }

  /** A job ended: the pending jobs that depend on it are looked at again in the next pass. */
  void ended(long id) {
    Set<Long> waiting = dependents.get(id);
    if (waiting == null) {
      return;
    }
    for (long dependent : waiting) {
      Job job = jobs.get(dependent);
      unadmit(job);
      beforeBegin.remove(job);
      unsorted.add(dependent);
    }
  }

  Collection<Job> all() {
    return jobs.values();
  }

  /**
   * Plans one pass as {@link SchedulingPolicy#plan} would, except that it gives reasons only for
   * jobs whose reason may have changed, and, when some job is doomed, starts nothing (the caller
   * cancels the doomed and plans again).
   *
   * @param whole visit every admitted job; otherwise stop once no admitted job fits any more (every
   *     slot is taken, or fewer GPUs are free than any admitted job asks for) and visit only the
   *     jobs changed since the last pass after that point (the plan is then {@code partial} if it
   *     left any out), so that a pass on a full host costs O(started + changed), not O(queued)
   */
  Plan plan(
      Collection<Job> running,
      Resources resources,
      QueueLimits limits,
      Function<Long, Optional<Job>> find,
      Instant now,
      boolean whole) {
    while (!beforeBegin.isEmpty() && !beforeBegin.first().spec().begin().isAfter(now)) {
      unsorted.add(beforeBegin.pollFirst().id());
    }
    Map<Long, String> reasons = new HashMap<>();
    Map<Long, Long> doomed = new LinkedHashMap<>();
    List<Job> changed = new ArrayList<>(unsorted.size());
    unsorted.forEach(id -> changed.add(jobs.get(id)));
    unsorted.clear();
    changed.sort(SchedulingPolicy.ORDER);
    List<Job> newlyAdmitted = new ArrayList<>();
    for (Job job : changed) {
      SchedulingPolicy.Admission admission = SchedulingPolicy.admit(job, find, now);
      if (admission.doomedBy() != 0) {
        doomed.put(job.id(), admission.doomedBy());
        unsorted.add(job.id()); // until the caller removes it
      } else if (admission.reason() == null) {
        admit(job);
        newlyAdmitted.add(job);
      } else {
        reasons.put(job.id(), admission.reason());
        if (admission.reason().equals(Reasons.BEGIN_TIME)) {
          beforeBegin.add(job);
        }
      }
    }
    Instant nextBegin = beforeBegin.isEmpty() ? null : beforeBegin.first().spec().begin();
    if (!doomed.isEmpty()) {
      return new Plan(List.of(), reasons, doomed, nextBegin, false);
    }
    SchedulingPolicy.Allocation allocation =
        new SchedulingPolicy.Allocation(resources, limits, running, now, reasons);
    Job stop = walk(allocation, whole);
    boolean partial = stop != null && visitChangedFrom(stop, newlyAdmitted, allocation);
    return new Plan(allocation.starts(), reasons, doomed, nextBegin, partial);
  }

  /**
   * Visits the admitted jobs in order, all of them if {@code whole}, else until none of those left
   * can fit; returns the first job not visited, null if none.
   */
  private Job walk(SchedulingPolicy.Allocation allocation, boolean whole) {
    TreeMap<Integer, Integer> unvisitedGpus = new TreeMap<>(admittedGpus);
    for (Job job : admitted) {
      if (!whole && !allocation.anyFits(unvisitedGpus.firstKey())) {
        return job;
      }
      allocation.visit(job);
      uncount(unvisitedGpus, job);
    }
    return null;
  }

  /**
   * Visits the jobs admitted in this pass from {@code stop} on, so that they get their reasons now;
   * returns whether other jobs from {@code stop} on were left out.
   */
  private boolean visitChangedFrom(
      Job stop, List<Job> newlyAdmitted, SchedulingPolicy.Allocation allocation) {
    Set<Long> visited = new HashSet<>();
    for (Job job : newlyAdmitted) {
      if (SchedulingPolicy.ORDER.compare(job, stop) >= 0) {
        allocation.visit(job);
        visited.add(job.id());
      }
    }
    for (Job job : admitted.tailSet(stop, true)) {
      if (!visited.contains(job.id())) {
        return true;
      }
    }
    return false;
  }

  private void admit(Job job) {
    if (admitted.add(job)) {
      admittedGpus.merge(job.spec().gpus(), 1, Integer::sum);
    }
  }

  /** Takes the job out of the admitted ones; false if it was not among them. */
  private boolean unadmit(Job job) {
    if (!admitted.remove(job)) {
      return false;
    }
    uncount(admittedGpus, job);
    return true;
  }

  private static void uncount(Map<Integer, Integer> byGpus, Job job) {
    byGpus.computeIfPresent(job.spec().gpus(), (gpus, count) -> count == 1 ? null : count - 1);
  }

  private void unindex(Job old) {
    unadmit(old);
    beforeBegin.remove(old);
    unsorted.remove(old.id());
    for (long dep : old.spec().dependsOn()) {
      Set<Long> waiting = dependents.get(dep);
      if (waiting != null && waiting.remove(old.id()) && waiting.isEmpty()) {
        dependents.remove(dep);
      }
    }
  }
}
