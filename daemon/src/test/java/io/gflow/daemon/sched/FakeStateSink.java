package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory store: records each batch and keeps the newest version of each job handed to it; the
 * lookup for finished jobs ({@link #find}) sees a version only once its commit completed, as with
 * the real store. Commits are instant unless {@link #holdCommits()} was called. Thread-safe.
 */
final class FakeStateSink implements StateSink {
  final List<List<Job>> batches = new CopyOnWriteArrayList<>();
  private final Map<Long, Job> stored = new ConcurrentHashMap<>();
  private final Map<Long, Job> committed = new ConcurrentHashMap<>();
  private volatile CompletableFuture<Void> gate;

  @Override
  public CompletableFuture<Void> persist(List<Job> changed) {
    batches.add(List.copyOf(changed));
    changed.forEach(job -> stored.put(job.id(), job));
    CompletableFuture<Void> current = gate;
    if (current == null) {
      changed.forEach(job -> committed.put(job.id(), job));
      return CompletableFuture.completedFuture(null);
    }
    return current.thenRun(() -> changed.forEach(job -> committed.put(job.id(), job)));
  }

  /** Stores new jobs as a submit does, before the scheduler sees them. */
  void inserted(List<Job> jobs) {
    jobs.forEach(
        job -> {
          stored.put(job.id(), job);
          committed.put(job.id(), job);
        });
  }

  /** Later commits complete only on {@link #releaseCommits()}. */
  void holdCommits() {
    gate = new CompletableFuture<>();
  }

  void releaseCommits() {
    CompletableFuture<Void> current = gate;
    gate = null;
    current.complete(null);
  }

  Optional<Job> find(long id) {
    return Optional.ofNullable(committed.get(id));
  }

  Job stored(long id) {
    return stored.get(id);
  }

  /** How many stored versions of a job there have been. */
  long versions(long id) {
    return batches.stream().flatMap(List::stream).filter(job -> job.id() == id).count();
  }
}
