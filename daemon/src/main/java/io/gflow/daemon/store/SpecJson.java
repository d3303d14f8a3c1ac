package io.gflow.daemon.store;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a {@link JobSpec} to the JSON text kept in the {@code spec} column ({@link SpecReader}
 * reads it back). Durations and instants are ISO-8601 strings so they come back exactly. Stateless
 * and thread-safe.
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
}
