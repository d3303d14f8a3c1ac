package io.gflow.daemon.store;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonBoolean;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.json.PlainJson;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a stored spec from the tree {@link PlainJson} gives for plain text (ASCII without escapes,
 * integers: what {@link SpecJson} writes for most jobs): the same {@link JobSpec} and the same
 * checks, in the same member order, as {@link SpecReader}'s streaming parser, which reads the rest.
 * Stateless.
 */
final class PlainSpecReader {
  private PlainSpecReader() {}

  /**
   * The spec in {@code spec}; without {@code withEnv} its environment is checked to be an object
   * and left empty.
   *
   * @throws IllegalStateException if it is not a spec {@link SpecJson} writes (a damaged database)
   */
  static JobSpec read(JsonObject spec, boolean withEnv) {
    SpecParts parts = new SpecParts();
    try {
      for (Map.Entry<String, JsonValue> member : spec.members().entrySet()) {
        member(parts, member.getKey(), member.getValue(), withEnv);
      }
      return parts.build();
    } catch (DateTimeParseException
        | IllegalArgumentException
        | ArithmeticException
        | RpcException e) {
      throw SpecReader.malformed(e.getMessage());
    }
  }

  private static void member(SpecParts parts, String member, JsonValue value, boolean withEnv) {
    switch (member) {
      case "command" -> parts.command = strings(member, value);
      case "script" -> parts.script = string(member, value);
      case "name" -> parts.name = string(member, value);
      case "cwd" -> parts.cwd = string(member, value);
      case "env" -> parts.env = env(value, withEnv);
      case "gpus" -> parts.gpus = integer(member, value);
      case "priority" -> parts.priority = integer(member, value);
      case "time_limit" -> parts.timeLimit = string(member, value);
      case "begin" -> parts.begin = string(member, value);
      case "depends_on" -> parts.dependsOn = longs(member, value);
      case "dependency_mode" -> parts.dependencyMode = string(member, value);
      case "auto_cancel" -> parts.autoCancel = bool(value);
      case "group" -> parts.group = string(member, value);
      case "project" -> parts.project = string(member, value);
      case "output" -> parts.output = string(member, value);
      case "error" -> parts.error = string(member, value);
      case "array_throttle" -> parts.arrayThrottle = integer(member, value);
      default -> {
        // Unknown members are skipped, as by the streaming reader.
      }
    }
  }

  /**
   * True only for {@code true}, as the streaming reader; it cannot step over an array or object.
   */
  private static boolean bool(JsonValue value) {
    if (value instanceof JsonObject || value instanceof JsonArray) {
      throw SpecReader.malformed("auto_cancel is not a boolean");
    }
    return value == JsonBoolean.TRUE;
  }

  private static String string(String member, JsonValue value) {
    if (value == JsonNull.INSTANCE) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw SpecReader.malformed(member + " is not a string");
    }
    return text.value();
  }

  private static Integer integer(String member, JsonValue value) {
    return Math.toIntExact(exactLong(member + " is not an integer", value));
  }

  private static long exactLong(String complaint, JsonValue value) {
    OptionalLong exact =
        value instanceof JsonNumber number ? number.exactLong() : OptionalLong.empty();
    if (exact.isEmpty()) {
      throw SpecReader.malformed(complaint);
    }
    return exact.getAsLong();
  }

  private static List<String> strings(String member, JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw SpecReader.malformed(member + " is not an array");
    }
    List<String> values = new ArrayList<>();
    for (JsonValue element : array.elements()) {
      if (!(element instanceof JsonString text)) {
        throw SpecReader.malformed(member + " has a non-string element");
      }
      values.add(text.value());
    }
    return values;
  }

  private static List<Long> longs(String member, JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw SpecReader.malformed(member + " is not an array");
    }
    List<Long> values = new ArrayList<>();
    for (JsonValue element : array.elements()) {
      values.add(exactLong(member + " has a non-integer element", element));
    }
    return values;
  }

  private static Map<String, String> env(JsonValue value, boolean withEnv) {
    if (!(value instanceof JsonObject object)) {
      throw SpecReader.malformed("env is not an object");
    }
    if (!withEnv) {
      return Map.of(); // skipped unread, as by the streaming reader
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> variable : object.members().entrySet()) {
      if (!(variable.getValue() instanceof JsonString text)) {
        throw SpecReader.malformed("env value is not a string");
      }
      values.put(variable.getKey(), text.value());
    }
    return values;
  }
}
