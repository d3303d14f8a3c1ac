package io.gflow.protocol.job;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of the multi-id calls ({@code job.cancel}, {@code job.hold}, {@code job.release}, {@code
 * job.signal}): one outcome per id, in request order, none half-applied silently. Immutable and
 * thread-safe.
 */
public record OutcomesResult(List<JobOutcome> outcomes) {
  public OutcomesResult {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * The error of the worst failure, by CLI exit code (NOT_FOUND 4 &lt; CONFLICT 5 &lt; TEMPORARY 75
   * &lt; PERMISSION_DENIED 77; the first such failure on a tie), or null when all succeeded.
   */
  public ErrorCode worst() {
    ErrorCode worst = null;
    for (JobOutcome outcome : outcomes) {
      ErrorCode error = outcome.error();
      if (error != null && (worst == null || error.exitCode() > worst.exitCode())) {
        worst = error;
      }
    }
    return worst;
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("outcomes", JsonArray.of(outcomes.stream().map(JobOutcome::toJson).toList()))
        .build();
  }

  public static OutcomesResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "outcomes result");
    List<JobOutcome> outcomes =
        fields.objectList("outcomes", Checks.MAX_IDS).stream().map(JobOutcome::fromJson).toList();
    fields.end();
    return new OutcomesResult(outcomes);
  }
}
