package io.gflow.protocol.admin;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * Result of {@code admin.drain} and {@code admin.resume}: whether the daemon now drains (starts no
 * job), and how many jobs run and wait. Immutable and thread-safe.
 */
public record DrainResult(boolean draining, long running, long queued) {
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("draining", draining)
        .put("running", running)
        .put("queued", queued)
        .build();
  }

  public static DrainResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.drain result");
    boolean draining = fields.optionalBoolean("draining", false);
    long running = fields.requiredLong("running", 0, Long.MAX_VALUE);
    long queued = fields.requiredLong("queued", 0, Long.MAX_VALUE);
    fields.end();
    return new DrainResult(draining, running, queued);
  }
}
