package io.gflow.daemon;

/** The daemon cannot start as configured; the message says what and how to fix it. Immutable. */
public final class StartupException extends Exception {
  private static final long serialVersionUID = 1L;

  public StartupException(String message) {
    super(message, null, false, false);
  }
}
