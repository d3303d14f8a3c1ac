package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Objects;

/**
 * Result of {@code debug.metrics}: the daemon's counters in Prometheus text exposition format.
 * Immutable and thread-safe.
 */
public record MetricsResult(String text) {
  private static final int MAX_TEXT = 512 * 1024;

  public MetricsResult {
    Objects.requireNonNull(text, "text");
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("text", text).build();
  }

  public static MetricsResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "debug.metrics result");
    String text = fields.optionalString("text", MAX_TEXT);
    fields.end();
    return new MetricsResult(text == null ? "" : text);
  }
}
