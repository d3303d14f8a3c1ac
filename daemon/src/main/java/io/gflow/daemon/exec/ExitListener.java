package io.gflow.daemon.exec;

import io.gflow.daemon.job.ExitStatus;

/**
 * Told once per launched or adopted job when it has ended. Called on a thread of the {@link
 * JobRunner} (a launcher's reader thread or its scheduler), possibly before {@link JobRunner#start}
 * has returned to its caller, so an implementation should only post an event to the scheduler's
 * loop. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ExitListener {
  /**
   * The job has ended.
   *
   * @param status how the job ended, or null if that is unknown: the job is then LOST and {@code
   *     launchError} says why ({@code "LOST: ..."})
   * @param launchError why the job could not be started (e.g. {@code "chdir /nope: No such file or
   *     directory"}, status then exit 127), or null when it started
   */
  void exited(long jobId, ExitStatus status, String launchError);
}
