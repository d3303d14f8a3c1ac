package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs changed by the events of one flush, newest version of each, in order of first change;
 * they go to the {@link StateSink} together. Not thread-safe: loop thread only.
 */
final class Changes {
  private final Map<Long, Job> changed = new LinkedHashMap<>();

  void put(Job job) {
    changed.put(job.id(), job);
  }

  /** The newest version of {@code job} in this flush, or {@code job} if it did not change. */
  Job latest(Job job) {
    return changed.getOrDefault(job.id(), job);
  }

  List<Job> latest(List<Job> jobs) {
    return jobs.stream().map(this::latest).toList();
  }

  Outcome latest(Outcome outcome) {
    return outcome.isOk() ? Outcome.ok(latest(outcome.job())) : outcome;
  }

  List<Job> all() {
    return List.copyOf(changed.values());
  }

  boolean isEmpty() {
    return changed.isEmpty();
  }
}
