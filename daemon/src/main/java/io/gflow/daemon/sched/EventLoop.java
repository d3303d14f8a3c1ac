package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduler events one at a time on a single-threaded executor and coalesces them: after the
 * queued events have run, one flush runs the scheduling pass and hands all their changes to the
 * {@link StateSink}; each caller's future completes when that batch is durable, and the loop is
 * told which jobs are durable then. {@link #post} and {@link #close} are thread-safe; everything
 * else runs on the loop thread only.
 */
final class EventLoop {
  private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

  /** Longer waits are split so a far-off timer never overflows and wall-clock jumps are seen. */
  private static final Duration MAX_DELAY = Duration.ofHours(1);

  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final StateSink sink;
  private final Consumer<Changes> afterEvents;
  private final Consumer<List<Job>> afterDurable;
  private volatile boolean closed;

  // Loop thread only.
  private Changes pending = new Changes();
  private List<Waiter<?>> waiters = new ArrayList<>();
  private boolean flushPosted;
  private final Set<Timer> timers = new HashSet<>();

  EventLoop(
      ScheduledExecutorService executor,
      Clock clock,
      StateSink sink,
      Consumer<Changes> afterEvents,
      Consumer<List<Job>> afterDurable) {
    this.executor = executor;
    this.clock = clock;
    this.sink = sink;
    this.afterEvents = afterEvents;
    this.afterDurable = afterDurable;
  }

  /**
   * Runs {@code event} on the loop; the supplier it returns is asked for the reply after the
   * scheduling pass, and the future completes with it once the changes are durable.
   */
  <T> CompletableFuture<T> post(Function<Changes, Supplier<T>> event) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    if (closed) {
      reply.completeExceptionally(new IllegalStateException("the scheduler is closed"));
      return reply;
    }
    try {
      executor.execute(
          () -> {
            try {
              waiters.add(new Waiter<>(reply, event.apply(pending)));
              requestFlush();
            } catch (RuntimeException e) {
              reply.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      reply.completeExceptionally(new IllegalStateException("the scheduler is stopped", e));
    }
    return reply;
  }

  /** Runs {@code event} on the loop at {@code when} (at once if past). Loop thread only. */
  Timer at(Instant when, Consumer<Changes> event) {
    Timer timer = new Timer(when, event);
    timers.add(timer);
    arm(timer);
    return timer;
  }

  /** Refuses new events and cancels the timers; queued events still run. Thread-safe. */
  void close() {
    closed = true;
    try {
      executor.execute(
          () -> {
            List.copyOf(timers).forEach(Timer::cancel);
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler executor already stopped", e);
    }
  }

  private void arm(Timer timer) {
    Duration delay = Duration.between(clock.instant(), timer.when);
    delay = delay.isNegative() ? Duration.ZERO : delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    try {
      timer.future = executor.schedule(() -> fire(timer), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler executor stopped; timer dropped", e);
    }
  }

  private void fire(Timer timer) {
    if (timer.cancelled || closed) {
      return;
    }
    if (clock.instant().isBefore(timer.when)) {
      arm(timer);
      return;
    }
    timers.remove(timer);
    timer.event.accept(pending);
    requestFlush();
  }

  private void requestFlush() {
    if (!flushPosted) {
      flushPosted = true;
      executor.execute(this::flush);
    }
  }

  private void flush() {
    flushPosted = false;
    Changes changes = pending;
    List<Waiter<?>> batch = waiters;
    pending = new Changes();
    waiters = new ArrayList<>();
    RuntimeException failure = null;
    try {
      afterEvents.accept(changes);
    } catch (RuntimeException e) {
      LOG.error("scheduling pass failed", e);
      failure = e;
    }
    List<Consumer<Throwable>> replies = new ArrayList<>();
    for (Waiter<?> waiter : batch) {
      replies.add(waiter.resolve(failure));
    }
    List<Job> changed = changes.all();
    CompletableFuture<Void> durable;
    try {
      durable = changed.isEmpty() ? CompletableFuture.completedFuture(null) : sink.persist(changed);
    } catch (RuntimeException e) {
      durable = CompletableFuture.failedFuture(e);
    }
    durable.whenComplete(
        (ignored, error) -> {
          replies.forEach(reply -> reply.accept(error));
          if (error == null && !changed.isEmpty()) {
            runOnLoop(() -> afterDurable.accept(changed));
          }
        });
  }

  /** Runs {@code task} on the loop thread unless the executor has stopped. */
  private void runOnLoop(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler executor stopped; durable notice dropped", e);
    }
  }

  /** A caller waiting for the flush that follows its event. */
  private record Waiter<T>(CompletableFuture<T> reply, Supplier<T> result) {
    /** Computes the reply now (on the loop); the returned action completes it later. */
    Consumer<Throwable> resolve(RuntimeException passFailure) {
      T value;
      try {
        if (passFailure != null) {
          throw passFailure;
        }
        value = result.get();
      } catch (RuntimeException e) {
        return error -> reply.completeExceptionally(e);
      }
      return error -> {
        if (error == null) {
          reply.complete(value);
        } else {
          reply.completeExceptionally(error);
        }
      };
    }
  }

  /** A pending timer. Loop thread only. */
  final class Timer {
    private final Instant when;
    private final Consumer<Changes> event;
    private ScheduledFuture<?> future;
    private boolean cancelled;

    private Timer(Instant when, Consumer<Changes> event) {
      this.when = when;
      this.event = event;
    }

    Instant when() {
      return when;
    }

    void cancel() {
      cancelled = true;
      timers.remove(this);
      if (future != null) {
        future.cancel(false);
      }
    }
  }
}
