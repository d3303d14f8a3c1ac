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
    out.append('{');
    if ((spec.command() != null && !strings("command", spec.command(), out))
        || !string("script", spec.script(), out)
        || !string("name", spec.name(), out)
        || !string("cwd", spec.cwd(), out)
        || !env(spec.env(), out)) {
      return false;
    }
    number("gpus", spec.gpus(), out);
    number("priority", spec.priority(), out);
    if (!string("time_limit", spec.timeLimit() == null ? null : spec.timeLimit().toString(), out)
        || !string("begin", spec.begin() == null ? null : spec.begin().toString(), out)) {
      return false;
    }
    longs("depends_on", spec.dependsOn(), out);
    if (!string("dependency_mode", spec.dependencyMode().wireName(), out)) {
      return false;
    }
    name("auto_cancel", out);
    out.appendAscii(spec.autoCancel() ? "true" : "false");
    if (!string("group", spec.group(), out)
        || !string("project", spec.project(), out)
        || !string("output", spec.output(), out)
        || !string("error", spec.error(), out)) {
      return false;
    }
    if (spec.arrayThrottle() != null) {
      number("array_throttle", spec.arrayThrottle(), out);
    }
    out.append('}');
    return true;
  }

  private static void longs(String name, List<Long> values, PlainJson.Output out) {
    name(name, out);
    out.append('[');
    for (int index = 0; index < values.size(); index++) {
      if (index > 0) {
        out.append(',');
      }
      out.appendAscii(Long.toString(values.get(index)));
    }
    out.append(']');
  }

  private static boolean strings(String name, List<String> values, PlainJson.Output out) {
    name(name, out);
    out.append('[');
    for (int index = 0; index < values.size(); index++) {
      if (index > 0) {
        out.append(',');
      }
      if (!PlainJson.writeString(values.get(index), out)) {
        return false;
      }
    }
    out.append(']');
    return true;
  }

  private static boolean env(Map<String, String> env, PlainJson.Output out) {
    name("env", out);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (!PlainJson.writeString(variable.getKey(), out)) {
        return false;
      }
      out.append(':');
      if (!PlainJson.writeString(variable.getValue(), out)) {
        return false;
      }
    }
    out.append('}');
    return true;
  }

  /** A string member; nothing when {@code value} is null (as {@code putIfNotNull}). */
  private static boolean string(String name, String value, PlainJson.Output out) {
    if (value == null) {
      return true;
    }
    name(name, out);
    return PlainJson.writeString(value, out);
  }

  private static void number(String name, long value, PlainJson.Output out) {
    name(name, out);
    out.appendAscii(Long.toString(value));
  }

  /** A member name (a constant, so ASCII) and its colon, after a comma unless it is the first. */
  private static void name(String name, PlainJson.Output out) {
    if (out.length() > 1) {
      out.append(',');
    }
    out.append('"');
    out.appendAscii(name);
    out.append('"');
    out.append(':');
  }
}
