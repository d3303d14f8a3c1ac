package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code job.submit}: the new job ids, one per array task (in index order) or one for a
 * single job. Immutable and thread-safe.
 */
public record SubmitResult(List<Long> ids) {
  public SubmitResult {
    ids = Checks.ids("ids", ids, 1, ArraySpec.MAX_SIZE);
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("ids", JsonArray.ofLongs(ids)).build();
  }

  public static SubmitResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.submit result");
    List<Long> ids = WireFields.idList(fields, "ids", ArraySpec.MAX_SIZE);
    fields.end();
    return new SubmitResult(ids);
  }
}
