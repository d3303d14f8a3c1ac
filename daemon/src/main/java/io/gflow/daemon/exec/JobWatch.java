package io.gflow.daemon.exec;

import java.util.concurrent.Future;

/**
 * The {@link JobRunner}'s hold on one job it follows: its presence in the runner's map means the
 * job's end has not been reported yet; for an adopted job it also holds the polling task. Thread
 * safe: a poll installed after {@link #cancel} is cancelled at once.
 */
final class JobWatch {
  private final Object lock = new Object();
  // Guarded by lock.
  private Future<?> poll;
  // Guarded by lock.
  private boolean cancelled;

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
}
