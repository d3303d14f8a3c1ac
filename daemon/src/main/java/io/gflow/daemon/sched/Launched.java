package io.gflow.daemon.sched;

/**
 * The process a {@link Launcher} started for a job: its pid and its start time in clock ticks
 * (/proc/PID/stat field 22), which together tell it apart from a later process reusing the pid.
 * Immutable and thread-safe.
 */
public record Launched(long pid, long pidStartTicks) {
  public Launched {
    if (pid <= 0) {
      throw new IllegalArgumentException("pid (" + pid + ") must be > 0");
    }
  }
}
