package io.gflow.protocol.admin;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Objects;

/**
 * Params of {@code admin.setQuota}: replaces {@code user}'s quota (or the default one, user {@value
 * #DEFAULT}) with {@code quota}, or removes it. Immutable and thread-safe.
 */
public record SetQuotaRequest(String user, Quota quota, boolean remove) {
  /** The user name that means the default quota. */
  public static final String DEFAULT = "default";

  /** Longest user name accepted (longer than any NSS allows). */
  public static final int MAX_USER_CHARS = 256;

  public SetQuotaRequest {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(quota, "quota");
    if (user.isEmpty() || user.length() > MAX_USER_CHARS) {
      throw RpcException.invalidParams("user must have 1.." + MAX_USER_CHARS + " characters");
    }
    if (remove && !quota.isEmpty()) {
      throw RpcException.invalidParams("remove takes no limits: give either remove or limits");
    }
  }

  public boolean isDefault() {
    return DEFAULT.equals(user);
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder().put("user", user);
    quota.toJson().members().forEach(builder::put);
    if (remove) {
      builder.put("remove", true);
    }
    return builder.build();
  }

  public static SetQuotaRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.setQuota params");
    String user = fields.requiredString("user");
    Quota quota = Quota.read(fields);
    boolean remove = fields.optionalBoolean("remove", false);
    fields.end();
    return new SetQuotaRequest(user, quota, remove);
  }
}
