package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code job.wait}: the jobs as they are when the wait ended (in request order), and
 * whether it ended because the timeout passed before all were terminal. Immutable and thread-safe.
 */
public record WaitResult(List<JobInfo> jobs, boolean timedOut) {
  public WaitResult {
    jobs = List.copyOf(jobs);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("jobs", JsonArray.of(jobs.stream().map(JobInfo::toJson).toList()))
        .put("timed_out", timedOut)
        .build();
  }

  public static WaitResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.wait result");
    List<JobInfo> jobs =
        fields.objectList("jobs", Checks.MAX_IDS).stream().map(JobInfo::fromJson).toList();
    boolean timedOut = fields.optionalBoolean("timed_out", false);
    fields.end();
    return new WaitResult(jobs, timedOut);
  }
}
