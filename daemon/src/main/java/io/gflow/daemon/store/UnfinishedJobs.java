package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The summaries of the committed unfinished jobs (PENDING, HELD, RUNNING), in memory, by id: a
 * listing of unfinished jobs, the one {@code gqueue} asks for, reads them here instead of from
 * SQLite, where reading their columns was about half of the daemon's CPU per listing. They are what
 * the store holds: loaded when it opens, then changed by the writer only after each commit, so a
 * listing never shows a write that may yet roll back, and shows every write whose caller has been
 * answered.
 *
 * <p>Thread-safe: one writer, any number of readers. A reader walks the jobs while the writer may
 * change them, as a listing of SQLite pages sees each page at its own commit.
 */
final class UnfinishedJobs {
  private final ConcurrentSkipListMap<Long, JobSummary> jobs = new ConcurrentSkipListMap<>();

  /** Adds jobs read from the store (before the writer starts). */
  void load(Collection<JobSummary> stored) {
    for (JobSummary job : stored) {
      jobs.put(job.id(), job);
    }
  }

  /** Applies committed writes in commit order: a job is kept while it is unfinished. */
  void committed(List<Job> written) {
    for (Job job : written) {
      if (job.isTerminal()) {
        jobs.remove(job.id());
      } else {
        jobs.put(job.id(), JobRows.asRead(job));
      }
    }
  }

  /**
   * One page of the jobs matching {@code query} ({@link JobQuery#onlyUnfinished} must hold), by
   * ascending id: the same jobs, with the same members, as {@link StoreReader#listSummaries} reads.
   */
  List<JobSummary> list(JobQuery query) {
    List<JobSummary> page = new ArrayList<>(Math.min(query.limit(), 1024));
    if (query.ids().isEmpty()) {
      for (JobSummary job : jobs.tailMap(query.afterId(), false).values()) {
        if (matches(query, job) && page.add(job) && page.size() == query.limit()) {
          break;
        }
      }
      return page;
    }
    for (long id : new TreeSet<>(query.ids()).tailSet(query.afterId(), false)) {
      JobSummary job = jobs.get(id);
      if (job != null && matches(query, job) && page.add(job) && page.size() == query.limit()) {
        break;
      }
    }
    return page;
  }

  /** The filters of {@link StoreReader}'s SQL, but the id range and the limit. */
  private static boolean matches(JobQuery query, JobSummary job) {
    return query.states().contains(job.state())
        && (query.uids().isEmpty() || query.uids().contains(job.owner().uid()))
        && (query.names().isEmpty() || query.names().contains(job.name()))
        && (query.since() == null || endedOrSubmittedSince(job, query.since().toEpochMilli()));
  }

  private static boolean endedOrSubmittedSince(JobSummary job, long sinceMillis) {
    return (job.endTime() != null && job.endTime().toEpochMilli() >= sinceMillis)
        || job.submitTime().toEpochMilli() >= sinceMillis;
  }
}
