package io.gflow.daemon.job;

/**
 * How a job's process ended: an exit code (0–255), or the number of the signal that killed it.
 * Exactly one is set. Immutable and thread-safe.
 */
public record ExitStatus(Integer code, Integer signal) {
  public ExitStatus {
    if ((code == null) == (signal == null)) {
      throw new IllegalArgumentException("exactly one of code and signal");
    }
  }

  public static ExitStatus exited(int code) {
    return new ExitStatus(code, null);
  }

  public static ExitStatus killed(int signal) {
    return new ExitStatus(null, signal);
  }

  public boolean success() {
    return code != null && code == 0;
  }

  /** "exit 3" or "signal 9 (KILL)" style text for people. */
  @Override
  public String toString() {
    return code != null ? "exit " + code : "signal " + signal;
  }
}
