package io.gflow.daemon.jobs;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.daemon.sched.Outcome;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.CancelRequest;
import io.gflow.protocol.job.IdsRequest;
import io.gflow.protocol.job.JobOutcome;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.OutcomesResult;
import io.gflow.protocol.job.ReleaseRequest;
import io.gflow.protocol.job.SignalRequest;
import io.gflow.protocol.job.UpdateRequest;
import io.gflow.protocol.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The job methods that change jobs: cancel, hold, release, update, signal. Each id is checked on
 * its own (owner, or operator/admin); a denied id is reported, audited and left untouched while the
 * others proceed, and the reply comes after the changes are durable. Thread-safe.
 */
final class ControlJobHandlers {
  private final QueryHandlers jobs;
  private final Scheduler scheduler;
  private final BiPredicate<Job, Integer> signaller;
  private final AuditLog audit;

  ControlJobHandlers(
      QueryHandlers jobs,
      Scheduler scheduler,
      BiPredicate<Job, Integer> signaller,
      AuditLog audit) {
    this.jobs = jobs;
    this.scheduler = scheduler;
    this.signaller = signaller;
    this.audit = audit;
  }

  JsonValue cancel(CallContext context, JsonValue params) throws Exception {
    CancelRequest request = CancelRequest.fromJson(params);
    if (request.signalNumber() != null) {
      return signal(context, Methods.JOB_CANCEL, request.ids(), request.signalNumber(), "signal");
    }
    String by = context.caller().userName();
    return perId(
        context, Methods.JOB_CANCEL, request.ids(), "cancel", ids -> scheduler.cancel(ids, by));
  }

  JsonValue hold(CallContext context, JsonValue params) throws Exception {
    IdsRequest request = IdsRequest.fromJson(params, Methods.JOB_HOLD);
    boolean byAdmin = context.role().atLeast(Role.OPERATOR);
    return perId(
        context, Methods.JOB_HOLD, request.ids(), "hold", ids -> scheduler.hold(ids, byAdmin));
  }

  JsonValue release(CallContext context, JsonValue params) throws Exception {
    ReleaseRequest request = ReleaseRequest.fromJson(params);
    boolean byAdmin = context.role().atLeast(Role.OPERATOR);
    return perId(
        context,
        Methods.JOB_RELEASE,
        request.ids(),
        "release",
        ids -> scheduler.release(ids, byAdmin));
  }

  JsonValue signalJobs(CallContext context, JsonValue params) throws Exception {
    SignalRequest request = SignalRequest.fromJson(params);
    return signal(context, Methods.JOB_SIGNAL, request.ids(), request.signalNumber(), "signal");
  }

  /** Sends {@code signal} to the running jobs the caller may control. */
  private JsonValue signal(
      CallContext context, String method, List<Long> ids, int signal, String verb) {
    List<JobOutcome> outcomes = new ArrayList<>();
    for (long id : ids) {
      Job job;
      try {
        job = jobs.load(id);
      } catch (RpcException missing) {
        outcomes.add(JobOutcome.refused(id, null, missing));
        continue;
      }
      if (!JobAccess.mayControl(context, job)) {
        outcomes.add(refuse(context, method, job, verb));
      } else if (job.state() != JobState.RUNNING || !signaller.test(job, signal)) {
        outcomes.add(
            JobOutcome.refused(
                id,
                job.state(),
                new RpcException(
                    ErrorCode.CONFLICT,
                    "job " + id + " is " + job.state().wireName() + ", not running")));
      } else {
        outcomes.add(JobOutcome.applied(id, job.state()));
      }
    }
    return new OutcomesResult(outcomes).toJson();
  }

