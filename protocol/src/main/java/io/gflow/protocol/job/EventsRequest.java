package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * Params of {@code job.events}: a long poll for state changes with a sequence number above {@code
 * afterSeq} (0 = from the oldest kept), answered as soon as there is one or after {@code timeoutMs}
 * (0..86400000, default {@value #DEFAULT_TIMEOUT_MS}). Immutable and thread-safe.
 */
public record EventsRequest(long afterSeq, long timeoutMs) {
  public static final long DEFAULT_TIMEOUT_MS = 30_000;

  public EventsRequest {
    Checks.atLeast("after_seq", afterSeq, 0);
    Checks.range("timeout_ms", timeoutMs, 0, Checks.MAX_TIMEOUT_MS);
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("after_seq", afterSeq).put("timeout_ms", timeoutMs).build();
  }

  public static EventsRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.events params");
    long afterSeq = fields.optionalLong("after_seq", Long.MIN_VALUE, Long.MAX_VALUE, 0);
    long timeoutMs =
        fields.optionalLong("timeout_ms", Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_TIMEOUT_MS);
    fields.end();
    return new EventsRequest(afterSeq, timeoutMs);
  }
}
