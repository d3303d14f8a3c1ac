package io.gflow.protocol.admin;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Result of {@code admin.limits}: group limits, array limits (by array job id), the default and
 * per-user quotas, and whether the daemon drains. Maps are written sorted by key. Immutable and
 * thread-safe.
 */
public record LimitsResult(
    Map<String, Integer> groupLimits,
    Map<Long, Integer> arrayLimits,
    Quota defaultQuota,
    Map<String, Quota> userQuotas,
    boolean draining) {

  /** No limits, no quotas, not draining. */
  public static final LimitsResult NONE =
      new LimitsResult(Map.of(), Map.of(), Quota.NONE, Map.of(), false);

  public LimitsResult {
    groupLimits = Map.copyOf(groupLimits);
    arrayLimits = Map.copyOf(arrayLimits);
    Objects.requireNonNull(defaultQuota, "defaultQuota");
    userQuotas = Map.copyOf(userQuotas);
  }

  public JsonObject toJson() {
    JsonObject.Builder groups = JsonObject.builder();
    new TreeMap<>(groupLimits).forEach((group, limit) -> groups.put(group, JsonNumber.of(limit)));
    JsonObject.Builder arrays = JsonObject.builder();
    new TreeMap<>(arrayLimits)
        .forEach((array, limit) -> arrays.put(Long.toString(array), JsonNumber.of(limit)));
    JsonObject.Builder users = JsonObject.builder();
    new TreeMap<>(userQuotas).forEach((user, quota) -> users.put(user, quota.toJson()));
    return JsonObject.builder()
        .put("group_limits", groups.build())
        .put("array_limits", arrays.build())
        .put(
            "quotas",
            JsonObject.builder()
                .put("default", defaultQuota.toJson())
                .put("users", users.build())
                .build())
        .put("draining", draining)
        .build();
  }

  public static LimitsResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.limits result");
    JsonObject groupsJson = fields.optionalObject("group_limits");
    JsonObject arraysJson = fields.optionalObject("array_limits");
    JsonObject quotasJson = fields.optionalObject("quotas");
    boolean draining = fields.optionalBoolean("draining", false);
    fields.end();
    Map<String, Integer> groups = new TreeMap<>();
    members(groupsJson).forEach((group, limit) -> groups.put(group, limit(group, limit)));
    Map<Long, Integer> arrays = new TreeMap<>();
    members(arraysJson).forEach((array, limit) -> arrays.put(arrayId(array), limit(array, limit)));
    Fields quotas = Fields.of(quotasJson, "admin.limits result.quotas");
    Quota defaultQuota =
        Quota.fromJson(quotas.optionalObject("default"), "admin.limits result.quotas.default");
    JsonObject usersJson = quotas.optionalObject("users");
    quotas.end();
    Map<String, Quota> users = new TreeMap<>();
    members(usersJson)
        .forEach((user, quota) -> users.put(user, Quota.fromJson(quota, "quota of user " + user)));
    return new LimitsResult(groups, arrays, defaultQuota, users, draining);
  }

  private static Map<String, JsonValue> members(JsonObject object) {
    return object == null ? Map.of() : object.members();
  }

  private static int limit(String name, JsonValue value) {
    if (value instanceof JsonNumber number
        && number.exactLong().isPresent()
        && number.exactLong().getAsLong() >= 0
        && number.exactLong().getAsLong() <= Quota.MAX_LIMIT) {
      return (int) number.exactLong().getAsLong();
    }
    throw RpcException.invalidParams(
        "limit of " + SafeText.escape(name) + " must be an integer in 0.." + Quota.MAX_LIMIT);
  }

  private static long arrayId(String key) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException notANumber) {
      throw RpcException.invalidParams(
          "array_limits key " + SafeText.escape(key) + " is not a job id");
    }
  }
}
