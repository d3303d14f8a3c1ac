package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * Params of {@code job.update}: changes to one queued or held job. A null component means
 * "unchanged"; an empty {@code dependsOn} clears the dependencies. At least one change is required.
 * The daemon decides who may raise what. Immutable and thread-safe.
 */
public record UpdateRequest(
    long id,
    Integer priority,
    Integer gpus,
    Long timeLimitSeconds,
    List<Long> dependsOn,
    String name,
    Instant begin) {
  private static final String CONTEXT = "job.update params";

  public UpdateRequest {
    Checks.atLeast("id", id, 1);
    if (priority != null) {
      Checks.range("priority", priority, 0, Checks.MAX_PRIORITY);
    }
    if (gpus != null) {
      Checks.range("gpus", gpus, 0, Checks.MAX_GPUS);
    }
    if (timeLimitSeconds != null) {
      Checks.range("time_limit", timeLimitSeconds, 1, Checks.MAX_TIME_LIMIT_SECONDS);
    }
    if (dependsOn != null) {
      dependsOn = Checks.ids("depends_on", dependsOn, 0, SubmitRequest.MAX_DEPENDS_ON);
    }
    Checks.label("name", name);
    if (priority == null
        && gpus == null
        && timeLimitSeconds == null
        && dependsOn == null
        && name == null
        && begin == null) {
      throw RpcException.invalidParams(
          "nothing to update for job "
              + id
              + ": give priority, gpus, time_limit, depends_on, name or begin");
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("id", id)
        .putIfNotNull("priority", priority == null ? null : WireFields.of(priority))
        .putIfNotNull("gpus", gpus == null ? null : WireFields.of(gpus))
        .putIfNotNull(
            "time_limit", timeLimitSeconds == null ? null : WireFields.of(timeLimitSeconds))
        .putIfNotNull("depends_on", dependsOn == null ? null : JsonArray.ofLongs(dependsOn))
        .putIfNotNull("name", name)
        .putIfNotNull("begin", begin == null ? null : begin.toString())
        .build();
  }

  public static UpdateRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, CONTEXT);
    long id = fields.requiredLong("id", Long.MIN_VALUE, Long.MAX_VALUE);
    Integer priority = WireFields.optionalInt(fields, "priority");
    Integer gpus = WireFields.optionalInt(fields, "gpus");
    Long timeLimit = fields.optionalLong("time_limit", Long.MIN_VALUE, Long.MAX_VALUE);
    List<Long> dependsOn =
        WireFields.nullableIdList(fields, "depends_on", SubmitRequest.MAX_DEPENDS_ON);
    String name = fields.optionalString("name");
    Instant begin = WireFields.instant(fields, CONTEXT, "begin");
    fields.end();
    return new UpdateRequest(id, priority, gpus, timeLimit, dependsOn, name, begin);
  }
}
