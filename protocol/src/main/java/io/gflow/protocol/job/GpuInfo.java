package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Objects;

/**
 * One GPU as {@code sched.gpus} shows it: identity, whether new jobs may use it ({@code allowed},
 * set by {@code admin.setGpus}), whether anything uses it ({@code busy}: a job, or a process the
 * queue did not start), the job using it ({@code job}, null when none) and {@code reason}: null, or
 * why it is unavailable, several joined by "; " (e.g. "not allowed (gctl set-gpus)", "in use by job
 * 12", "foreign process pid 4242 (alice) not started by gflow", "not present"). Immutable and
 * thread-safe.
 */
public record GpuInfo(
    int index,
    String uuid,
    String name,
    long memoryMib,
    boolean allowed,
    boolean busy,
    Long job,
    String reason) {
  public GpuInfo {
    Checks.range("index", index, 0, Checks.MAX_GPUS - 1);
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
    Checks.atLeast("memory_mib", memoryMib, 0);
    if (job != null) {
      Checks.atLeast("job", job, 1);
    }
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("index", index)
        .put("uuid", uuid)
        .put("name", name)
        .put("memory_mib", memoryMib)
        .put("allowed", allowed)
        .put("busy", busy)
        .put("job", WireFields.of(job))
        .put("reason", reason)
        .build();
  }

  public static GpuInfo fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "gpu");
    GpuInfo gpu =
        new GpuInfo(
            WireFields.requiredInt(fields, "index"),
            fields.requiredString("uuid"),
            fields.requiredString("name"),
            fields.requiredLong("memory_mib", Long.MIN_VALUE, Long.MAX_VALUE),
            fields.optionalBoolean("allowed", false),
            fields.optionalBoolean("busy", false),
            fields.optionalLong("job", Long.MIN_VALUE, Long.MAX_VALUE),
            fields.optionalString("reason"));
    fields.end();
    return gpu;
  }
}
