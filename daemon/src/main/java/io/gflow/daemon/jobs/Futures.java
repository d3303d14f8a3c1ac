package io.gflow.daemon.jobs;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a store or scheduler future from a connection thread, turning its failure back into the
 * {@link RpcException} it carries (e.g. UNAVAILABLE when the store cannot write). Stateless.
 */
final class Futures {
  private Futures() {}

  static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RpcException rpc) {
        throw rpc;
      }
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw new RpcException(ErrorCode.INTERNAL_ERROR, "internal error: " + cause);
    }
  }
}
