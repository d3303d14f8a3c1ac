package io.gflow.protocol.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A JSON object with members in insertion order. Immutable and thread-safe. */
public final class JsonObject implements JsonValue {
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  private final Map<String, JsonValue> members;

  private JsonObject(Map<String, JsonValue> members) {
    this.members = members;
  }

  /** Wraps an ordered map; the map must not be changed afterwards. */
  static JsonObject wrap(LinkedHashMap<String, JsonValue> members) {
    return new JsonObject(Collections.unmodifiableMap(members));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, JsonValue> members() {
    return members;
  }

  public JsonValue get(String name) {
    return members.get(name);
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  public int size() {
    return members.size();
  }

  /** The member as a string if it is one, else null; for lenient readers of optional data. */
  public String stringOrNull(String name) {
    return members.get(name) instanceof JsonString string ? string.value() : null;
  }

  @Override
  public String typeName() {
    return "object";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject object && members.equals(object.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return Json.write(this);
  }

  /** Builds a {@link JsonObject}; not thread-safe, use once. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, JsonValue value) {
      members.put(Objects.requireNonNull(name), Objects.requireNonNull(value, name));
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, JsonValue.of(value));
    }

    public Builder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, JsonBoolean.of(value));
    }

    public Builder putIfNotNull(String name, String value) {
      return value == null ? this : put(name, new JsonString(value));
    }

    public Builder putIfNotNull(String name, JsonValue value) {
      return value == null ? this : put(name, value);
    }

    public JsonObject build() {
      return members.isEmpty() ? EMPTY : wrap(new LinkedHashMap<>(members));
    }
  }
}
