package io.gflow.protocol.control;

import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One line of the audit log (SPEC §6.8) and one element of {@code admin.audit}'s result: when, who
 * (uid, user, pid, role), which method, on what ({@code target}, null when the call names no
 * object), and how it ended ({@code ok}, {@code denied}, {@code error}) with an optional reason.
 * Immutable and thread-safe.
 */
public record AuditRecord(
    Instant time,
    long uid,
    String user,
    long pid,
    Role role,
    String method,
    String target,
    String outcome,
    String reason) {
  private static final int MAX_TEXT = 1024;

  public AuditRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The wire form; {@code reason} is left out when null (as in the audit file). */
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("time", time.toString())
        .put("uid", uid)
        .put("user", user)
        .put("pid", pid)
        .put("role", role.wireName())
        .put("method", method)
        .put("target", JsonValue.of(target))
        .put("outcome", outcome)
        .putIfNotNull("reason", reason)
        .build();
  }

  public static AuditRecord fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "audit record");
    Instant time = instant(fields.requiredString("time"), "audit record.time");
    long uid = fields.requiredLong("uid", 0, 0xFFFFFFFFL);
    String user = fields.requiredString("user");
    long pid = fields.requiredLong("pid", 0, Long.MAX_VALUE);
    Role role = Role.fromWire(fields.requiredString("role"));
    String method = fields.optionalString("method", MAX_TEXT);
    String target = fields.optionalString("target", MAX_TEXT);
    String outcome = fields.optionalString("outcome", MAX_TEXT);
    String reason = fields.optionalString("reason", MAX_TEXT);
    fields.end();
    if (method == null || outcome == null) {
      throw RpcException.invalidParams("audit record: method and outcome are required");
    }
    return new AuditRecord(time, uid, user, pid, role, method, target, outcome, reason);
  }

  /** Parses an ISO-8601 instant, naming {@code field} when it is not one. */
  static Instant instant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException bad) {
      throw RpcException.invalidParams(
          field + " is not an ISO-8601 instant like 2026-12-01T08:00:00Z");
    }
  }
}
