package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One state change of one job, numbered by the daemon ({@code seq} rises by one per event). {@code
 * reason} is null when there is none. Immutable and thread-safe.
 */
public record JobEvent(
    long seq, long id, String user, JobState state, String reason, Instant time) {
  private static final String CONTEXT = "job event";

  public JobEvent {
    Checks.atLeast("seq", seq, 1);
    Checks.atLeast("id", id, 1);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("seq", seq)
        .put("id", id)
        .put("user", user)
        .put("state", state.wireName())
        .put("reason", reason)
        .put("time", time.toString())
        .build();
  }

  public static JobEvent fromJson(JsonValue value) {
    Fields fields = Fields.of(value, CONTEXT);
    long seq = fields.requiredLong("seq", Long.MIN_VALUE, Long.MAX_VALUE);
    long id = fields.requiredLong("id", Long.MIN_VALUE, Long.MAX_VALUE);
    String user = fields.requiredString("user");
    JobState state = JobState.parse(fields.requiredString("state"));
    String reason = fields.optionalString("reason");
    Instant time = Checks.required(CONTEXT + ".time", WireFields.instant(fields, CONTEXT, "time"));
    fields.end();
    return new JobEvent(seq, id, user, state, reason, time);
  }
}
