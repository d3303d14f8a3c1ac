package io.gflow.daemon.sched;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.job.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's jobs in memory and the rules that move them: queued and running jobs, the
 * finished ones that queued jobs still depend on, launching, and the scheduling pass. Not
 * thread-safe: loop thread only.
 */
final class SchedulerState {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerState.class);

  /** How long a waiting job's reason may lag behind other jobs' changes while the host is full. */
  static final Duration REASONS_REFRESH = Duration.ofSeconds(1);

  private final Clock clock;
  private final Launcher launcher;
  private final Function<Long, Optional<Job>> lookup;
  private final Terminations terminations;
  private final EventLoop loop;
  private final Map<Long, Job> live = new TreeMap<>();
  private final Map<Long, Job> running = new TreeMap<>();
  private final PendingJobs pending = new PendingJobs();
  private final FinishedJobs finished = new FinishedJobs();
  private Resources resources;
  private QueueLimits limits = QueueLimits.NONE;
  private Map<Integer, List<GpuProcess>> foreignGpus = Map.of();
  private EventLoop.Timer beginTimer;
  // When the last pass that visited every admitted job ran; null: none yet, or one is due.
  private Instant lastWholePass;
  private EventLoop.Timer refreshTimer;

  SchedulerState(
      EventLoop loop,
      Clock clock,
      Launcher launcher,
      Function<Long, Optional<Job>> lookup,
      Resources resources,
      Duration killGrace) {
    this.loop = loop;
    this.clock = clock;
    this.launcher = launcher;
    this.lookup = lookup;
    this.resources = resources;
    this.terminations = new Terminations(loop, clock, launcher, killGrace, this);
  }

  Terminations terminations() {
    return terminations;
  }

  /** A non-terminal job by id, or null. */
  Job live(long id) {
    return live.get(id);
  }

  /** Any job by id: in memory first, then the lookup (finished jobs). */
  Optional<Job> find(long id) {
    Job job = live.get(id);
    if (job == null) {
      job = finished.get(id);
    }
    return job != null ? Optional.of(job) : lookup.apply(id);
  }

  /** Records a new version of a live job. */
  void replace(Job job, Changes changes) {
    track(live.get(job.id()), job);
    changes.put(job);
  }

  /** Moves a job's entry in the indices from {@code before} (null: new) to {@code after}. */
  private void track(Job before, Job after) {
    long id = after.id();
    if (before != null) {
      if (before.state() == JobState.RUNNING) {
        running.remove(id);
      } else if (before.state() == JobState.PENDING && after.state() != JobState.PENDING) {
        pending.remove(id);
      }
      if (isQueued(before)) {
        finished.unname(before.spec().dependsOn());
      }
    }
    if (after.isTerminal()) {
      live.remove(id);
      pending.ended(id);
      return;
    }
    live.put(id, after);
    if (after.state() == JobState.RUNNING) {
      running.put(id, after);
    } else if (after.state() == JobState.PENDING) {
      pending.put(after);
    }
    if (isQueued(after)) {
      finished.name(after.spec().dependsOn());
    }
  }

  private static boolean isQueued(Job job) {
    return job.state() == JobState.PENDING || job.state() == JobState.HELD;
  }

  void submit(List<Job> jobs, Changes changes) {
    Set<Long> ids = new HashSet<>();
    for (Job job : jobs) {
      if (job.state() != JobState.PENDING && job.state() != JobState.HELD) {
        throw new IllegalArgumentException(
            "submitted job " + job.id() + " is " + job.state() + ", not PENDING or HELD");
      }
      if (!ids.add(job.id()) || live.containsKey(job.id()) || finished.get(job.id()) != null) {
        throw new IllegalArgumentException("job " + job.id() + " already exists");
      }
    }
    // The submit stored them already: only what the scheduler changes later needs persisting.
    jobs.forEach(job -> track(null, job));
  }

  /** Loads the unfinished jobs of a previous run; RUNNING ones keep their slots and GPUs. */
  void recover(List<Job> jobs) {
    for (Job job : jobs) {
      if (job.isTerminal()) {
        continue;
      }
      track(null, job);
      if (job.state() == JobState.RUNNING) {
        terminations.adopted(job);
      }
    }
  }

  void setResources(Resources newResources) {
    resources = newResources;
    lastWholePass = null;
  }

  void setLimits(QueueLimits newLimits) {
    limits = newLimits;
    lastWholePass = null;
  }

  /** Applies {@code change} to the resources; returns the new ones. */
  Resources changeResources(UnaryOperator<Resources> change) {
    resources = Objects.requireNonNull(change.apply(resources), "changed resources");
    lastWholePass = null;
    return resources;
  }

  /** GPUs with processes the queue did not start: new jobs are not placed on them. */
  void setForeignGpus(Map<Integer, List<GpuProcess>> foreign) {
    if (!foreign.equals(foreignGpus)) {
      foreignGpus = Map.copyOf(foreign);
      lastWholePass = null;
    }
  }

  /** The resources minus the GPUs foreign processes use (running jobs keep theirs). */
  private Resources usable() {
    if (foreignGpus.isEmpty()) {
      return resources;
    }
    Set<Integer> allowed = new HashSet<>(resources.allowedGpus());
    allowed.removeAll(foreignGpus.keySet());
    return resources.withAllowedGpus(allowed);
  }

  /** Ends a live job in a terminal state (its timers are already gone). */
  Job finish(Job job, JobState state, String reason, ExitStatus status, Changes changes) {
    Job done = job.finished(state, reason, clock.instant(), status);
    track(job, done);
    finished.finished(done);
    changes.put(done);
    return done;
  }

  /** The store now holds these versions: finished ones may be read back from it from now on. */
  void durable(List<Job> jobs) {
    finished.durable(jobs);
  }

  /** A job's process ended; returns the finished job, empty if no such job was running. */
  Optional<Job> exited(long id, ExitStatus status, String launchError, Changes changes) {
    Job job = live.get(id);
    if (job == null || job.state() != JobState.RUNNING) {
      LOG.warn("exit reported for job {}, which is not running", id);
      return Optional.empty();
    }
    Terminations.Ending ending = terminations.ended(id);
    if (launchError != null && status == null && launchError.startsWith(Reasons.LOST_PREFIX)) {
      return Optional.of(finish(job, JobState.LOST, SafeText.escape(launchError), null, changes));
    }
    if (launchError != null) {
      return Optional.of(
          finish(job, JobState.FAILED, Reasons.launchFailed(launchError), status, changes));
    }
    if (ending != null) {
      return Optional.of(finish(job, ending.state(), ending.reason(), status, changes));
    }
    boolean success = status != null && status.success();
    return Optional.of(
        finish(job, success ? JobState.COMPLETED : JobState.FAILED, null, status, changes));
  }

  /**
   * Starts what the policy allows, cancels jobs whose dependencies failed (transitively), keeps
   * reasons current and arms the begin-time timer.
   */
  void pass(Changes changes) {
    while (true) {
      Instant now = clock.instant();
      boolean whole = wholePassDue(now);
      Plan plan = pending.plan(running.values(), usable(), limits, this::find, now, whole);
      if (whole) {
        lastWholePass = now;
      } else if (plan.partial()) {
        armRefresh();
      }
      plan.doomed()
          .forEach(
              (id, dep) ->
                  finish(
                      live.get(id),
                      JobState.CANCELLED,
                      Reasons.dependencyFailed(dep),
                      null,
                      changes));
      plan.reasons()
          .forEach(
              (id, reason) -> {
                Job job = live.get(id);
                if (job != null
                    && job.state() == JobState.PENDING
                    && !reason.equals(job.reason())) {
                  replace(job.withState(JobState.PENDING, reason), changes);
                }
              });
      if (!plan.doomed().isEmpty()) {
        continue; // their dependents may be doomed now
      }
      boolean launchFailed = false;
      for (Plan.Start start : plan.starts()) {
        launchFailed |= !launch(start, changes);
      }
      if (!launchFailed) {
        armBeginTimer(plan.nextBegin());
        break;
      }
      // A failed launch frees its resources and may doom dependents: plan again.
    }
    finished.forgetUnneeded();
  }

  private boolean launch(Plan.Start start, Changes changes) {
    Job job = start.job();
    try {
      Launched launched = launcher.launch(job, start.gpus());
      Job running =
          job.started(clock.instant(), launched.pid(), launched.pidStartTicks(), start.gpus());
      replace(running, changes);
      terminations.started(running);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      LOG.info("job {} failed to launch: {}", job.id(), Reasons.launchFailed(message));
      finish(job, JobState.FAILED, Reasons.launchFailed(message), null, changes);
      return false;
    }
  }

  /**
   * Whether this pass should visit every admitted job: one that leaves out the jobs that cannot
   * start (see {@link PendingJobs#plan}) is cheap but may leave their reasons out of date, so a
   * whole pass runs at least every {@link #REASONS_REFRESH} while passes leave jobs out, and at
   * once after the limits or resources change.
   */
  private boolean wholePassDue(Instant now) {
    return lastWholePass == null
        || now.isBefore(lastWholePass)
        || !now.isBefore(lastWholePass.plus(REASONS_REFRESH));
  }

  /** Makes sure a pass runs when the next whole pass is due. */
  private void armRefresh() {
    if (refreshTimer == null) {
      // The pass that follows the timer does the work; forgetting the timer lets it re-arm.
      refreshTimer = loop.at(lastWholePass.plus(REASONS_REFRESH), changes -> refreshTimer = null);
    }
  }

  private void armBeginTimer(Instant next) {
    if (beginTimer != null && beginTimer.when().equals(next)) {
      return;
    }
    if (beginTimer != null) {
      beginTimer.cancel();
      beginTimer = null;
    }
    if (next != null) {
      // The pass that follows the timer does the work; forgetting the timer lets it re-arm.
      beginTimer = loop.at(next, changes -> beginTimer = null);
    }
  }

  /** The GPUs present, allowed or in use, and which job holds each. */
  List<GpuState> gpuStates() {
    return GpuState.of(resources, running.values());
  }

  List<Job> liveJobs() {
    return List.copyOf(live.values());
  }
}
