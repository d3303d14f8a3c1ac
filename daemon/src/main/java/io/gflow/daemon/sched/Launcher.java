package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.List;

/**
 * Starts and signals job processes for the {@link Scheduler}. The scheduler calls it only from its
 * own event-loop thread, one call at a time; implementations need not be thread-safe towards the
 * scheduler but must not block for long (the loop waits).
 */
public interface Launcher {
  /** POSIX SIGTERM. */
  int SIGTERM = 15;

  /** POSIX SIGKILL. */
  int SIGKILL = 9;

  /**
   * Starts {@code job} with {@code gpus} (device indices, empty for a CPU job) and returns the
   * process it started. Throws when nothing was started; the message becomes the job's {@code
   * LaunchFailed:<message>} reason.
   */
  Launched launch(Job job, List<Integer> gpus) throws Exception;

  /**
   * Sends {@code signal} to the job's process group, if the process is still the one that was
   * started; returns false when there is no such process any more.
   */
  boolean signal(Job job, int signal);
}
