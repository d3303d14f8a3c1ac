package io.gflow.protocol.control;

import io.gflow.protocol.Role;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * Result of {@code auth.whoami}: the caller as the kernel and NSS describe it, and its role.
 * Immutable and thread-safe.
 */
public record WhoamiResult(
    long uid, long gid, String user, List<Long> groups, Role role, long pid) {
  private static final long MAX_ID = 0xFFFF_FFFFL;

  public WhoamiResult {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    groups = List.copyOf(groups);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("uid", uid)
        .put("gid", gid)
        .put("user", user)
        .put("groups", JsonArray.ofLongs(groups))
        .put("role", role.wireName())
        .put("pid", pid)
        .build();
  }

  public static WhoamiResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "auth.whoami result");
    WhoamiResult result =
        new WhoamiResult(
            fields.requiredLong("uid", 0, MAX_ID),
            fields.requiredLong("gid", 0, MAX_ID),
            fields.requiredString("user"),
            fields.longList("groups", 65536, 0, MAX_ID),
            Role.fromWire(fields.requiredString("role")),
            fields.requiredLong("pid", 0, Long.MAX_VALUE));
    fields.end();
    return result;
  }
}
