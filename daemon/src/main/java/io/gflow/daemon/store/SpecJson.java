package io.gflow.daemon.store;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonBoolean;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a {@link JobSpec} to and from the JSON text kept in the {@code spec} column. Durations
 * and instants are ISO-8601 strings so they come back exactly. Stateless and thread-safe.
 */
final class SpecJson {
  private SpecJson() {}

  static String write(JobSpec spec) {
    JsonObject.Builder json = JsonObject.builder();
    if (spec.command() != null) {
      json.put("command", JsonArray.ofStrings(spec.command()));
    }
    json.putIfNotNull("script", spec.script())
        .put("name", spec.name())
        .put("cwd", spec.cwd())
        .put("env", env(spec.env()))
        .put("gpus", spec.gpus())
        .put("priority", spec.priority())
        .putIfNotNull("time_limit", spec.timeLimit() == null ? null : spec.timeLimit().toString())
        .putIfNotNull("begin", spec.begin() == null ? null : spec.begin().toString())
        .put("depends_on", JsonArray.ofLongs(spec.dependsOn()))
        .put("dependency_mode", spec.dependencyMode().wireName())
        .put("auto_cancel", spec.autoCancel())
        .putIfNotNull("group", spec.group())
        .putIfNotNull("project", spec.project())
        .putIfNotNull("output", spec.output())
        .putIfNotNull("error", spec.error());
    if (spec.arrayThrottle() != null) {
      json.put("array_throttle", spec.arrayThrottle());
    }
    return Json.write(json.build());
  }

  private static JsonObject env(Map<String, String> env) {
    JsonObject.Builder json = JsonObject.builder();
    // Sorted so the same spec always makes the same text.
    new TreeMap<>(env).forEach(json::put);
    return json.build();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalStateException if the text is not such a spec (a damaged database)
   */
  static JobSpec read(String text) {
    JsonObject json;
    try {
      json = (JsonObject) Json.parse(text);
    } catch (JsonFormatException | ClassCastException e) {
      throw malformed("not a JSON object: " + e.getMessage());
    }
    try {
      String timeLimit = optionalString(json, "time_limit");
      String begin = optionalString(json, "begin");
      return new JobSpec(
          json.has("command") ? strings(json.get("command")) : null,
          optionalString(json, "script"),
          string(json, "name"),
          string(json, "cwd"),
          readEnv(json.get("env")),
          integer(json.get("gpus"), "gpus"),
          integer(json.get("priority"), "priority"),
          timeLimit == null ? null : TimeText.duration(timeLimit),
          begin == null ? null : TimeText.instant(begin),
          longs(json.get("depends_on")),
          DependencyMode.parse(string(json, "dependency_mode")),
          json.get("auto_cancel") == JsonBoolean.TRUE,
          optionalString(json, "group"),
          optionalString(json, "project"),
          optionalString(json, "output"),
          optionalString(json, "error"),
          json.has("array_throttle")
              ? integer(json.get("array_throttle"), "array_throttle")
              : null);
    } catch (DateTimeParseException
        | IllegalArgumentException
        | ArithmeticException
        | RpcException e) {
      throw malformed(e.getMessage());
    }
  }

  private static String string(JsonObject json, String name) {
    String value = optionalString(json, name);
    if (value == null) {
      throw malformed(name + " is missing");
    }
    return value;
  }

  private static String optionalString(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.value();
    }
    throw malformed(name + " is not a string");
  }

  private static int integer(JsonValue value, String name) {
    if (value instanceof JsonNumber number && number.exactLong().isPresent()) {
      return Math.toIntExact(number.exactLong().getAsLong());
    }
    throw malformed(name + " is not an integer");
  }

  private static List<String> strings(JsonValue value) {
    List<String> result = new ArrayList<>();
    for (JsonValue element : array(value, "command").elements()) {
      if (!(element instanceof JsonString string)) {
        throw malformed("command has a non-string element");
      }
      result.add(string.value());
    }
    return result;
  }

  private static List<Long> longs(JsonValue value) {
    List<Long> result = new ArrayList<>();
    for (JsonValue element : array(value, "depends_on").elements()) {
      if (!(element instanceof JsonNumber number) || number.exactLong().isEmpty()) {
        throw malformed("depends_on has a non-integer element");
      }
      result.add(number.exactLong().getAsLong());
    }
    return result;
  }

  private static JsonArray array(JsonValue value, String name) {
    if (value instanceof JsonArray array) {
      return array;
    }
    throw malformed(name + " is not an array");
  }

  private static Map<String, String> readEnv(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      throw malformed("env is not an object");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
      if (!(member.getValue() instanceof JsonString string)) {
        throw malformed("env value is not a string");
      }
      env.put(member.getKey(), string.value());
    }
    return env;
  }

  private static IllegalStateException malformed(String detail) {
    return new IllegalStateException("stored job spec is malformed: " + detail);
  }
}
