package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.admin.Quota;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The free slots and GPUs during one policy pass, and who holds the rest until when. Not
 * thread-safe: one pass, one thread.
 */
final class ResourcePool {
  private final Resources resources;
  private final QueueLimits limits;
  private int freeSlots;
  private final TreeSet<Integer> freeGpus;
  private final Map<Long, Integer> arrayRunning = new HashMap<>();
  private final Map<String, Integer> groupRunning = new HashMap<>();
  private final Map<String, Integer> userRunning = new HashMap<>();
  private final Map<String, Integer> userGpus = new HashMap<>();
  private final List<Occupant> occupants = new ArrayList<>();

  /** A running job's hold on a slot and GPUs, until {@code end} (null: no time limit). */
  private record Occupant(Instant end, List<Integer> gpus) {}

  /**
   * When the top blocked job can start ({@code at}, null = unknown: it waits for a job without a
   * time limit), and what will be spare then beyond its needs.
   */
  static final class Reservation {
    final Instant at;
    int extraSlots;
    final TreeSet<Integer> extraGpus;

    Reservation(Instant at, int extraSlots, TreeSet<Integer> extraGpus) {
      this.at = at;
      this.extraSlots = extraSlots;
      this.extraGpus = extraGpus;
    }
  }

  ResourcePool(Resources resources, QueueLimits limits, Collection<Job> running) {
    this.resources = resources;
    this.limits = limits;
    this.freeSlots = resources.slots();
    this.freeGpus = new TreeSet<>(resources.allowedGpus());
    for (Job job : running) {
      occupy(job, job.assignedGpus(), job.startTime());
    }
  }

  /** Whether the job could ever run with these resources (else it must not block others). */
  boolean possible(Job job) {
    return resources.slots() >= 1 && job.spec().gpus() <= resources.allowedGpus().size();
  }

  /**
   * Which limit keeps the job from starting now — its group's, its array's (throttle or admin
   * limit), its user's running or GPU quota — or null when none does.
   */
  String limitReason(Job job) {
    String group = job.spec().group();
    Integer groupLimit = group == null ? null : limits.groupLimits().get(group);
    if (groupLimit != null && groupRunning.getOrDefault(group, 0) >= groupLimit) {
      return Reasons.GROUP_LIMIT;
    }
    if (job.arrayJobId() != null) {
      int tasks = arrayRunning.getOrDefault(job.arrayJobId(), 0);
      Integer throttle = job.spec().arrayThrottle();
      Integer arrayLimit = limits.arrayLimits().get(job.arrayJobId());
      if ((throttle != null && tasks >= throttle) || (arrayLimit != null && tasks >= arrayLimit)) {
        return Reasons.ARRAY_LIMIT;
      }
    }
    Quota quota = limits.quotaOf(job.owner().user());
    String user = job.owner().user();
    if (quota.maxRunning() != null && userRunning.getOrDefault(user, 0) >= quota.maxRunning()) {
      return Reasons.QUOTA_RUNNING;
    }
    if (quota.maxGpus() != null
        && userGpus.getOrDefault(user, 0) + job.spec().gpus() > quota.maxGpus()) {
      return Reasons.QUOTA_GPUS;
    }
    return null;
  }

  int freeSlots() {
    return freeSlots;
  }

  int freeGpus() {
    return freeGpus.size();
  }

  boolean fits(Job job) {
    return freeSlots >= 1 && freeGpus.size() >= job.spec().gpus();
  }

  /** Takes a slot and the lowest free GPUs for a job starting now; returns the GPUs. */
  List<Integer> take(Job job, Instant now) {
    List<Integer> gpus = lowest(freeGpus, job.spec().gpus());
    occupy(job, gpus, now);
    return gpus;
  }

  /**
   * Backfill: takes resources for a job below the top blocked one, if it cannot delay it — it ends
   * before the reservation, or it uses only what will be spare then. Returns null if it must wait.
   */
  List<Integer> takeBehind(Reservation reservation, Job job, Instant now) {
    Duration limit = job.spec().timeLimit();
    if (limit != null && (reservation.at == null || !now.plus(limit).isAfter(reservation.at))) {
      return take(job, now);
    }
    TreeSet<Integer> spareNow = new TreeSet<>(freeGpus);
    spareNow.retainAll(reservation.extraGpus);
    if (reservation.extraSlots < 1 || spareNow.size() < job.spec().gpus()) {
      return null;
    }
    List<Integer> gpus = lowest(spareNow, job.spec().gpus());
    reservation.extraSlots--;
    reservation.extraGpus.removeAll(gpus);
    occupy(job, gpus, now);
    return gpus;
  }

  /**
   * Reserves resources for {@code top} (which does not fit now): releases running jobs in order of
   * their ends until it fits.
   */
  Reservation reserve(Job top) {
    int slots = freeSlots;
    TreeSet<Integer> gpus = new TreeSet<>(freeGpus);
    List<Occupant> byEnd = new ArrayList<>(occupants);
    byEnd.sort(
        Comparator.comparing(Occupant::end, Comparator.nullsLast(Comparator.naturalOrder())));
    int need = top.spec().gpus();
    int next = 0;
    Instant at = null;
    boolean found = false;
    while (next < byEnd.size() && !found) {
      at = byEnd.get(next).end();
      // Release everything ending at the same moment.
      while (next < byEnd.size() && sameEnd(byEnd.get(next).end(), at)) {
        slots++;
        gpus.addAll(allowed(byEnd.get(next).gpus()));
        next++;
      }
      found = slots >= 1 && gpus.size() >= need;
    }
    gpus.removeAll(lowest(gpus, Math.min(need, gpus.size())));
    return new Reservation(at, Math.max(0, slots - 1), gpus);
  }

  private static boolean sameEnd(Instant end, Instant at) {
    return end == null ? at == null : end.equals(at);
  }

  private List<Integer> allowed(List<Integer> gpus) {
    List<Integer> result = new ArrayList<>(gpus);
    result.retainAll(resources.allowedGpus());
    return result;
  }

  private void occupy(Job job, List<Integer> gpus, Instant start) {
    freeSlots--;
    gpus.forEach(freeGpus::remove);
    Duration limit = job.spec().timeLimit();
    occupants.add(new Occupant(start == null || limit == null ? null : start.plus(limit), gpus));
    if (job.arrayJobId() != null) {
      arrayRunning.merge(job.arrayJobId(), 1, Integer::sum);
    }
    if (job.spec().group() != null) {
      groupRunning.merge(job.spec().group(), 1, Integer::sum);
    }
    userRunning.merge(job.owner().user(), 1, Integer::sum);
    userGpus.merge(job.owner().user(), gpus.size(), Integer::sum);
  }

  private static List<Integer> lowest(Set<Integer> from, int count) {
    if (count <= 0) {
      return List.of(); // a CPU-only job: every start of one comes here
    }
    List<Integer> sorted = new ArrayList<>(from);
    Collections.sort(sorted);
    return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
  }
}
