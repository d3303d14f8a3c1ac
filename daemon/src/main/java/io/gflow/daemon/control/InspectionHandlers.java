package io.gflow.daemon.control;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.debug.DebugState;
import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.rpc.Target;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.control.AuditRequest;
import io.gflow.protocol.control.AuditResult;
import io.gflow.protocol.control.NoParams;
import java.util.List;

/** The admin's read-only views of the daemon: {@code admin.audit} and {@code debug.state}. */
public final class InspectionHandlers {
  private InspectionHandlers() {}

  public static List<MethodSpec> methods(AuditLog audit, DebugState state) {
    return List.of(
        MethodSpec.privileged(
                Methods.ADMIN_AUDIT,
                Role.ADMIN,
                (context, params) -> {
                  AuditRequest request = AuditRequest.fromJson(params);
                  return new AuditResult(audit.read(request)).toJson();
                })
            .withTarget(Target.fields("user", "since")),
        MethodSpec.privileged(
            Methods.DEBUG_STATE,
            Role.ADMIN,
            (context, params) -> {
              NoParams.check(params, Methods.DEBUG_STATE);
              return state.snapshot().toJson();
            }));
  }
}
