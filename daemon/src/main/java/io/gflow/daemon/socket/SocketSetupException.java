package io.gflow.daemon.socket;

/**
 * A refusal to set up the daemon's socket or private directories, with a message meant for the
 * person starting the daemon: it names the path, what is wrong and how to fix it. Immutable and
 * thread-safe.
 */
public final class SocketSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public SocketSetupException(String message) {
    super(message);
  }

  public SocketSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
