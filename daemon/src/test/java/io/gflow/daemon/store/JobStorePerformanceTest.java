package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sanity check that the indexes serve large tables, not a benchmark: bounds are generous. */
class JobStorePerformanceTest {
  private static final int JOBS = 100_000;
  private static final int BATCH = 1_000;
  private static final int USERS = 50;
  private static final long LIMIT_MILLIS = 2_000;

  @TempDir Path dir;

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  /** 10% pending, 5% running, the rest completed; owners round-robin over 50 users. */
  private static JobState stateOf(long id) {
    long bucket = id % 20;
    return bucket < 2 ? JobState.PENDING : bucket == 2 ? JobState.RUNNING : JobState.COMPLETED;
  }

  @Test
  @Timeout(300)
  void list_100kJobs_pagesByStateAndUidStayFast() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("gflow.db"), CLOCK)) {
      long started = System.nanoTime();
      List<CompletableFuture<List<Job>>> batches = new ArrayList<>();
      for (int b = 0; b < JOBS / BATCH; b++) {
        batches.add(
            store.insert(
                BATCH,
                first -> {
                  List<Job> jobs = new ArrayList<>(BATCH);
                  for (long id = first; id < first + BATCH; id++) {
                    jobs.add(job(id, 1000 + id % USERS, stateOf(id)));
                  }
                  return jobs;
                }));
      }
      batches.forEach(CompletableFuture::join);
      System.out.printf(
          "store perf: inserted %d jobs in %d ms (%d commits)%n",
          JOBS, (System.nanoTime() - started) / 1_000_000, store.commits());

      List<Job> pending =
          timed(
              "list(states={PENDING}, limit=1000)",
              () ->
                  store.list(
                      new JobQuery(
                          Set.of(), Set.of(JobState.PENDING), Set.of(), Set.of(), null, 1000, 0)));
      assertEquals(1000, pending.size());
      assertTrue(pending.stream().allMatch(job -> job.state() == JobState.PENDING));

      List<Job> byUid =
          timed(
              "list(uids={1007}, limit=1000, afterId=50000)",
              () ->
                  store.list(
                      new JobQuery(
                          Set.of(1007L), Set.of(), Set.of(), Set.of(), null, 1000, 50_000)));
      assertEquals(1000, byUid.size());
      assertTrue(byUid.stream().allMatch(job -> job.owner().uid() == 1007 && job.id() > 50_000));

      List<Job> byUidState =
          timed(
              "list(uids={1007}, states={RUNNING,PENDING}, limit=1000)",
              () ->
                  store.list(
                      new JobQuery(
                          Set.of(1007L),
                          Set.of(JobState.RUNNING, JobState.PENDING),
                          Set.of(),
                          Set.of(),
                          null,
                          1000,
                          0)));
      assertTrue(byUidState.stream().allMatch(job -> !job.isTerminal()));

      List<Job> unfinished = timed("loadUnfinished() of 15000", store::loadUnfinished);
      assertEquals(JOBS * 3 / 20, unfinished.size());

      Map<JobState, Long> counts = timed("countByState()", store::countByState);
      assertEquals(JOBS / 10, counts.get(JobState.PENDING));
      assertEquals(JOBS, timed("get(77777)", () -> store.get(77_777)).isPresent() ? JOBS : 0);
    }
  }

  /**
   * The best of a few runs: the first ones warm the JIT and each read connection's page cache, as a
   * running daemon's are.
   */
  private static <T> T timed(String what, Supplier<T> query) {
    T result = null;
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long started = System.nanoTime();
      result = query.get();
      best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
    }
    System.out.printf("store perf: %s took %d ms%n", what, best);
    assertTrue(best < LIMIT_MILLIS, what + " took " + best + " ms");
    return result;
  }
}
