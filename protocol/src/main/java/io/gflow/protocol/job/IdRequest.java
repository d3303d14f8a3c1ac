package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/** Params naming one job: {@code job.get}, {@code job.log}. Immutable and thread-safe. */
public record IdRequest(long id) {
  public IdRequest {
    Checks.atLeast("id", id, 1);
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("id", id).build();
  }

  /** Reads params strictly; messages say "params". */
  public static IdRequest fromJson(JsonValue value) {
    return fromJson(value, null);
  }

  /** Reads params of {@code method} (named in messages) strictly. */
  public static IdRequest fromJson(JsonValue value, String method) {
    Fields fields = Fields.of(value, method == null ? "params" : method + " params");
    long id = fields.requiredLong("id", Long.MIN_VALUE, Long.MAX_VALUE);
    fields.end();
    return new IdRequest(id);
  }
}
