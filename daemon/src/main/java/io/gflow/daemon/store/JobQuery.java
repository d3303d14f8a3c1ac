package io.gflow.daemon.store;

import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.Set;

/**
 * Which jobs {@link JobStore#list} returns: those matching every non-empty filter, in id order,
 * after {@code afterId}, at most {@code limit}. Immutable and thread-safe.
 *
 * @param uids owners to include; empty means any
 * @param states states to include; empty means any
 * @param ids job ids to include; empty means any
 * @param names job names to include (exact match); empty means any
 * @param since if not null, only jobs that ended at or after it, or were submitted at or after it
 * @param limit most jobs to return, at least 1
 * @param afterId only jobs with a larger id (0 for the first page; the last id seen for the next)
 */
public record JobQuery(
    Set<Long> uids,
    Set<JobState> states,
    Set<Long> ids,
    Set<String> names,
    Instant since,
    int limit,
    long afterId) {

  /** Most values in any one filter set (SQLite binds each as a parameter). */
  public static final int MAX_FILTER_VALUES = 10_000;

  public JobQuery {
    uids = checked("uids", uids);
    states = Set.copyOf(states);
    ids = checked("ids", ids);
    names = checked("names", names);
    if (limit < 1) {
      throw new IllegalArgumentException("limit (" + limit + ") must be at least 1");
    }
    if (afterId < 0) {
      throw new IllegalArgumentException("afterId (" + afterId + ") must not be negative");
    }
  }

  /** Every job, first page. */
  public static JobQuery all(int limit) {
    return new JobQuery(Set.of(), Set.of(), Set.of(), Set.of(), null, limit, 0);
  }

  /** Whether only states that are not terminal are asked for (PENDING, HELD, RUNNING). */
  public boolean onlyUnfinished() {
    return !states.isEmpty() && states.stream().noneMatch(JobState::isTerminal);
  }

  /** The same filters, the page after {@code lastId}. */
  public JobQuery after(long lastId) {
    return after(lastId, limit);
  }

  /** The same filters, the {@code limit} jobs after {@code lastId}. */
  public JobQuery after(long lastId, int limit) {
    return new JobQuery(uids, states, ids, names, since, limit, lastId);
  }

  private static <T> Set<T> checked(String name, Set<T> values) {
    if (values.size() > MAX_FILTER_VALUES) {
      throw new IllegalArgumentException(
          name + " has " + values.size() + " values, more than " + MAX_FILTER_VALUES);
    }
    return Set.copyOf(values);
  }
}
