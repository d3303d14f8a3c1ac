package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code job.list}: one page of jobs in id order, and {@code next}, the {@code after_id}
 * for the following page (null when this is the last). Immutable and thread-safe.
 */
public record ListResult(List<JobInfo> jobs, Long next) {
  public ListResult {
    jobs = List.copyOf(jobs);
    if (next != null) {
      Checks.atLeast("next", next, 1);
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("jobs", JsonArray.of(jobs.stream().map(JobInfo::toJson).toList()))
        .put("next", WireFields.of(next))
        .build();
  }

  public static ListResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.list result");
    List<JobInfo> jobs =
        fields.objectList("jobs", ListRequest.MAX_LIMIT).stream().map(JobInfo::fromJson).toList();
    Long next = fields.optionalLong("next", Long.MIN_VALUE, Long.MAX_VALUE);
    fields.end();
    return new ListResult(jobs, next);
  }
}
