package io.gflow.protocol;

/**
 * The one exception that becomes a JSON-RPC error reply on the daemon side and is rebuilt from one
 * on the client side. Immutable and thread-safe.
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient ErrorData data;

  public RpcException(ErrorCode code, String message) {
    this(code, message, ErrorData.EMPTY);
  }

  public RpcException(ErrorCode code, String message, ErrorData data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data == null ? ErrorData.EMPTY : data;
  }

  public ErrorCode code() {
    return code;
  }

  public ErrorData data() {
    return data;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(ErrorCode.INVALID_PARAMS, message);
  }
}
