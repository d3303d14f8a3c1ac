package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/** Params naming 1..10000 jobs: {@code job.hold}. Immutable and thread-safe. */
public record IdsRequest(List<Long> ids) {
  public IdsRequest {
    ids = Checks.ids("ids", ids, 1, Checks.MAX_IDS);
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("ids", JsonArray.ofLongs(ids)).build();
  }

  /** Reads params strictly; messages say "params". */
  public static IdsRequest fromJson(JsonValue value) {
    return fromJson(value, null);
  }

  /** Reads params of {@code method} (named in messages) strictly. */
  public static IdsRequest fromJson(JsonValue value, String method) {
    Fields fields = Fields.of(value, method == null ? "params" : method + " params");
    List<Long> ids = WireFields.idList(fields, "ids", Checks.MAX_IDS);
    fields.end();
    return new IdsRequest(ids);
  }
}
