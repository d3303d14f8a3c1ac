package io.gflow.daemon.sched;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The job scheduler: an event loop that decides when queued jobs start and how running ones end.
 * Thread-safe: every method may be called from any thread; the state lives on the single thread of
 * the injected executor (see {@link #newLoopExecutor()}), which also runs its timers (begin times,
 * time limits, kill grace). There is no polling: it re-plans after events and timers.
 *
 * <p>Each mutating call returns a future that completes — with the jobs or per-id outcomes as
 * changed — only after the {@link StateSink} has made the change durable, so replies follow
 * durability. Events that arrive together share one pass and one sink batch.
 */
public final class Scheduler implements AutoCloseable {
  /** The kill grace when none is configured: 10 s between SIGTERM and SIGKILL. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(10);

  /** Name of the loop thread made by {@link #newLoopExecutor()}. */
  public static final String THREAD_NAME = "gflowd-sched";

  private final ScheduledExecutorService executor;
  private final EventLoop loop;
  private final SchedulerState state;
  private final QueueCommands commands;
  private volatile List<GpuState> gpus;

  /**
   * @param executor single-threaded; runs the loop and its timers (the caller shuts it down)
   * @param lookup finds jobs not in memory (finished ones) for dependency checks
   * @param killGrace time between SIGTERM and SIGKILL
   */
  public Scheduler(
      ScheduledExecutorService executor,
      Clock clock,
      Launcher launcher,
      StateSink sink,
      Function<Long, Optional<Job>> lookup,
      Resources resources,
      Duration killGrace) {
    this.executor = Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(resources, "resources");
    if (killGrace.isNegative()) {
      throw new IllegalArgumentException("killGrace (" + killGrace + ") must not be negative");
    }
    this.loop = new EventLoop(executor, clock, sink, this::afterEvents, this::afterDurable);
    this.state = new SchedulerState(loop, clock, launcher, lookup, resources, killGrace);
    this.commands = new QueueCommands(state);
    this.gpus = state.gpuStates();
  }

  /** A single-threaded executor for the loop, on a daemon thread named {@value #THREAD_NAME}. */
  public static ScheduledExecutorService newLoopExecutor() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, THREAD_NAME);
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /**
   * New jobs (PENDING or HELD, ids not yet known to the scheduler), already in the store: the sink
   * gets them only once the scheduler changes them. Completes with them as scheduled, perhaps
   * RUNNING already.
   */
  public CompletableFuture<List<Job>> submitted(List<Job> jobs) {
    List<Job> copy = List.copyOf(jobs);
    return loop.post(
        changes -> {
          state.submit(copy, changes);
          return () -> changes.latest(copy);
        });
  }

  /**
   * A job's process ended with {@code status}, or could not be started ({@code launchError}, then
   * {@code status} may be null). Completes with the finished job and any dependents it cancelled or
   * freed resources started, or empty if the job was not running.
   */
  public CompletableFuture<List<Job>> exited(long jobId, ExitStatus status, String launchError) {
    return loop.post(
        changes -> {
          state.exited(jobId, status, launchError, changes);
          return changes::all;
        });
  }

  /** Cancels jobs: queued ones at once, running ones by SIGTERM then SIGKILL. */
  public CompletableFuture<List<Outcome>> cancel(List<Long> ids, String byUser) {
    Objects.requireNonNull(byUser, "byUser");
    return perId(ids, (id, changes) -> commands.cancel(id, byUser, changes));
  }

  /** Holds PENDING jobs (reason JobHeldUser or JobHeldAdmin); running or ended ones conflict. */
  public CompletableFuture<List<Outcome>> hold(List<Long> ids, boolean byAdmin) {
    return perId(ids, (id, changes) -> commands.hold(id, byAdmin, changes));
  }

  /** Releases HELD jobs; only an admin ({@code byAdmin}) may release an admin's hold. */
  public CompletableFuture<List<Outcome>> release(List<Long> ids, boolean byAdmin) {
    return perId(ids, (id, changes) -> commands.release(id, byAdmin, changes));
  }

  /** Replaces a PENDING or HELD job's spec with {@code replacement}'s (same id). */
  public CompletableFuture<Outcome> update(Job replacement) {
    Objects.requireNonNull(replacement, "replacement");
    return loop.post(
        changes -> {
          Outcome outcome = commands.update(replacement, changes);
          return () -> changes.latest(outcome);
        });
  }

  /**
   * New group, array or user limits, or drain/resume; completes with the jobs this changed (jobs
   * started on resume, new reasons).
   */
  public CompletableFuture<List<Job>> limitsChanged(QueueLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return loop.post(
        changes -> {
          state.setLimits(limits);
          return changes::all;
        });
  }

  /** New slots or GPUs; completes with the jobs this changed. */
  public CompletableFuture<List<Job>> resourcesChanged(Resources resources) {
    Objects.requireNonNull(resources, "resources");
    return loop.post(
        changes -> {
          state.setResources(resources);
          return changes::all;
        });
  }

  /**
   * Changes the resources at run time (e.g. which GPUs new jobs may use); running jobs keep what
   * they hold. Completes with the new resources once the pass that follows is durable.
   */
  public CompletableFuture<Resources> changeResources(UnaryOperator<Resources> change) {
    Objects.requireNonNull(change, "change");
    return loop.post(
        changes -> {
          Resources changed = state.changeResources(change);
          return () -> changed;
        });
  }

  /**
   * The GPUs (by index) on which processes run that no job started, as last probed; new jobs are
   * not placed on them. Replaces the previous report.
   */
  public CompletableFuture<Void> foreignGpus(Map<Integer, List<GpuProcess>> foreign) {
    Map<Integer, List<GpuProcess>> copy = Map.copyOf(foreign);
    return loop.post(
        changes -> {
          state.setForeignGpus(copy);
          return () -> null;
        });
  }

  /**
   * At start-up: the unfinished jobs of the previous run. RUNNING ones are being re-adopted
   * elsewhere; they keep their slots and GPUs until {@link #exited} reports them.
   */
  public CompletableFuture<List<Job>> recovered(List<Job> unfinished) {
    List<Job> copy = List.copyOf(unfinished);
    return loop.post(
        changes -> {
          state.recover(copy);
          return changes::all;
        });
  }

  /** The GPUs as of the last pass: allowed, busy and by which job. Does not wait for the loop. */
  public List<GpuState> gpus() {
    return gpus;
  }

  /** The queued and running jobs, read on the loop. */
  public CompletableFuture<List<Job>> liveJobs() {
    try {
      return CompletableFuture.supplyAsync(state::liveJobs, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the scheduler is stopped", e));
    }
  }

  /** Refuses further events and cancels timers; the executor is the caller's to shut down. */
  @Override
  public void close() {
    loop.close();
  }

  private void afterEvents(Changes changes) {
    state.pass(changes);
    gpus = state.gpuStates();
  }

  private void afterDurable(List<Job> jobs) {
    state.durable(jobs);
  }

  private CompletableFuture<List<Outcome>> perId(List<Long> ids, IdCommand command) {
    List<Long> copy = List.copyOf(ids);
    return loop.post(
        changes -> {
          List<Outcome> outcomes = new ArrayList<>();
          for (long id : copy) {
            outcomes.add(command.apply(id, changes));
          }
          return () -> outcomes.stream().map(changes::latest).toList();
        });
  }

  /** One command applied to one job id on the loop. */
  private interface IdCommand {
    Outcome apply(long id, Changes changes);
  }
}