  JsonValue update(CallContext context, JsonValue params) throws Exception {
    UpdateRequest request = UpdateRequest.fromJson(params);
    Job job = jobs.load(request.id());
    if (!JobAccess.mayControl(context, job)) {
      throw JobAccess.denied(context, job, "update");
    }
    JobSpec spec = job.spec();
    boolean privileged = context.role().atLeast(Role.OPERATOR);
    Integer priority = request.priority();
    if (priority != null && !privileged && priority > spec.priority()) {
      throw raiseDenied(context, "priority", spec.priority(), priority);
    }
    Long limit = request.timeLimitSeconds();
    if (limit != null
        && !privileged
        && spec.timeLimit() != null
        && limit > spec.timeLimit().toSeconds()) {
      throw raiseDenied(context, "time limit", spec.timeLimit().toSeconds(), limit);
    }
    for (long dependency : request.dependsOn() == null ? List.<Long>of() : request.dependsOn()) {
      jobs.load(dependency);
    }
    JobSpec updated =
        new JobSpec(
            spec.command(),
            spec.script(),
            request.name() != null ? request.name() : spec.name(),
            spec.cwd(),
            spec.env(),
            request.gpus() != null ? request.gpus() : spec.gpus(),
            priority != null ? priority : spec.priority(),
            limit != null ? Duration.ofSeconds(limit) : spec.timeLimit(),
            request.begin() != null ? request.begin() : spec.begin(),
            request.dependsOn() != null ? request.dependsOn() : spec.dependsOn(),
            spec.dependencyMode(),
            spec.autoCancel(),
            spec.group(),
            spec.project(),
            spec.output(),
            spec.error(),
            spec.arrayThrottle());
    Outcome outcome = Futures.await(scheduler.update(job.withSpec(updated)));
    JobOutcome result = toWire(outcome, job.state());
    if (!result.ok()) {
      throw new RpcException(result.error(), result.message());
    }
    return new OutcomesResult(List.of(result)).toJson();
  }

  private static RpcException raiseDenied(
      CallContext context, String what, long current, long wanted) {
    return new RpcException(
        ErrorCode.FORBIDDEN,
        "permission denied: you may lower the "
            + what
            + " of your job ("
            + current
            + "), not raise it to "
            + wanted
            + "; ask a gflow operator",
        new ErrorData(what, "operator", context.callerInfo(), null, null));
  }

  private JsonValue perId(
      CallContext context,
      String method,
      List<Long> ids,
      String verb,
      Function<List<Long>, CompletableFuture<List<Outcome>>> command)
      throws Exception {
    Map<Long, JobOutcome> outcomes = new LinkedHashMap<>();
    List<Long> allowed = new ArrayList<>();
    Map<Long, JobState> states = new LinkedHashMap<>();
    for (long id : ids) {
      outcomes.put(id, null);
      Job job;
      try {
        job = jobs.load(id);
      } catch (RpcException missing) {
        outcomes.put(id, JobOutcome.refused(id, null, missing));
        continue;
      }
      states.put(id, job.state());
      if (JobAccess.mayControl(context, job)) {
        allowed.add(id);
      } else {
        outcomes.put(id, refuse(context, method, job, verb));
      }
    }
    if (!allowed.isEmpty()) {
      for (Outcome outcome : Futures.await(command.apply(allowed))) {
        outcomes.put(outcome.jobId(), toWire(outcome, states.get(outcome.jobId())));
      }
    }
    return new OutcomesResult(new ArrayList<>(outcomes.values())).toJson();
  }

  private JobOutcome refuse(CallContext context, String method, Job job, String verb) {
    RpcException denied = JobAccess.denied(context, job, verb);
    audit.record(context, method, "job " + job.id(), "denied", denied.getMessage());
    return JobOutcome.refused(job.id(), job.state(), denied);
  }

  private static JobOutcome toWire(Outcome outcome, JobState before) {
    return switch (outcome.kind()) {
      case OK -> JobOutcome.applied(outcome.jobId(), outcome.job().state());
      case NOT_FOUND ->
          JobOutcome.refused(
              outcome.jobId(), before, new RpcException(ErrorCode.NOT_FOUND, outcome.message()));
      case CONFLICT ->
          JobOutcome.refused(
              outcome.jobId(), before, new RpcException(ErrorCode.CONFLICT, outcome.message()));
      case INVALID ->
          JobOutcome.refused(
              outcome.jobId(),
              before,
              new RpcException(ErrorCode.INVALID_PARAMS, outcome.message()));
    };
  }
}
