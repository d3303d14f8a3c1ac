package io.gflow.protocol.json;

/**
 * An immutable JSON value: the tree every wire message is read into and written from. All
 * implementations are immutable and thread-safe.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull, JsonEncoded {

  /** The wire name of this value's JSON type, for error messages ("expected a string, got …"). */
  String typeName();

  static JsonValue of(String value) {
    return value == null ? JsonNull.INSTANCE : new JsonString(value);
  }

  static JsonValue of(long value) {
    return JsonNumber.of(value);
  }

  static JsonValue of(boolean value) {
    return JsonBoolean.of(value);
  }
}
