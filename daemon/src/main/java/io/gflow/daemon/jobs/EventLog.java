package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The recent state changes of jobs, numbered, for {@code job.events} and {@code job.wait}
 * long-polls. Keeps the last {@value #CAPACITY} events in memory; waiters block on this object's
 * monitor until something new is appended. Thread-safe.
 */
final class EventLog {
  static final int CAPACITY = 100_000;

  private final Clock clock;
  // guarded by this
  private final Deque<JobEvent> events = new ArrayDeque<>();
  // guarded by this
  private long lastSeq;

  EventLog(Clock clock) {
    this.clock = clock;
  }

  /** Records the new state of each job and wakes every waiter. */
  synchronized void append(List<Job> changed) {
    for (Job job : changed) {
      lastSeq++;
      events.addLast(
          new JobEvent(
              lastSeq, job.id(), job.owner().user(), job.state(), job.reason(), clock.instant()));
      if (events.size() > CAPACITY) {
        events.removeFirst();
      }
    }
    notifyAll();
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  /**
   * The events after {@code afterSeq} that {@code visible} accepts, at most {@code max}; waits up
   * to {@code timeoutMillis} for at least one.
   */
  synchronized List<JobEvent> after(
      long afterSeq, Predicate<JobEvent> visible, int max, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      List<JobEvent> found = new ArrayList<>();
      for (JobEvent event : newerThan(afterSeq)) {
        if (visible.test(event)) {
          found.add(event);
          if (found.size() >= max) {
            break;
          }
        }
      }
      long remaining = deadline - System.nanoTime();
      if (!found.isEmpty() || remaining <= 0) {
        return found;
      }
      afterSeq = Math.max(afterSeq, lastSeq);
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
  }

  /**
   * The jobs named in events after {@code afterSeq}, and the last event's number: {@code ids} is
   * null when some of those events are no longer kept (any job may have changed).
   */
  record Since(long lastSeq, Set<Long> ids) {}

  synchronized Since since(long afterSeq) {
    List<JobEvent> newer = newerThan(afterSeq);
    Set<Long> ids = new HashSet<>();
    newer.forEach(event -> ids.add(event.id()));
    long oldestKept = newer.isEmpty() ? lastSeq + 1 : newer.get(0).seq();
    return new Since(lastSeq, oldestKept > afterSeq + 1 ? null : ids);
  }

  /**
   * The kept events after {@code afterSeq}, oldest first, found from the newest end: a follower
   * that is up to date costs per new event, not per kept one.
   */
  private List<JobEvent> newerThan(long afterSeq) {
    ArrayDeque<JobEvent> newer = new ArrayDeque<>();
    for (Iterator<JobEvent> newest = events.descendingIterator(); newest.hasNext(); ) {
      JobEvent event = newest.next();
      if (event.seq() <= afterSeq) {
        break;
      }
      newer.addFirst(event);
    }
    return new ArrayList<>(newer);
  }

  /** Waits until an event after {@code afterSeq} is appended, or the time is up. */
  synchronized void awaitAfter(long afterSeq, long deadlineNanos) throws InterruptedException {
    while (lastSeq <= afterSeq) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
  }
}
