package io.gflow.protocol.json;

import io.gflow.protocol.RpcException;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of one JSON object: typed getters that name the bad field, and {@link #end()}
 * that rejects every member nobody asked for. Not thread-safe; use for one object.
 */
public final class Fields {
  /** Longest string accepted in any field not explicitly allowed to be longer (SPEC §4). */
  public static final int MAX_STRING_CHARS = 64 * 1024;

  private final JsonObject object;
  private final String context;
  // The names of the members a getter asked for (present ones only, each once). A list: a record
  // reads at most a few dozen names, and a hash set per request was a visible part of reading one.
  private final List<String> seen = new ArrayList<>();

  private Fields(JsonObject object, String context) {
    this.object = object;
    this.context = context;
  }

  /**
   * Reads {@code value} as an object named {@code context} in messages; absent ({@code null}) reads
   * as an empty object.
   */
  public static Fields of(JsonValue value, String context) {
    if (value == null) {
      return new Fields(JsonObject.EMPTY, context);
    }
    if (value instanceof JsonObject object) {
      return new Fields(object, context);
    }
    throw RpcException.invalidParams(
        context + " must be a JSON object, got " + value.typeName() + " (named parameters only)");
  }

  private JsonValue take(String name) {
    JsonValue value = object.get(name);
    if (value == null) {
      return null; // absent: only members present matter to end()
    }
    if (!seen.contains(name)) {
      seen.add(name);
    }
    return value == JsonNull.INSTANCE ? null : value;
  }

  private RpcException wrongType(String name, String expected, JsonValue got) {
    return RpcException.invalidParams(
        context + "." + name + " must be " + expected + ", got " + got.typeName());
  }

  private RpcException missing(String name) {
    return RpcException.invalidParams(context + "." + name + " is required");
  }

  public boolean has(String name) {
    return object.get(name) != null && object.get(name) != JsonNull.INSTANCE;
  }

  public String requiredString(String name) {
    String value = optionalString(name, MAX_STRING_CHARS);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  /** A string of at most 64 KiB, or null when absent. */
  public String optionalString(String name) {
    return optionalString(name, MAX_STRING_CHARS);
  }

  /** A string of at most {@code maxChars} characters, or null when absent. */
  public String optionalString(String name, int maxChars) {
    JsonValue value = take(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw wrongType(name, "a string", value);
    }
    if (string.value().length() > maxChars) {
      throw RpcException.invalidParams(
          context + "." + name + " is longer than " + maxChars + " characters");
    }
    return string.value();
  }

  public long requiredLong(String name, long min, long max) {
    JsonValue value = take(name);
    if (value == null) {
      throw missing(name);
    }
    return toLong(name, value, min, max);
  }

  public long optionalLong(String name, long min, long max, long defaultValue) {
    JsonValue value = take(name);
    return value == null ? defaultValue : toLong(name, value, min, max);
  }

  /** An integer in {@code min..max}, or null when absent or JSON null. */
  public Long optionalLong(String name, long min, long max) {
    JsonValue value = take(name);
    return value == null ? null : toLong(name, value, min, max);
  }

  private long toLong(String name, JsonValue value, long min, long max) {
    if (!(value instanceof JsonNumber number) || number.exactLong().isEmpty()) {
      throw wrongType(name, "an integer", value);
    }
    long result = number.exactLong().getAsLong();
    if (result < min || result > max) {
      throw RpcException.invalidParams(
          context + "." + name + " (" + result + ") must be in " + min + ".." + max);
    }
    return result;
  }

  public boolean optionalBoolean(String name, boolean defaultValue) {
    JsonValue value = take(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof JsonBoolean bool)) {
      throw wrongType(name, "true or false", value);
    }
    return bool.value();
  }

  /** A list of strings (each at most 64 KiB), or an empty list when absent. */
  public List<String> stringList(String name, int maxElements) {
    JsonValue value = take(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw wrongType(name, "an array of strings", value);
    }
    if (array.size() > maxElements) {
      throw RpcException.invalidParams(
          context + "." + name + " has more than " + maxElements + " elements");
    }
    List<String> result = new ArrayList<>(array.size());
    for (JsonValue element : array.elements()) {
      if (!(element instanceof JsonString string)) {
        throw wrongType(name + "[]", "a string", element);
      }
      if (string.value().length() > MAX_STRING_CHARS) {
        throw RpcException.invalidParams(
            context + "." + name + "[] is longer than " + MAX_STRING_CHARS + " characters");
      }
      result.add(string.value());
    }
    return List.copyOf(result);
  }

  /** A list of integers in {@code min..max}, or an empty list when absent. */
  public List<Long> longList(String name, int maxElements, long min, long max) {
    JsonValue value = take(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw wrongType(name, "an array of integers", value);
    }
    if (array.size() > maxElements) {
      throw RpcException.invalidParams(
          context + "." + name + " has more than " + maxElements + " elements");
    }
    List<Long> result = new ArrayList<>(array.size());
    for (JsonValue element : array.elements()) {
      result.add(toLong(name + "[]", element, min, max));
    }
    return List.copyOf(result);
  }

  /** A list of objects, or an empty list when absent. */
  public List<JsonObject> objectList(String name, int maxElements) {
    JsonValue value = take(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw wrongType(name, "an array of objects", value);
    }
    if (array.size() > maxElements) {
      throw RpcException.invalidParams(
          context + "." + name + " has more than " + maxElements + " elements");
    }
    List<JsonObject> result = new ArrayList<>(array.size());
    for (JsonValue element : array.elements()) {
      if (!(element instanceof JsonObject object)) {
        throw wrongType(name + "[]", "an object", element);
      }
      result.add(object);
    }
    return List.copyOf(result);
  }

  /** A nested object, or null when absent. */
  public JsonObject optionalObject(String name) {
    JsonValue value = take(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject nested)) {
      throw wrongType(name, "an object", value);
    }
    return nested;
  }

  /** Rejects every member that no getter asked for: unknown fields are an error (SPEC §4). */
  public void end() {
    if (seen.size() == object.size()) {
      return; // seen holds distinct members' names, so every member was asked for
    }
    for (String name : object.members().keySet()) {
      if (!seen.contains(name)) {
        throw RpcException.invalidParams(
            "unknown field '" + io.gflow.protocol.SafeText.escape(name) + "' in " + context);
      }
    }
  }
}
