package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Params of {@code admin.setGpus}: the GPU indices new jobs may use, or every GPU present ({@code
 * "all"} on the wire, {@code gpus} null here). Immutable and thread-safe.
 *
 * @param gpus distinct indices in ascending order (an empty list allows none), or null for all
 */
public record SetGpusRequest(List<Integer> gpus) {
  /** The wire spelling of "every GPU present". */
  public static final String ALL = "all";

  public SetGpusRequest {
    if (gpus != null) {
      Set<Integer> seen = new HashSet<>();
      for (int index : gpus) {
        Checks.range("gpus[]", index, 0, Checks.MAX_GPUS - 1);
        if (!seen.add(index)) {
          throw RpcException.invalidParams("gpus: GPU " + index + " is listed twice");
        }
      }
      gpus = gpus.stream().sorted().toList();
    }
  }

  /** Every GPU present. */
  public static SetGpusRequest all() {
    return new SetGpusRequest(null);
  }

  public boolean isAll() {
    return gpus == null;
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("gpus", gpus == null ? JsonValue.of(ALL) : WireFields.ofInts(gpus))
        .build();
  }

  public static SetGpusRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.setGpus params");
    JsonValue raw = value instanceof JsonObject object ? object.get("gpus") : null;
    SetGpusRequest request;
    if (raw instanceof JsonString) {
      String text = fields.requiredString("gpus");
      if (!ALL.equals(text)) {
        throw RpcException.invalidParams(
            "admin.setGpus params.gpus must be a list of GPU indices or \"all\"");
      }
      request = all();
    } else {
      if (raw == null) {
        throw RpcException.invalidParams("admin.setGpus params.gpus is required");
      }
      List<Long> indices = fields.longList("gpus", Checks.MAX_GPUS, 0, Checks.MAX_GPUS - 1);
      request = new SetGpusRequest(indices.stream().map(Long::intValue).toList());
    }
    fields.end();
    return request;
  }
}
