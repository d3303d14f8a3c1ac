package io.gflow.protocol;

/**
 * The closed set of JSON-RPC error codes gflow uses, each with the CLI exit code it maps to.
 * Immutable and thread-safe.
 */
public enum ErrorCode {
  PARSE_ERROR(-32700, ExitCodes.ERROR),
  INVALID_REQUEST(-32600, ExitCodes.ERROR),
  METHOD_NOT_FOUND(-32601, ExitCodes.ERROR),
  INVALID_PARAMS(-32602, ExitCodes.USAGE),
  INTERNAL_ERROR(-32603, ExitCodes.ERROR),
  UNAUTHENTICATED(-32001, ExitCodes.PERMISSION_DENIED),
  FORBIDDEN(-32003, ExitCodes.PERMISSION_DENIED),
  NOT_FOUND(-32004, ExitCodes.NOT_FOUND),
  CONFLICT(-32009, ExitCodes.CONFLICT),
  TOO_MANY(-32029, ExitCodes.TEMPORARY),
  UNAVAILABLE(-32050, ExitCodes.TEMPORARY);

  private final int code;
  private final int exitCode;

  ErrorCode(int code, int exitCode) {
    this.code = code;
    this.exitCode = exitCode;
  }

  /** The JSON-RPC {@code error.code}. */
  public int code() {
    return code;
  }

  /** The exit code a CLI returns when a call fails with this error. */
  public int exitCode() {
    return exitCode;
  }

  /** The enum constant for a wire code; codes gflow does not know map to INTERNAL_ERROR. */
  public static ErrorCode fromCode(int code) {
    for (ErrorCode candidate : values()) {
      if (candidate.code == code) {
        return candidate;
      }
    }
    return INTERNAL_ERROR;
  }
}
