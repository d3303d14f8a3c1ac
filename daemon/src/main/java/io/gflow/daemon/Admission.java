package io.gflow.daemon;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.auth.Caller;
import io.gflow.daemon.auth.CallerResolver;
import io.gflow.daemon.auth.RoleResolver;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a connecting peer may talk to the daemon, under the role rules in force, and
 * audits each refusal. Thread-safe.
 */
final class Admission {
  private final Supplier<RoleResolver> roles;
  private final CallerResolver callers;
  private final AuditLog audit;

  Admission(Supplier<RoleResolver> roles, CallerResolver callers, AuditLog audit) {
    this.roles = roles;
    this.callers = callers;
    this.audit = audit;
  }

  /**
   * The call context of an admitted peer.
   *
   * @throws RpcException UNAUTHENTICATED for an identity that cannot be told apart, FORBIDDEN for a
   *     caller outside allowed_groups
   */
  CallContext admit(long uid, long gid, long pid) {
    RoleResolver current = roles.get();
    if (current.refusesIdentity(uid, gid)) {
      Caller anonymous = new Caller(uid, gid, pid, Long.toString(uid), Set.of());
      RpcException refused =
          new RpcException(
              ErrorCode.UNAUTHENTICATED,
              "gflowd refuses uid "
                  + uid
                  + " / gid "
                  + gid
                  + ": unknown or 'nobody' callers cannot be told apart",
              ErrorData.hint("an admin may set allow_nobody = true in gflowd.toml"));
      audit.record(
          new CallContext(anonymous, Role.USER), "connect", null, "denied", refused.getMessage());
      throw refused;
    }
    Caller caller = callers.resolve(uid, gid, pid);
    CallContext context = new CallContext(caller, current.roleOf(caller));
    if (!current.mayConnect(caller)) {
      RpcException refused =
          new RpcException(
              ErrorCode.FORBIDDEN,
              "permission denied: " + caller.userName() + " is not in gflowd's allowed_groups",
              new ErrorData(
                  "allowed_groups",
                  null,
                  context.callerInfo(),
                  "ask a gflow admin to add you",
                  null));
      audit.record(context, "connect", null, "denied", refused.getMessage());
      throw refused;
    }
    return context;
  }
}
