package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.daemon.rpc.Handler;
import io.gflow.daemon.sched.QueueLimits;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.job.ArraySpec;
import io.gflow.protocol.job.SubmitRequest;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * {@code job.submit}: checks who may submit what, expands arrays, stores the jobs durably and only
 * then answers. The scheduler learns of new jobs from the store (once per group commit, before the
 * submitters are answered; see {@link JobStore#observeInserts}). Thread-safe.
 */
final class SubmitHandler implements Handler {
  /** Highest priority a plain user may ask for (SPEC §5). */
  static final int USER_MAX_PRIORITY = 50;

  static final int DEFAULT_PRIORITY = 50;

  private final JobStore store;
  private final Supplier<JobPolicy> policy;
  private final Supplier<QueueLimits> limits;
  private final Clock clock;

  SubmitHandler(
      JobStore store, Supplier<JobPolicy> policy, Supplier<QueueLimits> limits, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public JsonValue handle(CallContext context, JsonValue params) throws Exception {
    SubmitRequest request = SubmitRequest.fromJson(params);
    JobPolicy rules = policy.get();
    checkMaySubmit(context, rules);
    int priority = request.priority() == null ? DEFAULT_PRIORITY : request.priority();
    if (priority > USER_MAX_PRIORITY && !context.role().atLeast(Role.OPERATOR)) {
      throw new RpcException(
          ErrorCode.FORBIDDEN,
          "permission denied: priority "
              + priority
              + " is above "
              + USER_MAX_PRIORITY
              + "; only gflow operators and admins may set more",
          new ErrorData("priority", "operator", context.callerInfo(), null, null));
    }
    for (long dependency : request.dependsOn()) {
      if (store.get(dependency).isEmpty()) {
        throw new RpcException(
            ErrorCode.NOT_FOUND, "depends_on: no job " + dependency + " (see gqueue -a -c)");
      }
    }
    JobSpec spec = spec(request, priority);
    Owner owner =
        new Owner(context.caller().uid(), context.caller().gid(), context.caller().userName());
    ArraySpec array = request.array();
    List<Long> indices = array == null ? List.of() : array.indices();
    int count = array == null ? 1 : indices.size();
    Instant now = clock.instant();
    LongFunction<List<Job>> build =
        firstId -> jobs(firstId, array == null ? null : indices, owner, spec, request.hold(), now);
    // Counting a user's queued jobs reads all of them: only a max_queued quota needs it. A quota
    // set after this read applies to submits that start after it was set, like any other.
    boolean counted = limits.get().quotaOf(owner.user()).maxQueued() != null;
    List<Job> jobs =
        Futures.await(
            counted
                ? store.insert(
                    count,
                    owner.uid(),
                    queued -> checkQueuedQuota(owner.user(), queued, count),
                    build)
                : store.insert(count, build));
    List<Long> ids = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      ids.add(job.id());
    }
    return new SubmitResult(ids, limits.get().draining()).toJson();
  }

  /** The jobs of one submit from {@code firstId} on: one job, or an array's tasks (indices). */
  private static List<Job> jobs(
      long firstId, List<Long> indices, Owner owner, JobSpec spec, boolean hold, Instant now) {
    if (indices == null) {
      return List.of(Job.submitted(firstId, null, null, owner, spec, hold, now));
    }
    List<Job> built = new ArrayList<>(indices.size());
    for (int index = 0; index < indices.size(); index++) {
      built.add(
          Job.submitted(
              firstId + index,
              firstId,
              Math.toIntExact(indices.get(index)),
              owner,
              spec,
              hold,
              now));
    }
    return built;
  }

  /**
   * Refuses a submission that would give {@code user} more queued jobs than max_queued allows. Runs
   * on the store's writer thread, where inserts are serialised, so a burst cannot overshoot.
   */
  private void checkQueuedQuota(String user, long queued, int count) {
    Integer most = limits.get().quotaOf(user).maxQueued();
    if (most != null && queued + count > most) {
      throw new RpcException(
          ErrorCode.TOO_MANY,
          "too many queued jobs: "
              + SafeText.escape(user)
              + " has "
              + queued
              + " queued (pending or held) and max_queued is "
              + most
              + "; "
              + count
              + " more would exceed it",
          new ErrorData(
              "quota",
              null,
              null,
              "wait until some of your jobs start, cancel some (gcancel), or ask a gflow admin"
                  + " to raise your quota (gctl quota list)",
              null));
    }
  }

  private static void checkMaySubmit(CallContext context, JobPolicy rules) {
    long uid = context.caller().uid();
    if (!rules.systemMode() && uid != rules.daemonUid()) {
      throw new RpcException(
          ErrorCode.FORBIDDEN,
          "permission denied: this daemon runs jobs as uid "
              + rules.daemonUid()
              + " only; it cannot run jobs as "
              + SafeText.escape(context.caller().userName()),
          new ErrorData(
              "personal daemon",
              "owner",
              context.callerInfo(),
              "start your own with gflowd start, or ask an admin for the system daemon",
              null));
    }
    if (rules.systemMode() && uid == 0 && !rules.allowRootJobs()) {
      throw new RpcException(
          ErrorCode.FORBIDDEN,
          "permission denied: the system daemon does not run jobs as root",
          new ErrorData(
              "root job",
              null,
              context.callerInfo(),
              "submit as an ordinary user, or set allow_root_jobs = true in gflowd.toml",
              null));
    }
  }

  private static JobSpec spec(SubmitRequest request, int priority) {
    return new JobSpec(
        request.command() == null || request.command().isEmpty() ? null : request.command(),
        request.script(),
        request.name() != null ? request.name() : defaultName(request),
        request.cwd(),
        request.env(),
        request.gpus(),
        priority,
        request.timeLimitSeconds() == null ? null : Duration.ofSeconds(request.timeLimitSeconds()),
        request.begin(),
        request.dependsOn(),
        request.dependencyMode(),
        request.autoCancel(),
        request.group(),
        request.project(),
        request.output(),
        request.error(),
        request.array() == null ? null : request.array().throttle());
  }

  private static String defaultName(SubmitRequest request) {
    if (request.script() != null) {
      return "script";
    }
    String program = request.command().get(0);
    String base = program.substring(program.lastIndexOf('/') + 1);
    return base.isEmpty() ? program : base.length() > 200 ? base.substring(0, 200) : base;
  }
}
