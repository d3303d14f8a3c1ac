package io.gflow.protocol.admin;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * One user's (or the default) queue quota: most running jobs, most GPUs in use by running jobs,
 * most queued (pending + held) jobs. A null limit is not set: a user's unset limit falls back to
 * the default quota's, an unset default means no limit. Immutable and thread-safe.
 */
public record Quota(Integer maxRunning, Integer maxGpus, Integer maxQueued) {
  /** Largest value any quota limit may have. */
  public static final int MAX_LIMIT = 1_000_000;

  /** No limit set. */
  public static final Quota NONE = new Quota(null, null, null);

  public Quota {
    check("max_running", maxRunning);
    check("max_gpus", maxGpus);
    check("max_queued", maxQueued);
  }

  private static void check(String name, Integer value) {
    if (value != null && (value < 0 || value > MAX_LIMIT)) {
      throw RpcException.invalidParams(name + " (" + value + ") must be in 0.." + MAX_LIMIT);
    }
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** This quota with each unset limit taken from {@code fallback}. */
  public Quota orElse(Quota fallback) {
    return new Quota(
        maxRunning != null ? maxRunning : fallback.maxRunning,
        maxGpus != null ? maxGpus : fallback.maxGpus,
        maxQueued != null ? maxQueued : fallback.maxQueued);
  }

  /** The set limits only; unset ones are left out. */
  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder();
    put(builder, "max_running", maxRunning);
    put(builder, "max_gpus", maxGpus);
    put(builder, "max_queued", maxQueued);
    return builder.build();
  }

  private static void put(JsonObject.Builder builder, String name, Integer value) {
    if (value != null) {
      builder.put(name, JsonNumber.of(value));
    }
  }

  public static Quota fromJson(JsonValue value, String context) {
    Fields fields = Fields.of(value, context);
    Quota quota = read(fields);
    fields.end();
    return quota;
  }

  /** Reads the three limits from {@code fields} (which may hold other members too). */
  static Quota read(Fields fields) {
    return new Quota(
        limit(fields, "max_running"), limit(fields, "max_gpus"), limit(fields, "max_queued"));
  }

  private static Integer limit(Fields fields, String name) {
    Long value = fields.optionalLong(name, 0, MAX_LIMIT);
    return value == null ? null : value.intValue();
  }
}
