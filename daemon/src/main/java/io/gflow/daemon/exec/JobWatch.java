package io.gflow.daemon.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The {@link JobRunner}'s hold on one job it follows: its presence in the runner's map means the
 * job's end has not been reported yet; it also holds the tasks that watch the job (the start
 * watchdog of a launched job, the polling of an adopted or orphaned one), and why the watchdog
 * stopped the wrapper. Thread safe: a task installed after {@link #cancel} is cancelled at once.
 */
final class JobWatch {
  private final Object lock = new Object();
  // Guarded by lock.
  private final List<Future<?>> tasks = new ArrayList<>();
  // Guarded by lock.
  private boolean cancelled;
  private volatile String startFailure;

  void poll(Future<?> task) {
    synchronized (lock) {
      if (cancelled) {
        task.cancel(false);
      } else {
        tasks.add(task);
      }
    }
  }

  void cancel() {
    synchronized (lock) {
      cancelled = true;
      tasks.forEach(task -> task.cancel(false));
      tasks.clear();
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
