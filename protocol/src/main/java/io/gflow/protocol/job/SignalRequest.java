package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Params of {@code job.signal}: send a signal to 1..10000 running jobs' process groups. The signal
 * is required, given as a name ("USR1", "SIGHUP") or a number, and normalised to its number in
 * decimal ("10"). Immutable and thread-safe.
 */
public record SignalRequest(List<Long> ids, String signal) {
  public SignalRequest {
    ids = Checks.ids("ids", ids, 1, Checks.MAX_IDS);
    signal = Integer.toString(Signals.parse(signal));
  }

  public int signalNumber() {
    return Integer.parseInt(signal);
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("ids", JsonArray.ofLongs(ids)).put("signal", signal).build();
  }

  public static SignalRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.signal params");
    List<Long> ids = WireFields.idList(fields, "ids", Checks.MAX_IDS);
    String signal = fields.requiredString("signal");
    fields.end();
    return new SignalRequest(ids, signal);
  }
}
