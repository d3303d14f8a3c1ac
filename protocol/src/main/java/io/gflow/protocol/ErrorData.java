package io.gflow.protocol;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * The {@code error.data} member of an error reply; every field is optional (null when absent).
 * Immutable and thread-safe.
 */
public record ErrorData(
    String reason, String required, CallerInfo caller, String hint, String correlationId) {

  public static final ErrorData EMPTY = new ErrorData(null, null, null, null, null);

  /** Who the daemon thinks is calling, as shown in a denial. */
  public record CallerInfo(long uid, String user, String role) {
    JsonObject toJson() {
      return JsonObject.builder().put("uid", uid).put("user", user).put("role", role).build();
    }

    static CallerInfo fromJson(JsonValue value) {
      Fields fields = Fields.of(value, "error.data.caller");
      CallerInfo info =
          new CallerInfo(
              fields.requiredLong("uid", 0, 0xFFFF_FFFFL),
              fields.requiredString("user"),
              fields.requiredString("role"));
      fields.end();
      return info;
    }
  }

  public static ErrorData hint(String hint) {
    return new ErrorData(null, null, null, hint, null);
  }

  public ErrorData withHint(String newHint) {
    return new ErrorData(reason, required, caller, newHint, correlationId);
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder();
    builder.putIfNotNull("reason", reason);
    builder.putIfNotNull("required", required);
    if (caller != null) {
      builder.put("caller", caller.toJson());
    }
    builder.putIfNotNull("hint", hint);
    builder.putIfNotNull("correlation_id", correlationId);
    return builder.build();
  }

  /** Lenient on purpose: a newer daemon may add members, and the error must still be shown. */
  public static ErrorData fromJson(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      return EMPTY;
    }
    JsonValue caller = object.get("caller");
    return new ErrorData(
        object.stringOrNull("reason"),
        object.stringOrNull("required"),
        caller instanceof JsonObject ? CallerInfo.fromJson(caller) : null,
        object.stringOrNull("hint"),
        object.stringOrNull("correlation_id"));
  }
}
