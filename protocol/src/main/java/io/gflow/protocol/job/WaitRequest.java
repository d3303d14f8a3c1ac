package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Params of {@code job.wait}: block until all of 1..10000 jobs are in a terminal state, or {@code
 * timeoutMs} (0..86400000; 0 = just look) has passed. Immutable and thread-safe.
 */
public record WaitRequest(List<Long> ids, long timeoutMs) {
  public WaitRequest {
    ids = Checks.ids("ids", ids, 1, Checks.MAX_IDS);
    Checks.range("timeout_ms", timeoutMs, 0, Checks.MAX_TIMEOUT_MS);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("ids", JsonArray.ofLongs(ids))
        .put("timeout_ms", timeoutMs)
        .build();
  }

  public static WaitRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.wait params");
    List<Long> ids = WireFields.idList(fields, "ids", Checks.MAX_IDS);
    long timeoutMs = fields.requiredLong("timeout_ms", Long.MIN_VALUE, Long.MAX_VALUE);
    fields.end();
    return new WaitRequest(ids, timeoutMs);
  }
}
