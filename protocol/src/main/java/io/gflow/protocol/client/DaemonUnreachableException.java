package io.gflow.protocol.client;

import java.io.IOException;

/**
 * No usable daemon at a socket path: nothing there, nobody listening, no permission, or a server
 * running as the wrong user. CLIs exit 3 on it. Immutable.
 */
public final class DaemonUnreachableException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean nothingListening;

  public DaemonUnreachableException(String message) {
    this(message, null, false);
  }

  public DaemonUnreachableException(String message, Throwable cause, boolean nothingListening) {
    super(message, cause);
    this.nothingListening = nothingListening;
  }

  /** True when no daemon is there at all (no socket file, or nobody listening on it). */
  public boolean nothingListening() {
    return nothingListening;
  }
}
