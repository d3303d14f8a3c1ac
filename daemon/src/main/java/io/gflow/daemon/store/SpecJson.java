package io.gflow.daemon.store;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.PlainJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /**
   * Writes the members in {@link #tree}'s order; false as soon as a string is not ASCII. Straight
   * code, member by member: no boxing, no sorted copy of the environment, and little for the JIT to
   * compile (a table of members walked by type cost ~0.4 s of C2 time per daemon start).
   */
  private static boolean writeAscii(JobSpec spec, PlainJson.Output out) {
    // command or script (at least one is set) comes first, so every later member follows a comma.
    if (spec.command() != null) {
      out.appendAscii("{\"command\":[");
      List<String> command = spec.command();
      for (int index = 0; index < command.size(); index++) {
        if (index > 0) {
          out.append(',');
        }
        if (!PlainJson.writeString(command.get(index), out)) {
          return false;
        }
      }
      out.append(']');
    }
    String scriptPrefix = spec.command() == null ? "{\"script\":" : ",\"script\":";
    if (!optional(scriptPrefix, spec.script(), out)) {
      return false;
    }
    if (!string(",\"name\":", spec.name(), out)
        || !string(",\"cwd\":", spec.cwd(), out)
        || !env(spec.env(), out)) {
      return false;
    }
    number(",\"gpus\":", spec.gpus(), out);
    number(",\"priority\":", spec.priority(), out);
    if (spec.timeLimit() != null) {
      string(",\"time_limit\":", spec.timeLimit().toString(), out);
    }
    if (spec.begin() != null) {
      string(",\"begin\":", spec.begin().toString(), out);
    }
    out.appendAscii(",\"depends_on\":[");
    List<Long> dependsOn = spec.dependsOn();
    for (int index = 0; index < dependsOn.size(); index++) {
      if (index > 0) {
        out.append(',');
      }
      out.appendAscii(Long.toString(dependsOn.get(index)));
    }
    out.append(']');
    string(",\"dependency_mode\":", spec.dependencyMode().wireName(), out);
    out.appendAscii(spec.autoCancel() ? ",\"auto_cancel\":true" : ",\"auto_cancel\":false");
    if (!optional(",\"group\":", spec.group(), out)
        || !optional(",\"project\":", spec.project(), out)
        || !optional(",\"output\":", spec.output(), out)
        || !optional(",\"error\":", spec.error(), out)) {
      return false;
    }
    if (spec.arrayThrottle() != null) {
      number(",\"array_throttle\":", spec.arrayThrottle(), out);
    }
    out.append('}');
    return true;
  }

  /** The environment as an object sorted by name, as {@link #env(Map)} builds it. */
  private static boolean env(Map<String, String> env, PlainJson.Output out) {
    out.appendAscii(",\"env\":{");
    // Filled by hand: keySet().toArray(T[]) is a generic copy the JIT compiles at length.
    String[] names = new String[env.size()];
    int count = 0;
    for (String name : env.keySet()) {
      names[count++] = name;
    }
    Arrays.sort(names);
    for (int index = 0; index < names.length; index++) {
      if (index > 0) {
        out.append(',');
      }
      if (!PlainJson.writeString(names[index], out) || !string(":", env.get(names[index]), out)) {
        return false;
      }
    }
    out.append('}');
    return true;
  }

  /** {@code prefix} (ASCII), then {@code value} as a JSON string; false if it is not ASCII. */
  private static boolean string(String prefix, String value, PlainJson.Output out) {
    out.appendAscii(prefix);
    return PlainJson.writeString(value, out);
  }

  /** As {@link #string}, writing nothing when {@code value} is null (putIfNotNull). */
  private static boolean optional(String prefix, String value, PlainJson.Output out) {
    return value == null || string(prefix, value, out);
  }

  private static void number(String prefix, int value, PlainJson.Output out) {
    out.appendAscii(prefix);
    out.appendAscii(Integer.toString(value));
  }
}
