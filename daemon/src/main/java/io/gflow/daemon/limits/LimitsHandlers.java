package io.gflow.daemon.limits;

import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.rpc.Target;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.admin.SetGroupLimitRequest;
import io.gflow.protocol.admin.SetQuotaRequest;
import io.gflow.protocol.control.NoParams;
import java.util.List;

/**
 * The queue-limit methods: {@code admin.setGroupLimit}, {@code admin.setQuota} and {@code
 * admin.limits} for admins, {@code admin.drain} and {@code admin.resume} for operators too (SPEC
 * §3). Every call is audited by the dispatcher. Stateless.
 */
public final class LimitsHandlers {
  private LimitsHandlers() {}

  public static List<MethodSpec> methods(LimitsService limits) {
    return List.of(
        MethodSpec.privileged(
                Methods.ADMIN_SET_GROUP_LIMIT,
                Role.ADMIN,
                (context, params) ->
                    limits.setGroupLimit(SetGroupLimitRequest.fromJson(params)).toJson())
            .withTarget(Target.fields("group", "array", "limit")),
        MethodSpec.privileged(
                Methods.ADMIN_SET_QUOTA,
                Role.ADMIN,
                (context, params) -> limits.setQuota(SetQuotaRequest.fromJson(params)).toJson())
            .withTarget(Target.fields("user", "max_running", "max_gpus", "max_queued", "remove")),
        MethodSpec.privileged(
            Methods.ADMIN_LIMITS,
            Role.ADMIN,
            (context, params) -> {
              NoParams.check(params, Methods.ADMIN_LIMITS);
              return limits.limits().toJson();
            }),
        MethodSpec.privileged(
            Methods.ADMIN_DRAIN,
            Role.OPERATOR,
            (context, params) -> {
              NoParams.check(params, Methods.ADMIN_DRAIN);
              return limits.drain(true).toJson();
            }),
        MethodSpec.privileged(
            Methods.ADMIN_RESUME,
            Role.OPERATOR,
            (context, params) -> {
              NoParams.check(params, Methods.ADMIN_RESUME);
              return limits.drain(false).toJson();
            }));
  }
}
