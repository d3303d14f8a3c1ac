package io.gflow.protocol.client;

import java.io.IOException;

/**
 * No usable daemon at a socket path: nothing there, nobody listening, no permission, or a server
 * running as the wrong user. CLIs exit 3 on it. Immutable.
 */
public final class DaemonUnreachableException extends IOException {
  private static final long serialVersionUID = 1L;

  public DaemonUnreachableException(String message) {
    super(message);
  }

  public DaemonUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
