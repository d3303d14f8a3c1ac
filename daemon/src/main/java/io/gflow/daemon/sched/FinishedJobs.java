package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finished jobs the scheduler keeps in memory: those a queued job names as a dependency, and
 * those whose terminal state may not be in the store yet (a lookup would read an older version).
 * Not thread-safe: the scheduler's loop thread only.
 */
final class FinishedJobs {
  // Dependency id -> how many queued (PENDING or HELD) jobs name it.
  private final Map<Long, Integer> namedBy = new HashMap<>();
  // Finished jobs no queued job names any more: forgotten once durable.
  private final Set<Long> unnamed = new HashSet<>();
  private final Map<Long, Job> kept = new HashMap<>();
  private final Set<Long> notYetDurable = new HashSet<>();

  /** A kept finished job, or null. */
  Job get(long id) {
    return kept.get(id);
  }

  /** A queued job names these dependencies. */
  void name(List<Long> dependencies) {
    dependencies.forEach(dep -> namedBy.merge(dep, 1, Integer::sum));
  }

  /** A job that named these dependencies is no longer queued. */
  void unname(List<Long> dependencies) {
    for (long dep : dependencies) {
      if (namedBy.merge(dep, -1, Integer::sum) == 0) {
        namedBy.remove(dep);
        unnamed.add(dep);
      }
    }
  }

  /** A job has just finished: kept at least until the store has it. */
  void finished(Job done) {
    kept.put(done.id(), done);
    notYetDurable.add(done.id());
  }

  /** The store now holds these versions: finished ones may be read back from it from now on. */
  void durable(List<Job> jobs) {
    for (Job job : jobs) {
      if (job.isTerminal() && notYetDurable.remove(job.id()) && !namedBy.containsKey(job.id())) {
        kept.remove(job.id());
      }
    }
  }

  /** Forgets finished jobs that no queued job names any more, once the store has them. */
  void forgetUnneeded() {
    for (long id : unnamed) {
      if (!namedBy.containsKey(id) && !notYetDurable.contains(id)) {
        kept.remove(id);
      }
    }
    unnamed.clear();
  }
}
