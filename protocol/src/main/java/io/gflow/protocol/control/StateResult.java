package io.gflow.protocol.control;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * Result of {@code debug.state}: a snapshot of the daemon's internals, one JSON object per named
 * section ({@code scheduler}, {@code connections}, {@code store}, {@code daemon}, …), written in
 * name order. Section contents are for people debugging, not a stable schema. Immutable and
 * thread-safe.
 */
public record StateResult(Map<String, JsonObject> sections) {
  public StateResult {
    sections = Map.copyOf(sections);
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder();
    new TreeMap<>(sections).forEach(builder::put);
    return builder.build();
  }

  public static StateResult fromJson(JsonValue value) {
    Fields.of(value, "debug.state result");
    Map<String, JsonObject> sections = new TreeMap<>();
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        if (!(member.getValue() instanceof JsonObject section)) {
          throw RpcException.invalidParams(
              "debug.state result." + SafeText.escape(member.getKey()) + " must be an object");
        }
        sections.put(member.getKey(), section);
      }
    }
    return new StateResult(sections);
  }
}
