package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;

/**
 * Who may see and act on which job (SPEC §3): owners act on their own jobs, operators and admins on
 * all; users see other users' jobs redacted while {@code private_data} is on. Stateless.
 */
final class JobAccess {
  private JobAccess() {}

  static boolean owns(CallContext context, Job job) {
    return job.owner().uid() == context.caller().uid();
  }

  static boolean seesInFull(CallContext context, Job job, JobPolicy policy) {
    return seesInFull(context, job.owner().uid(), policy);
  }

  /** As {@link #seesInFull(CallContext, Job, JobPolicy)} for a job owned by {@code ownerUid}. */
  static boolean seesInFull(CallContext context, long ownerUid, JobPolicy policy) {
    return ownerUid == context.caller().uid()
        || context.role().atLeast(Role.OPERATOR)
        || !policy.privateData();
  }

  static boolean mayControl(CallContext context, Job job) {
    return owns(context, job) || context.role().atLeast(Role.OPERATOR);
  }

  /** The denial for acting on someone else's job; {@code verb} is e.g. "cancel". */
  static RpcException denied(CallContext context, Job job, String verb) {
    return new RpcException(
        ErrorCode.FORBIDDEN,
        "permission denied: job "
            + job.id()
            + " belongs to "
            + SafeText.escape(job.owner().user())
            + "; only its owner or a gflow operator or admin may "
            + verb
            + " it",
        new ErrorData("owner", "owner", context.callerInfo(), null, null));
  }

  static RpcException notFound(long id) {
    return new RpcException(ErrorCode.NOT_FOUND, "no job " + id + " (see gqueue -a -c)");
  }
}
