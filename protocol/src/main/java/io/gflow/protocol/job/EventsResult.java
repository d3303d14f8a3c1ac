package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code job.events}: the events after the requested sequence number, oldest first (empty
 * on timeout), and the {@code after_seq} to pass next. Immutable and thread-safe.
 */
public record EventsResult(List<JobEvent> events, long nextSeq) {
  /** Most events one reply carries. */
  public static final int MAX_EVENTS = 10_000;

  public EventsResult {
    events = List.copyOf(events);
    Checks.atLeast("next_seq", nextSeq, 0);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("events", JsonArray.of(events.stream().map(JobEvent::toJson).toList()))
        .put("next_seq", nextSeq)
        .build();
  }

  public static EventsResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.events result");
    List<JobEvent> events =
        fields.objectList("events", MAX_EVENTS).stream().map(JobEvent::fromJson).toList();
    long nextSeq = fields.requiredLong("next_seq", Long.MIN_VALUE, Long.MAX_VALUE);
    fields.end();
    return new EventsResult(events, nextSeq);
  }
}
