package io.gflow.daemon.store;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.PlainJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a {@link JobSpec} to the JSON text kept in the {@code spec} column ({@link SpecReader}
 * reads it back). Durations and instants are ISO-8601 strings so they come back exactly. Stateless
 * and thread-safe.
 *
 * <p>A spec whose strings are all ASCII (the usual case) is written straight to bytes; any other
 * goes through a JSON tree and Jackson, which give the same text for ASCII. The store writer
 * encodes every new spec, so the direct path keeps that serial thread (and the JIT) from building
 * and walking a tree per submit.
 */
final class SpecJson {
  private SpecJson() {}

  static String write(JobSpec spec) {
    PlainJson.Output out = new PlainJson.Output();
    if (writeAscii(spec, out)) {
      return new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII);
    }
    return Json.write(tree(spec));
  }

  /** The spec as the tree {@link #write} falls back to; also the reference its tests compare to. */
  static JsonObject tree(JobSpec spec) {
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
    return json.build();
  }

  private static JsonObject env(Map<String, String> env) {
    JsonObject.Builder json = JsonObject.builder();
    // Sorted so the same spec always makes the same text.
    new TreeMap<>(env).forEach(json::put);
    return json.build();
  }

  /** Writes the members in {@link #tree}'s order; false as soon as a string is not ASCII. */
  private static boolean writeAscii(JobSpec spec, PlainJson.Output out) {
    // Name, value pairs; a null value is left out, as putIfNotNull does.
    Object[] members = {
      "command", spec.command(),
      "script", spec.script(),
      "name", spec.name(),
      "cwd", spec.cwd(),
      "env", new TreeMap<>(spec.env()),
      "gpus", spec.gpus(),
      "priority", spec.priority(),
      "time_limit", spec.timeLimit() == null ? null : spec.timeLimit().toString(),
      "begin", spec.begin() == null ? null : spec.begin().toString(),
      "depends_on", spec.dependsOn(),
      "dependency_mode", spec.dependencyMode().wireName(),
      "auto_cancel", spec.autoCancel(),
      "group", spec.group(),
      "project", spec.project(),
      "output", spec.output(),
      "error", spec.error(),
      "array_throttle", spec.arrayThrottle()
    };
    out.append('{');
    for (int index = 0; index < members.length; index += 2) {
      Object value = members[index + 1];
      if (value == null) {
        continue;
      }
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"');
      out.appendAscii((String) members[index]);
      out.appendAscii("\":");
      if (!value(value, out)) {
        return false;
      }
    }
    out.append('}');
    return true;
  }

  /** A list, a map (the env) or a scalar. */
  private static boolean value(Object value, PlainJson.Output out) {
    if (value instanceof List<?> list) {
      out.append('[');
      for (int index = 0; index < list.size(); index++) {
        if (index > 0) {
          out.append(',');
        }
        if (!scalar(list.get(index), out)) {
          return false;
        }
      }
      out.append(']');
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!scalar(member.getKey(), out)) {
          return false;
        }
        out.append(':');
        if (!scalar(member.getValue(), out)) {
          return false;
        }
      }
      out.append('}');
      return true;
    }
    return scalar(value, out);
  }

  /** A string, or a number or boolean (whose text is its JSON). */
  private static boolean scalar(Object value, PlainJson.Output out) {
    if (value instanceof String text) {
      return PlainJson.writeString(text, out);
    }
    out.appendAscii(value.toString());
    return true;
  }
}
