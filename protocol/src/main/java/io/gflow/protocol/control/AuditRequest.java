package io.gflow.protocol.control;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;

/**
 * Params of {@code admin.audit}: records at or after {@code since} (null: any time) by {@code user}
 * (null: anyone), at most {@code limit} (1..10000, default 100) of the newest. Immutable and
 * thread-safe.
 */
public record AuditRequest(Instant since, String user, int limit) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;
  private static final int MAX_USER_CHARS = 256;
  private static final int MAX_TIME_CHARS = 64;

  public AuditRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw RpcException.invalidParams("limit (" + limit + ") must be in 1.." + MAX_LIMIT);
    }
    if (user != null && (user.isEmpty() || user.length() > MAX_USER_CHARS)) {
      throw RpcException.invalidParams(
          "user must be 1.." + MAX_USER_CHARS + " characters, got " + user.length());
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("since", JsonValue.of(since == null ? null : since.toString()))
        .put("user", JsonValue.of(user))
        .put("limit", limit)
        .build();
  }

  public static AuditRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.audit params");
    String sinceText = fields.optionalString("since", MAX_TIME_CHARS);
    String user = fields.optionalString("user", MAX_USER_CHARS);
    long limit = fields.optionalLong("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    fields.end();
    Instant since =
        sinceText == null ? null : AuditRecord.instant(sinceText, "admin.audit params.since");
    return new AuditRequest(since, user, (int) limit);
  }
}
