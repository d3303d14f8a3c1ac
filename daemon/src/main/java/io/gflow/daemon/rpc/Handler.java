package io.gflow.daemon.rpc;

import io.gflow.protocol.json.JsonValue;

/** Serves one RPC method. Implementations must be thread-safe: connections call concurrently. */
@FunctionalInterface
public interface Handler {
  /**
   * Validates {@code params} (unknown fields are an error) and returns the result.
   *
   * @throws io.gflow.protocol.RpcException for every error a caller should see
   */
  JsonValue handle(CallContext context, JsonValue params) throws Exception;
}
