package io.gflow.daemon.jobs;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.rpc.Target;
import io.gflow.daemon.sched.QueueLimits;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.Methods;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The job methods of SPEC §4, wired to the store, the scheduler and the runner. Every method goes
 * through the dispatcher's role check; ownership is checked per job here. Thread-safe.
 */
public final class JobService implements AutoCloseable {
  /** How long an idle listing helper thread lives. */
  private static final long HELPER_IDLE_SECONDS = 30;

  private final SubmitHandler submit;
  private final QueryHandlers queries;
  private final ControlJobHandlers control;
  private final EventLog events;
  private final ThreadPoolExecutor listHelpers;

  public JobService(
      JobStore store,
      Scheduler scheduler,
      BiPredicate<Job, Integer> signaller,
      OutputLocator outputs,
      AuditLog audit,
      Clock clock,
      Supplier<JobPolicy> policy,
      Supplier<QueueLimits> limits,
      Function<String, Optional<Long>> uidOfUser) {
    this.events = new EventLog(clock);
    JobViews views = new JobViews(outputs);
    // New jobs are stored by the submit itself: their event is due at their commit, and the
    // scheduler hands the sink (so changed()) only what it changes about them later. The store
    // tells both once per group commit, before the submitters are answered.
    store.observeInserts(
        jobs -> {
          events.append(jobs);
          scheduler.submitted(jobs);
        });
    this.submit = new SubmitHandler(store, policy, limits, clock);
    this.listHelpers = listHelpers();
    this.queries = new QueryHandlers(store, views, outputs, events, policy, uidOfUser, listHelpers);
    this.control = new ControlJobHandlers(queries, scheduler, signaller, audit);
  }

  /** Records persisted state changes for job.events and wakes job.wait callers. */
  public void changed(List<Job> jobs) {
    events.append(jobs);
  }

  /**
   * Threads that encode half of a big {@code job.list} page: one fewer than the cores (at least
   * one), made when needed and gone after a while idle; a task finding them all busy is refused, so
   * that a listing never waits behind another's half.
   */
  private static ThreadPoolExecutor listHelpers() {
    AtomicInteger made = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
        HELPER_IDLE_SECONDS,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "gflowd-list-" + made.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public void close() {
    listHelpers.shutdownNow();
  }

  public List<MethodSpec> methods() {
    return List.of(
        MethodSpec.open(Methods.JOB_SUBMIT, submit),
        MethodSpec.open(Methods.JOB_LIST, queries::list),
        MethodSpec.open(Methods.JOB_GET, queries::get).withTarget(Target.jobIds()),
        MethodSpec.open(Methods.JOB_WAIT, queries::await),
        MethodSpec.open(Methods.JOB_EVENTS, queries::events),
        MethodSpec.open(Methods.JOB_LOG, queries::log).withTarget(Target.jobIds()),
        MethodSpec.open(Methods.JOB_CANCEL, control::cancel).withTarget(Target.jobIds()),
        MethodSpec.open(Methods.JOB_HOLD, control::hold).withTarget(Target.jobIds()),
        MethodSpec.open(Methods.JOB_RELEASE, control::release).withTarget(Target.jobIds()),
        MethodSpec.open(Methods.JOB_UPDATE, control::update).withTarget(Target.jobIds()),
        MethodSpec.open(Methods.JOB_SIGNAL, control::signalJobs).withTarget(Target.jobIds()));
  }
}
