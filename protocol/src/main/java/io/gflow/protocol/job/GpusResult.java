package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code sched.gpus}: every GPU the daemon knows, by index. Immutable and thread-safe.
 */
public record GpusResult(List<GpuInfo> gpus) {
  public GpusResult {
    gpus = List.copyOf(gpus);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("gpus", JsonArray.of(gpus.stream().map(GpuInfo::toJson).toList()))
        .build();
  }

  public static GpusResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "sched.gpus result");
    List<GpuInfo> gpus =
        fields.objectList("gpus", Checks.MAX_GPUS).stream().map(GpuInfo::fromJson).toList();
    fields.end();
    return new GpusResult(gpus);
  }
}
