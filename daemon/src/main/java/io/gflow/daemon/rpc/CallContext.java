package io.gflow.daemon.rpc;

import io.gflow.daemon.auth.Caller;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.Role;

/**
 * Who is calling, as the kernel and the role rules say, for the duration of one connection.
 * Immutable and thread-safe.
 */
public record CallContext(Caller caller, Role role) {
  /** The caller as shown in error data and audit lines. */
  public ErrorData.CallerInfo callerInfo() {
    return new ErrorData.CallerInfo(caller.uid(), caller.userName(), role.wireName());
  }
}
