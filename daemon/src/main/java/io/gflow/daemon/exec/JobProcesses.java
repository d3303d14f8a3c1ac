package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether a process (e.g. one nvidia-smi lists on a GPU) was started by a running job: its
 * parent chain reaches the job's wrapper, or it is in the session the wrapper made for the job. A
 * wrapper counts only with the start time recorded with its job (no pid reuse). Stateless and
 * thread-safe; reads {@code /proc}.
 */
public final class JobProcesses {
  /** Longest parent chain followed before giving up (init is usually far closer). */
  private static final int MAX_DEPTH = 128;

  /**
   * Who a process belongs to.
   *
   * @param uid its real uid, -1 when unknown (gone, or in another pid namespace)
   * @param jobId the running job that started it, null when none did
   */
  public record Owner(long uid, Long jobId) {}

  private JobProcesses() {}

  /** The owner of {@code pid}, given the jobs now running (other jobs are ignored). */
  public static Owner owner(long pid, Collection<Job> running) {
    Map<Long, Long> wrappers = liveWrappers(running);
    Optional<ProcessStat> stat = ProcessStat.read(pid);
    long uid = ProcessStat.realUid(pid).orElse(-1);
    if (stat.isEmpty() || wrappers.isEmpty()) {
      return new Owner(uid, null);
    }
    Long job = wrappers.get(pid);
    if (job == null) {
      job = sessionJob(stat.get(), wrappers);
    }
    ProcessStat current = stat.get();
    for (int depth = 0; job == null && depth < MAX_DEPTH && current.ppid() > 1; depth++) {
      job = wrappers.get(current.ppid());
      Optional<ProcessStat> parent = ProcessStat.read(current.ppid());
      if (parent.isEmpty()) {
        break;
      }
      current = parent.get();
    }
    return new Owner(uid, job);
  }

  /** Wrapper pid → job id, for running jobs whose wrapper is still the process we started. */
  private static Map<Long, Long> liveWrappers(Collection<Job> running) {
    Map<Long, Long> wrappers = new HashMap<>();
    for (Job job : running) {
      if (job.state() != JobState.RUNNING || job.pid() <= 1) {
        continue;
      }
      ProcessStat.read(job.pid())
          .filter(stat -> stat.startTicks() == job.pidStartTicks() && !stat.exited())
          .ifPresent(stat -> wrappers.put(job.pid(), job.id()));
    }
    return wrappers;
  }

  /** The job whose session {@code stat} is in: the session leader is a wrapper's child. */
  private static Long sessionJob(ProcessStat stat, Map<Long, Long> wrappers) {
    if (stat.session() <= 1) {
      return null;
    }
    return ProcessStat.read(stat.session()).map(leader -> wrappers.get(leader.ppid())).orElse(null);
  }
}
