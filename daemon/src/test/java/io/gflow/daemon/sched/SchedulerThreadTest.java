package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler on its real loop thread, fed from many threads at once. */
@Timeout(20)
class SchedulerThreadTest {
  private final ScheduledExecutorService executor = Scheduler.newLoopExecutor();
  private final FakeLauncher launcher = new FakeLauncher();
  private final FakeStateSink sink = new FakeStateSink();
  private final Scheduler scheduler =
      new Scheduler(
          executor,
          Clock.systemUTC(),
          launcher,
          sink,
          sink::find,
          Resources.cpuOnly(4),
          Scheduler.DEFAULT_KILL_GRACE);

  @AfterEach
  void stop() throws InterruptedException {
    scheduler.close();
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void submitted_fromManyThreads_allRunOnTheLoopThreadAndFinish() {
    List<CompletableFuture<List<Job>>> replies = new ArrayList<>();
    for (long id = 1; id <= 40; id++) {
      Job job = spec().job(id);
      replies.add(CompletableFuture.supplyAsync(() -> scheduler.submitted(List.of(job))).join());
    }
    replies.forEach(CompletableFuture::join);

    for (int round = 0; round < 10; round++) {
      List<Long> running =
          scheduler.liveJobs().join().stream()
              .filter(job -> job.state() == JobState.RUNNING)
              .map(Job::id)
              .toList();
      assertEquals(4, running.size());
      List<CompletableFuture<List<Job>>> exits = new ArrayList<>();
      running.forEach(id -> exits.add(scheduler.exited(id, ExitStatus.exited(0), null)));
      exits.forEach(CompletableFuture::join);
    }

    assertEquals(List.of(), scheduler.liveJobs().join());
    assertEquals(40, launcher.launches.size());
    launcher.launches.forEach(launch -> assertEquals(Scheduler.THREAD_NAME, launch.thread()));
    for (long id = 1; id <= 40; id++) {
      assertEquals(JobState.COMPLETED, sink.stored(id).state());
    }
  }
}
