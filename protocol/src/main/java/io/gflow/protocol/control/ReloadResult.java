package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * Result of {@code admin.reload}: which config file was read ({@code null} when none exists and
 * defaults apply). Immutable and thread-safe.
 */
public record ReloadResult(String config) {
  public JsonObject toJson() {
    return JsonObject.builder().put("config", JsonValue.of(config)).build();
  }

  public static ReloadResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.reload result");
    ReloadResult result = new ReloadResult(fields.optionalString("config"));
    fields.end();
    return result;
  }
}
