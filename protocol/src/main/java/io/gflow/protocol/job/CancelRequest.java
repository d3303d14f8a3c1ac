package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Params of {@code job.cancel}: 1..10000 job ids and, optionally, the signal a running job gets
 * first (else SIGTERM, then SIGKILL after the grace period). The signal may be given as a name
 * ("TERM", "SIGUSR1") or a number; it is normalised to its number in decimal ("15"). Immutable and
 * thread-safe.
 */
public record CancelRequest(List<Long> ids, String signal) {
  public CancelRequest {
    ids = Checks.ids("ids", ids, 1, Checks.MAX_IDS);
    signal = signal == null ? null : Integer.toString(Signals.parse(signal));
  }

  /** The signal number, or null for the default. */
  public Integer signalNumber() {
    return signal == null ? null : Integer.valueOf(signal);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("ids", JsonArray.ofLongs(ids))
        .putIfNotNull("signal", signal)
        .build();
  }

  public static CancelRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.cancel params");
    List<Long> ids = WireFields.idList(fields, "ids", Checks.MAX_IDS);
    String signal = fields.optionalString("signal", 16);
    fields.end();
    return new CancelRequest(ids, signal);
  }
}
