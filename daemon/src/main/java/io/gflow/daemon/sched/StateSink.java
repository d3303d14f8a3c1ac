package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the {@link Scheduler} hands job changes to be made durable (the store). Called only from
 * the scheduler's event-loop thread, in order; implementations must apply batches in the order
 * received and must not block (complete the future when the commit is durable).
 */
public interface StateSink {
  /**
   * Persists the new versions of {@code changed} (inserting jobs not yet stored); the future
   * completes once they are durable, or exceptionally if they could not be stored.
   */
  CompletableFuture<Void> persist(List<Job> changed);
}
