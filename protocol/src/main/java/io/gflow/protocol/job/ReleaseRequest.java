package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * Params of {@code job.release}: 1..10000 held job ids and, optionally, when they may start (null =
 * now). Immutable and thread-safe.
 */
public record ReleaseRequest(List<Long> ids, Instant at) {
  private static final String CONTEXT = "job.release params";

  public ReleaseRequest {
    ids = Checks.ids("ids", ids, 1, Checks.MAX_IDS);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("ids", JsonArray.ofLongs(ids))
        .putIfNotNull("at", at == null ? null : at.toString())
        .build();
  }

  public static ReleaseRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, CONTEXT);
    List<Long> ids = WireFields.idList(fields, "ids", Checks.MAX_IDS);
    Instant at = WireFields.instant(fields, CONTEXT, "at");
    fields.end();
    return new ReleaseRequest(ids, at);
  }
}
