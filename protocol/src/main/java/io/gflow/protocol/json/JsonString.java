package io.gflow.protocol.json;

import java.util.Objects;

/** A JSON string. Immutable and thread-safe. */
public record JsonString(String value) implements JsonValue {
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String typeName() {
    return "string";
  }
}
