package io.gflow.protocol;

import io.gflow.protocol.json.JsonNumber;
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

    /** Lenient like {@link ErrorData#fromJson}: null unless uid, user and role are readable. */
    static CallerInfo fromJson(JsonObject object) {
      String user = object.stringOrNull("user");
      String role = object.stringOrNull("role");
      if (object.get("uid") instanceof JsonNumber uid
          && uid.exactLong().isPresent()
          && user != null
          && role != null) {
        return new CallerInfo(uid.exactLong().getAsLong(), user, role);
      }
      return null;
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
        caller instanceof JsonObject callerObject ? CallerInfo.fromJson(callerObject) : null,
        object.stringOrNull("hint"),
        object.stringOrNull("correlation_id"));
  }
}
