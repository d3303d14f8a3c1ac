package io.gflow.daemon.exec;

/**
 * A job could not be started: its spool could not be written, the wrapper did not start, or the
 * wrapper failed before it forked the job. The message is one line for the job's {@code
 * LaunchFailed:} reason. Immutable and thread-safe.
 */
public final class LaunchException extends Exception {
  private static final long serialVersionUID = 1L;

  public LaunchException(String message) {
    super(message);
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
