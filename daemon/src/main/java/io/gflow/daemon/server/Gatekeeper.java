package io.gflow.daemon.server;

import io.gflow.daemon.rpc.CallContext;

/**
 * Turns kernel peer credentials into a {@link CallContext}, or refuses the connection. Must be
 * thread-safe.
 */
@FunctionalInterface
public interface Gatekeeper {
  /**
   * @param uid unsigned uid from SO_PEERCRED
   * @param gid unsigned gid from SO_PEERCRED
   * @param pid pid from SO_PEERCRED, for audit only (pids are reused; never for decisions)
   * @throws io.gflow.protocol.RpcException UNAUTHENTICATED or FORBIDDEN to refuse
   */
  CallContext admit(long uid, long gid, long pid);
}
