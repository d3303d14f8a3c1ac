package io.gflow.daemon.exec;

import java.util.concurrent.Future;

/**
 * The {@link JobRunner}'s hold on one job it follows: its presence in the runner's map means the
 * job's end has not been reported yet; it also holds the polling task of an adopted job, or the
 * start watchdog of a launched one, and why the watchdog stopped the wrapper. Thread safe: a task
 * installed after {@link #cancel} is cancelled at once.
 */
final class JobWatch {
  private final Object lock = new Object();
  // Guarded by lock.
  private Future<?> poll;
  // Guarded by lock.
  private boolean cancelled;
  private volatile String startFailure;

  void poll(Future<?> task) {
    synchronized (lock) {
      if (cancelled) {
        task.cancel(false);
      } else {
        poll = task;
      }
    }
  }

  void cancel() {
    synchronized (lock) {
      cancelled = true;
      if (poll != null) {
        poll.cancel(false);
      }
    }
  }

  /** Records why the job never started (the watchdog gave up on its wrapper). */
  void startFailed(String reason) {
    startFailure = reason;
  }

  /** Why the job never started, as recorded by {@link #startFailed}, or null. */
  String startFailure() {
    return startFailure;
  }
}
