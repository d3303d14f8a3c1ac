package io.gflow.protocol.json;

import java.util.Objects;

/** A JSON string. Immutable and thread-safe. */
public record JsonString(String value) implements JsonValue {
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  // Written out, not generated: a record's generated equals/hashCode bootstraps through
  // ObjectMethods and spins method-handle classes at first use, ~20 ms of every client's cold
  // start (Response.fromJson compares "jsonrpc" with a JsonString).
  @Override
  public boolean equals(Object other) {
    return other instanceof JsonString string && value.equals(string.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String typeName() {
    return "string";
  }
}
