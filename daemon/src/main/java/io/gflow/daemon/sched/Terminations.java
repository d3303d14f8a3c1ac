package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends running jobs on purpose: time-limit timers, and the SIGTERM, grace, SIGKILL sequence for
 * time-outs and cancels, remembering which terminal state the exit will mean. Not thread-safe: loop
 * thread only.
 */
final class Terminations {
  private static final Logger LOG = LoggerFactory.getLogger(Terminations.class);

  /** The state and reason a running job will end with once its process exits. */
  record Ending(JobState state, String reason) {}

  private record Kill(Ending ending, EventLoop.Timer graceTimer) {}

  private final EventLoop loop;
  private final Clock clock;
  private final Launcher launcher;
  private final Duration killGrace;
  private final SchedulerState state;
  private final Map<Long, EventLoop.Timer> limitTimers = new HashMap<>();
  private final Map<Long, Kill> kills = new HashMap<>();

  Terminations(
      EventLoop loop, Clock clock, Launcher launcher, Duration killGrace, SchedulerState state) {
    this.loop = loop;
    this.clock = clock;
    this.launcher = launcher;
    this.killGrace = killGrace;
    this.state = state;
  }

  /** A job has started: arm its time limit. */
  void started(Job job) {
    Duration limit = job.spec().timeLimit();
    if (limit != null && job.startTime() != null) {
      long id = job.id();
      limitTimers.put(id, loop.at(job.startTime().plus(limit), changes -> timeUp(id, changes)));
    }
  }

  /**
   * A running job from a previous run: arm its time limit, or carry on ending it if a time-out or
   * cancel was under way (its reason says so).
   */
  void adopted(Job job) {
    if (Reasons.TIME_LIMIT.equals(job.reason())) {
      kill(job, new Ending(JobState.TIMEOUT, job.reason()), null);
    } else if (Reasons.isCancelledBy(job.reason())) {
      kill(job, new Ending(JobState.CANCELLED, job.reason()), null);
    } else {
      started(job);
    }
  }

  /**
   * Starts ending a running job: SIGTERM now, SIGKILL after the grace period. The job's reason
   * records why, so the end state survives a restart. A second request changes nothing.
   *
   * @param changes where the marked job is recorded; null when it is already marked
   * @return the job as marked
   */
  Job kill(Job job, Ending ending, Changes changes) {
    long id = job.id();
    if (kills.containsKey(id)) {
      return job;
    }
    Job marked = job;
    if (changes != null && !ending.reason().equals(job.reason())) {
      marked = job.withState(JobState.RUNNING, ending.reason());
      state.replace(marked, changes);
    }
    cancelLimit(id);
    signal(marked, Launcher.SIGTERM);
    EventLoop.Timer grace = loop.at(clock.instant().plus(killGrace), ignored -> graceOver(id));
    kills.put(id, new Kill(ending, grace));
    return marked;
  }

  /** The job's process ended: drop its timers; returns how a kill meant it to end, or null. */
  Ending ended(long id) {
    cancelLimit(id);
    Kill kill = kills.remove(id);
    if (kill == null) {
      return null;
    }
    kill.graceTimer().cancel();
    return kill.ending();
  }

  private void timeUp(long id, Changes changes) {
    limitTimers.remove(id);
    Job job = state.live(id);
    if (job != null && job.state() == JobState.RUNNING) {
      kill(job, new Ending(JobState.TIMEOUT, Reasons.TIME_LIMIT), changes);
    }
  }

  private void graceOver(long id) {
    Job job = state.live(id);
    if (job != null && job.state() == JobState.RUNNING && kills.containsKey(id)) {
      signal(job, Launcher.SIGKILL);
    }
  }

  private void cancelLimit(long id) {
    EventLoop.Timer timer = limitTimers.remove(id);
    if (timer != null) {
      timer.cancel();
    }
  }

  private void signal(Job job, int signal) {
    try {
      if (!launcher.signal(job, signal)) {
        LOG.info("job {}: no process to send signal {} to", job.id(), signal);
      }
    } catch (RuntimeException e) {
      LOG.warn("job {}: sending signal {} failed", job.id(), signal, e);
    }
  }
}
