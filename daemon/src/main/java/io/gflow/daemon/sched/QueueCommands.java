package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.util.List;

/**
 * The user-facing commands on single jobs — cancel, hold, release, update — as per-id {@link
 * Outcome}s. Not thread-safe: loop thread only.
 */
final class QueueCommands {
  private final SchedulerState state;

  QueueCommands(SchedulerState state) {
    this.state = state;
  }

  /** Queued jobs end at once; running ones get SIGTERM, then SIGKILL after the grace period. */
  Outcome cancel(long id, String byUser, Changes changes) {
    Job job = state.live(id);
    if (job == null) {
      return gone(id);
    }
    String reason = Reasons.cancelledBy(byUser);
    if (job.state() == JobState.RUNNING) {
      Terminations.Ending ending = new Terminations.Ending(JobState.CANCELLED, reason);
      return Outcome.ok(state.terminations().kill(job, ending, changes));
    }
    return Outcome.ok(state.finish(job, JobState.CANCELLED, reason, null, changes));
  }

  /** PENDING → HELD; an admin's hold replaces a user's. */
  Outcome hold(long id, boolean byAdmin, Changes changes) {
    Job job = state.live(id);
    if (job == null) {
      return gone(id);
    }
    String reason = byAdmin ? Reasons.HELD_ADMIN : Reasons.HELD_USER;
    boolean replaces =
        job.state() == JobState.PENDING
            || (job.state() == JobState.HELD && byAdmin && !reason.equals(job.reason()));
    if (job.state() == JobState.RUNNING) {
      return Outcome.conflict(
          id, "job " + id + " is RUNNING; only PENDING jobs can be held (cancel it instead)");
    }
    if (replaces) {
      job = job.withState(JobState.HELD, reason);
      state.replace(job, changes);
    }
    return Outcome.ok(job);
  }

  /** HELD → PENDING; only an admin may release an admin's hold. PENDING stays as is. */
  Outcome release(long id, boolean byAdmin, Changes changes) {
    Job job = state.live(id);
    if (job == null) {
      return gone(id);
    }
    if (job.state() == JobState.RUNNING) {
      return Outcome.conflict(id, "job " + id + " is RUNNING; only HELD jobs can be released");
    }
    if (job.state() != JobState.HELD) {
      return Outcome.conflict(id, "job " + id + " is not held; only HELD jobs can be released");
    }
    if (Reasons.HELD_ADMIN.equals(job.reason()) && !byAdmin) {
      return Outcome.conflict(
          id, "job " + id + " was held by an admin; only a gflow admin can release it");
    }
    job = job.withState(JobState.PENDING, null);
    state.replace(job, changes);
    return Outcome.ok(job);
  }

  /**
   * Replaces the spec of a PENDING or HELD job with {@code replacement}'s (its other fields are
   * ignored). New dependencies must exist and must not close a cycle.
   */
  Outcome update(Job replacement, Changes changes) {
    long id = replacement.id();
    Job job = state.live(id);
    if (job == null) {
      return gone(id);
    }
    if (job.state() == JobState.RUNNING) {
      return Outcome.conflict(
          id, "job " + id + " is RUNNING; only PENDING or HELD jobs can be updated");
    }
    List<Long> deps = replacement.spec().dependsOn();
    for (long dep : deps) {
      if (dep != id && state.find(dep).isEmpty()) {
        return Outcome.invalid(id, "dependency " + dep + " of job " + id + " not found");
      }
    }
    try {
      Dependencies.checkNoCycle(
          id,
          deps,
          dep -> state.find(dep).map(found -> found.spec().dependsOn()).orElse(List.of()));
    } catch (IllegalArgumentException e) {
      return Outcome.invalid(id, e.getMessage());
    }
    job = job.withSpec(replacement.spec());
    state.replace(job, changes);
    return Outcome.ok(job);
  }

  /** Not live: finished (a conflict) or unknown. */
  private Outcome gone(long id) {
    return state
        .find(id)
        .map(
            job ->
                Outcome.conflict(
                    id, "job " + id + " has already ended (" + job.state().wireName() + ")"))
        .orElseGet(() -> Outcome.notFound(id));
  }
}
