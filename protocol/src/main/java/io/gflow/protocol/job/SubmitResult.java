package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code job.submit}: the new job ids, one per array task (in index order) or one for a
 * single job, and whether the daemon drains (the jobs wait until an admin resumes it). Immutable
 * and thread-safe.
 */
public record SubmitResult(List<Long> ids, boolean draining) {
  public SubmitResult {
    ids = Checks.ids("ids", ids, 1, ArraySpec.MAX_SIZE);
  }

  /** Ids of jobs submitted to a daemon that is not draining. */
  public SubmitResult(List<Long> ids) {
    this(ids, false);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("ids", JsonArray.ofLongs(ids))
        .put("draining", draining)
        .build();
  }

  public static SubmitResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.submit result");
    List<Long> ids = WireFields.idList(fields, "ids", ArraySpec.MAX_SIZE);
    boolean draining = fields.optionalBoolean("draining", false);
    fields.end();
    return new SubmitResult(ids, draining);
  }
}
