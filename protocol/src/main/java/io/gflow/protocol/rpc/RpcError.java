package io.gflow.protocol.rpc;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonObject;
import java.util.Objects;

/** The {@code error} member of a JSON-RPC response. Immutable and thread-safe. */
public record RpcError(int code, String message, ErrorData data) {
  public RpcError {
    Objects.requireNonNull(message, "message");
    data = data == null ? ErrorData.EMPTY : data;
  }

  public static RpcError of(RpcException exception) {
    return new RpcError(exception.code().code(), exception.getMessage(), exception.data());
  }

  public static RpcError of(ErrorCode code, String message) {
    return new RpcError(code.code(), message, ErrorData.EMPTY);
  }

  public RpcException toException() {
    return new RpcException(ErrorCode.fromCode(code), message, data);
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder().put("code", code).put("message", message);
    if (!data.isEmpty()) {
      builder.put("data", data.toJson());
    }
    return builder.build();
  }
}
