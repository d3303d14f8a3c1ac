package io.gflow.daemon.sched;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A scheduler on a {@link ManualExecutor} with a fake clock, launcher and store, stepped by the
 * test. Not thread-safe: the test thread only.
 */
final class SchedulerFixture {
  static final Duration KILL_GRACE = Duration.ofSeconds(10);

  final FakeClock clock = new FakeClock();
  final ManualExecutor executor = new ManualExecutor(clock);
  final FakeLauncher launcher = new FakeLauncher();
  final FakeStateSink sink = new FakeStateSink();
  final Scheduler scheduler;

  SchedulerFixture(Resources resources) {
    scheduler = new Scheduler(executor, clock, launcher, sink, sink::find, resources, KILL_GRACE);
  }

  /** Runs the loop until idle; the future must then be complete. */
  <T> T await(CompletableFuture<T> future) {
    executor.runReady();
    assertTrue(future.isDone(), "the reply should be complete once the loop is idle");
    return future.join();
  }

  List<Job> submit(Job... jobs) {
    sink.inserted(List.of(jobs));
    return await(scheduler.submitted(List.of(jobs)));
  }

  List<Job> exit(long id, int code) {
    return await(scheduler.exited(id, ExitStatus.exited(code), null));
  }

  List<Job> killed(long id, int signal) {
    return await(scheduler.exited(id, ExitStatus.killed(signal), null));
  }

  List<Outcome> cancel(long... ids) {
    return await(scheduler.cancel(boxed(ids), "bob"));
  }

  /** The job as last handed to the store. */
  Job job(long id) {
    return sink.stored(id);
  }

  JobState state(long id) {
    return job(id).state();
  }

  String reason(long id) {
    return job(id).reason();
  }

  void advance(Duration duration) {
    executor.advance(duration);
  }

  static List<Long> boxed(long... ids) {
    return java.util.Arrays.stream(ids).boxed().toList();
  }
}
