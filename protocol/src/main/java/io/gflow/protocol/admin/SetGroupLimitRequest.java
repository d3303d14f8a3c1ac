package io.gflow.protocol.admin;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * Params of {@code admin.setGroupLimit}: the most running jobs of one group ({@code group}) or of
 * one job array ({@code array}, the array's job id); exactly one of the two. A null {@code limit}
 * removes the limit. Immutable and thread-safe.
 */
public record SetGroupLimitRequest(String group, Long array, Integer limit) {
  /** Longest group name accepted. */
  public static final int MAX_GROUP_CHARS = 200;

  public SetGroupLimitRequest {
    if ((group == null) == (array == null)) {
      throw RpcException.invalidParams("give exactly one of group and array");
    }
    if (group != null && (group.isEmpty() || group.length() > MAX_GROUP_CHARS)) {
      throw RpcException.invalidParams("group must have 1.." + MAX_GROUP_CHARS + " characters");
    }
    if (array != null && array < 1) {
      throw RpcException.invalidParams("array (" + array + ") must be a job id (>= 1)");
    }
    if (limit != null && (limit < 0 || limit > Quota.MAX_LIMIT)) {
      throw RpcException.invalidParams("limit (" + limit + ") must be in 0.." + Quota.MAX_LIMIT);
    }
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder();
    if (group != null) {
      builder.put("group", group);
    } else {
      builder.put("array", array);
    }
    return builder.put("limit", limit == null ? JsonNull.INSTANCE : JsonNumber.of(limit)).build();
  }

  public static SetGroupLimitRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.setGroupLimit params");
    if (value instanceof JsonObject object && object.get("limit") == null) {
      throw RpcException.invalidParams(
          "admin.setGroupLimit params.limit is required (null removes the limit)");
    }
    String group = fields.optionalString("group", MAX_GROUP_CHARS);
    Long array = fields.optionalLong("array", 1, Long.MAX_VALUE);
    Long limit = fields.optionalLong("limit", 0, Quota.MAX_LIMIT);
    fields.end();
    return new SetGroupLimitRequest(group, array, limit == null ? null : limit.intValue());
  }
}
