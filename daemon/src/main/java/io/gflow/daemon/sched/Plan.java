package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one {@link SchedulingPolicy} pass decided. Immutable and thread-safe.
 *
 * @param starts jobs to launch now, in order, with the GPUs each gets
 * @param reasons for every PENDING job that does not start (unless {@code partial}): why it waits
 * @param doomed PENDING jobs with auto-cancel whose dependencies can never be met → the dependency
 *     that failed
 * @param nextBegin the earliest begin time still in the future, null when none
 * @param partial whether the pass left out admitted jobs that could not start and did not change:
 *     their reasons are as an earlier pass gave them, and may be out of date
 */
record Plan(
    List<Start> starts,
    Map<Long, String> reasons,
    Map<Long, Long> doomed,
    Instant nextBegin,
    boolean partial) {

  Plan {
    starts = List.copyOf(starts);
    reasons = Map.copyOf(reasons);
    doomed = Map.copyOf(doomed);
  }

  /** One job to launch on these GPU indices. Immutable and thread-safe. */
  record Start(Job job, List<Integer> gpus) {
    Start {
      gpus = List.copyOf(gpus);
    }
  }
}
