package io.gflow.daemon.sched;

import io.gflow.daemon.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor that runs nothing until the test steps it: {@link #runReady()} runs queued
 * tasks and due timers on the calling thread, {@link #advance} moves the {@link FakeClock} and
 * fires timers in order. Not thread-safe: the test thread only.
 */
final class ManualExecutor extends AbstractExecutorService implements ScheduledExecutorService {
  private final FakeClock clock;
  private final Deque<Runnable> ready = new ArrayDeque<>();
  private final List<Timer> timers = new ArrayList<>();
  private long sequence;
  private boolean shutdown;

  ManualExecutor(FakeClock clock) {
    this.clock = clock;
  }

  /** Runs queued tasks and timers already due until nothing is left to run now. */
  void runReady() {
    while (true) {
      if (!ready.isEmpty()) {
        ready.poll().run();
        continue;
      }
      Timer due = nextTimer(clock.instant());
      if (due == null) {
        return;
      }
      timers.remove(due);
      due.task.run();
    }
  }

  /** Moves the clock forward, firing each timer at its own time, then runs what is ready. */
  void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    runReady();
    Timer due;
    while ((due = nextTimer(target)) != null) {
      if (due.due.isAfter(clock.instant())) {
        clock.set(due.due);
      }
      runReady();
    }
    clock.set(target);
    runReady();
  }

  int pendingTimers() {
    return (int) timers.stream().filter(timer -> !timer.cancelled).count();
  }

  private Timer nextTimer(Instant notAfter) {
    timers.removeIf(timer -> timer.cancelled);
    return timers.stream()
        .filter(timer -> !timer.due.isAfter(notAfter))
        .min(Comparator.comparing((Timer timer) -> timer.due).thenComparingLong(t -> t.sequence))
        .orElse(null);
  }

  @Override
  public void execute(Runnable command) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    ready.add(command);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Timer timer = new Timer(clock.instant().plusNanos(unit.toNanos(delay)), sequence++, command);
    timers.add(timer);
    return timer;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(ready);
    ready.clear();
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && ready.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  /** A task due at a fake-clock instant. */
  private final class Timer implements ScheduledFuture<Object> {
    private final Instant due;
    private final long sequence;
    private final Runnable task;
    private boolean cancelled;

    Timer(Instant due, long sequence, Runnable task) {
      this.due = due;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean wasPending = !cancelled && timers.contains(this);
      cancelled = true;
      return wasPending;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled || !timers.contains(this);
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
