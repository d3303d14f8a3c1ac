package io.gflow.daemon.rpc;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.metrics.Metrics;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.rpc.Request;
import io.gflow.protocol.rpc.Response;
import io.gflow.protocol.rpc.RpcError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests to handlers after the role check, and is the only place where exceptions become
 * error replies. Every denial and every privileged call leaves one audit record. Thread-safe.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Map<String, MethodSpec> methods;
  private final AuditLog audit;
  private final Metrics metrics;

  public Dispatcher(List<MethodSpec> methods, AuditLog audit, Metrics metrics) {
    this.methods =
        methods.stream()
            .collect(Collectors.toUnmodifiableMap(MethodSpec::name, Function.identity()));
    this.audit = audit;
    this.metrics = metrics;
  }

  /** Serves one request; returns null for a notification (which gets no reply, even on error). */
  public Response dispatch(CallContext context, Request request) {
    MethodSpec spec = methods.get(request.method());
    Response response;
    if (spec == null) {
      metrics.request("(unknown)", "not_found");
      response =
          Response.failure(
              request.id(),
              ErrorCode.METHOD_NOT_FOUND,
              "no such method: " + SafeText.escape(request.method()));
    } else {
      response = call(spec, context, request);
    }
    return request.isNotification() ? null : response;
  }

  private Response call(MethodSpec spec, CallContext context, Request request) {
    String target = target(spec, request);
    if (!context.role().atLeast(spec.required())) {
      RpcException denied = denial(spec, context);
      audit.record(context, spec.name(), target, "denied", denied.getMessage());
      metrics.request(spec.name(), "denied");
      return Response.failure(request.id(), RpcError.of(denied));
    }
    try {
      JsonValue result = spec.handler().handle(context, request.params());
      if (spec.audited()) {
        audit.record(context, spec.name(), target, "ok", null);
      }
      metrics.request(spec.name(), "ok");
      return Response.success(request.id(), result);
    } catch (RpcException failed) {
      boolean denied =
          failed.code() == ErrorCode.FORBIDDEN || failed.code() == ErrorCode.UNAUTHENTICATED;
      if (denied || spec.audited()) {
        audit.record(
            context, spec.name(), target, denied ? "denied" : "error", reason(spec, failed));
      }
      metrics.request(spec.name(), denied ? "denied" : "error");
      return Response.failure(request.id(), RpcError.of(withCaller(failed, context)));
    } catch (Exception unexpected) {
      String correlationId = UUID.randomUUID().toString();
      LOG.error("internal error in {} [{}]", spec.name(), correlationId, unexpected);
      if (spec.audited()) {
        audit.record(context, spec.name(), target, "error", "internal error " + correlationId);
      }
      metrics.request(spec.name(), "internal_error");
      return Response.failure(
          request.id(),
          new RpcError(
              ErrorCode.INTERNAL_ERROR.code(),
              "internal error in gflowd (correlation id " + correlationId + "; see its log)",
              new ErrorData(null, null, null, null, correlationId)));
    }
  }

  /** The audit target; an extractor that fails names no target rather than failing the call. */
  private static String target(MethodSpec spec, Request request) {
    try {
      return spec.target().of(request.params());
    } catch (RuntimeException failed) {
      LOG.warn("audit target of {} failed: {}", spec.name(), failed.toString());
      return null;
    }
  }

  /**
   * A privileged method's own error message is audited in full (its params are host settings, not
   * user secrets); for any other method only the error code, since its message may quote a param.
   */
  private static String reason(MethodSpec spec, RpcException failed) {
    return spec.audited() ? failed.getMessage() : failed.code().name().toLowerCase(Locale.ROOT);
  }

  private static RpcException denial(MethodSpec spec, CallContext context) {
    String required = spec.required().wireName();
    return new RpcException(
        ErrorCode.FORBIDDEN,
        "permission denied: " + spec.name() + " is for gflow " + required + "s only",
        new ErrorData(
            "role",
            required,
            context.callerInfo(),
            "ask a gflow admin, or an admin to add you to an admin group",
            null));
  }

  /** Denials say who the daemon thinks is calling, so the CLI can print "(you are bob, …)". */
  private static RpcException withCaller(RpcException failed, CallContext context) {
    if (failed.code() != ErrorCode.FORBIDDEN || failed.data().caller() != null) {
      return failed;
    }
    ErrorData data = failed.data();
    return new RpcException(
        failed.code(),
        failed.getMessage(),
        new ErrorData(
            data.reason(),
            data.required(),
            context.callerInfo(),
            data.hint(),
            data.correlationId()));
  }
}
