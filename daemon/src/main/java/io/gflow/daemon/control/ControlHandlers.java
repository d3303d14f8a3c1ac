package io.gflow.daemon.control;

import io.gflow.daemon.auth.Caller;
import io.gflow.daemon.metrics.Metrics;
import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.control.MetricsResult;
import io.gflow.protocol.control.NoParams;
import io.gflow.protocol.control.ReloadResult;
import io.gflow.protocol.control.WhoamiResult;
import io.gflow.protocol.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;

/**
 * The daemon-control methods of the foundation: ping, info, whoami, shutdown, reload, metrics. Each
 * handler validates that no params were sent. Thread-safe.
 */
public final class ControlHandlers {
  private ControlHandlers() {}

  /** What the control handlers need from the running daemon. Implementations are thread-safe. */
  public interface DaemonControl {
    /** Everything daemon.info may show, the admin-only state dir included. */
    Supplier<InfoResult> info();

    /** Re-reads the config; throws RpcException (INVALID_PARAMS) when the file is refused. */
    ReloadResult reload();

    /** Starts an orderly shutdown after the current reply has been written. */
    void requestShutdown();
  }

  public static List<MethodSpec> methods(DaemonControl daemon, Metrics metrics) {
    return List.of(
        MethodSpec.open(
            Methods.DAEMON_PING,
            (context, params) -> {
              NoParams.check(params, Methods.DAEMON_PING);
              return JsonObject.EMPTY;
            }),
        MethodSpec.open(
            Methods.DAEMON_INFO,
            (context, params) -> {
              NoParams.check(params, Methods.DAEMON_INFO);
              InfoResult info = daemon.info().get();
              // Where the database and audit log live is for admins (gctl doctor uses it).
              return (context.role() == Role.ADMIN ? info : info.withoutStateDir()).toJson();
            }),
        MethodSpec.open(
            Methods.AUTH_WHOAMI,
            (context, params) -> {
              NoParams.check(params, Methods.AUTH_WHOAMI);
              Caller caller = context.caller();
              return new WhoamiResult(
                      caller.uid(),
                      caller.gid(),
                      caller.userName(),
                      caller.groups().stream().sorted().toList(),
                      context.role(),
                      caller.pid())
                  .toJson();
            }),
        MethodSpec.privileged(
            Methods.ADMIN_SHUTDOWN,
            Role.ADMIN,
            (context, params) -> {
              NoParams.check(params, Methods.ADMIN_SHUTDOWN);
              daemon.requestShutdown();
              return JsonObject.EMPTY;
            }),
        MethodSpec.privileged(
            Methods.ADMIN_RELOAD,
            Role.ADMIN,
            (context, params) -> {
              NoParams.check(params, Methods.ADMIN_RELOAD);
              return daemon.reload().toJson();
            }),
        MethodSpec.privileged(
            Methods.DEBUG_METRICS,
            Role.ADMIN,
            (context, params) -> {
              NoParams.check(params, Methods.DEBUG_METRICS);
              return new MetricsResult(metrics.render()).toJson();
            }));
  }
}
