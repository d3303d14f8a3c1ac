package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Result of {@code daemon.info}: version, process, mode ("personal" or "system"), socket path,
 * named counts (connections, …), whether the daemon drains (starts no job) and, for admins only,
 * the state dir ({@code null} otherwise, and then absent on the wire). Immutable and thread-safe.
 */
public record InfoResult(
    String version,
    long pid,
    long uptimeSeconds,
    String mode,
    String socket,
    Map<String, Long> counts,
    boolean draining,
    String stateDir) {

  public InfoResult {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(socket, "socket");
    counts = Map.copyOf(counts);
  }

  /** A daemon that is not draining, without the admin-only state dir. */
  public InfoResult(
      String version,
      long pid,
      long uptimeSeconds,
      String mode,
      String socket,
      Map<String, Long> counts) {
    this(version, pid, uptimeSeconds, mode, socket, counts, false, null);
  }

  /** This result as a caller who is not an admin may see it: without the state dir. */
  public InfoResult withoutStateDir() {
    return new InfoResult(version, pid, uptimeSeconds, mode, socket, counts, draining, null);
  }

  public JsonObject toJson() {
    JsonObject.Builder countsJson = JsonObject.builder();
    new TreeMap<>(counts).forEach(countsJson::put);
    return JsonObject.builder()
        .put("version", version)
        .put("pid", pid)
        .put("uptime_seconds", uptimeSeconds)
        .put("mode", mode)
        .put("socket", socket)
        .put("counts", countsJson.build())
        .put("draining", draining)
        .putIfNotNull("state_dir", stateDir)
        .build();
  }

  public static InfoResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "daemon.info result");
    String version = fields.requiredString("version");
    long pid = fields.requiredLong("pid", 0, Long.MAX_VALUE);
    long uptime = fields.requiredLong("uptime_seconds", 0, Long.MAX_VALUE);
    String mode = fields.requiredString("mode");
    String socket = fields.requiredString("socket");
    JsonObject countsJson = fields.optionalObject("counts");
    boolean draining = fields.optionalBoolean("draining", false);
    String stateDir = fields.optionalString("state_dir");
    fields.end();
    Map<String, Long> counts = new TreeMap<>();
    if (countsJson != null) {
      countsJson
          .members()
          .forEach(
              (name, count) -> {
                if (count instanceof JsonNumber number && number.exactLong().isPresent()) {
                  counts.put(name, number.exactLong().getAsLong());
                }
              });
    }
    return new InfoResult(version, pid, uptime, mode, socket, counts, draining, stateDir);
  }
}
