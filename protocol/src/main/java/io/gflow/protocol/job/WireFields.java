package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading and writing the wire types the job records share (instants, nullable numbers, the
 * environment, state lists) on top of {@link Fields}. Stateless and thread-safe.
 */
final class WireFields {
  private static final int MAX_INSTANT_CHARS = 64;

  private WireFields() {}

  /** An ISO-8601 instant ("2026-12-01T08:00:00Z"), or null when absent. */
  static Instant instant(Fields fields, String context, String name) {
    String text = fields.optionalString(name, MAX_INSTANT_CHARS);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException bad) {
      throw RpcException.invalidParams(
          context
              + "."
              + name
              + " '"
              + SafeText.escape(text)
              + "' is not an ISO-8601 instant like 2026-12-01T08:00:00Z");
    }
  }

  static JsonValue of(Instant instant) {
    return JsonValue.of(instant == null ? null : instant.toString());
  }

  static JsonValue of(Long value) {
    return value == null ? JsonValue.of((String) null) : JsonNumber.of(value);
  }

  static JsonValue of(Integer value) {
    return value == null ? JsonValue.of((String) null) : JsonNumber.of(value);
  }

  /** An int-sized integer, or null when absent; the record checks the real range. */
  static Integer optionalInt(Fields fields, String name) {
    Long value = fields.optionalLong(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? null : Math.toIntExact(value);
  }

  static int requiredInt(Fields fields, String name) {
    return Math.toIntExact(fields.requiredLong(name, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** A string list, or null when the member is absent or JSON null (not the same as empty). */
  static List<String> nullableStringList(Fields fields, String name, int maxElements) {
    boolean present = fields.has(name);
    List<String> list = fields.stringList(name, maxElements);
    return present ? list : null;
  }

  /** An id list, or null when the member is absent or JSON null (not the same as empty). */
  static List<Long> nullableIdList(Fields fields, String name, int maxElements) {
    boolean present = fields.has(name);
    List<Long> list = fields.longList(name, maxElements, Long.MIN_VALUE, Long.MAX_VALUE);
    return present ? list : null;
  }

  static List<Long> idList(Fields fields, String name, int maxElements) {
    return fields.longList(name, maxElements, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A string-to-string object (the environment), or null when absent. */
  static Map<String, String> stringMap(Fields fields, String context, String name, int maxEntries) {
    JsonObject object = fields.optionalObject(name);
    if (object == null) {
      return null;
    }
    if (object.size() > maxEntries) {
      throw RpcException.invalidParams(
          context + "." + name + " has more than " + maxEntries + " entries");
    }
    Map<String, String> result = new LinkedHashMap<>();
    object
        .members()
        .forEach(
            (key, value) -> {
              if (!(value instanceof JsonString string)) {
                throw RpcException.invalidParams(
                    context
                        + "."
                        + name
                        + " value of '"
                        + SafeText.escape(key)
                        + "' must be a string, got "
                        + value.typeName());
              }
              result.put(key, string.value());
            });
    return result;
  }

  /** Sorted by name, so the same map always writes the same text. */
  static JsonObject ofStringMap(Map<String, String> map) {
    JsonObject.Builder builder = JsonObject.builder();
    new TreeMap<>(map).forEach(builder::put);
    return builder.build();
  }

  static List<JobState> states(Fields fields, String name, int maxElements) {
    return fields.stringList(name, maxElements).stream().map(JobState::parse).toList();
  }

  static JsonArray ofStates(List<JobState> states) {
    return JsonArray.ofStrings(states.stream().map(JobState::wireName).toList());
  }

  static JsonArray ofInts(List<Integer> numbers) {
    return JsonArray.of(numbers.stream().map(JsonNumber::of).toList());
  }
}
