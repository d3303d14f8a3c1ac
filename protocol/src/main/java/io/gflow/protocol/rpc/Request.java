package io.gflow.protocol.rpc;

import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Objects;

/**
 * One JSON-RPC 2.0 request. {@code id} is null for a notification (no reply is sent); a present
 * JSON {@code null} id is {@link io.gflow.protocol.json.JsonNull#INSTANCE}. {@code params} is null
 * when absent. Immutable and thread-safe.
 */
public record Request(JsonValue id, String method, JsonValue params) {
  public Request {
    Objects.requireNonNull(method, "method");
  }

  public boolean isNotification() {
    return id == null;
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder().put("jsonrpc", "2.0").put("method", method);
    builder.putIfNotNull("params", params);
    builder.putIfNotNull("id", id);
    return builder.build();
  }
}
