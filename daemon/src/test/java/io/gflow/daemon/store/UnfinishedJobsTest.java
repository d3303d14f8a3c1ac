package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.NOW;
import static io.gflow.daemon.store.StoreFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unfinished jobs a store keeps in memory: a listing of unfinished jobs read there returns what
 * SQLite holds, job for job and member for member, through inserts, state changes, rolled-back
 * writes and a reopening.
 */
class UnfinishedJobsTest {
  private static final int SQLITE_FULL = 13;
  private static final int JOBS = 400;
  private static final String[] NAMES = {"train", "eval", "train-2", "é"};
  private static final Set<JobState> UNFINISHED =
      EnumSet.of(JobState.PENDING, JobState.HELD, JobState.RUNNING);

  @TempDir Path dir;

  private JobStore store;
  private final Random random = new Random(2026);

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @BeforeEach
  void open() throws Exception {
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  @Timeout(120)
  void listSummaries_throughWritesAndAReopening_sameAsSqlite() throws Exception {
    List<Job> jobs = new ArrayList<>(store.insert(JOBS, this::newJobs).join());
    assertSameAsSqlite(300);
    for (int round = 0; round < 6; round++) {
      List<Job> changed = new ArrayList<>();
      for (int i = 0; i < JOBS / 4; i++) {
        int index = random.nextInt(jobs.size());
        Job next = moved(jobs.get(index));
        jobs.set(index, next);
        changed.add(next);
      }
      store.save(changed).join();
      assertSameAsSqlite(100);
    }
    int unfinished = store.listSummaries(query(UNFINISHED, JOBS)).size();
    assertTrue(unfinished > 20 && unfinished < JOBS - 20, unfinished + " unfinished");

    store.close();
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
    assertSameAsSqlite(300);
  }

  @Test
  @Timeout(60)
  void listSummaries_aGroupThatFailedAfterASave_leftOut() throws Exception {
    Job pending = store.insert(1, first -> List.of(job(first, 100, 0))).join().get(0);
    CountDownLatch release = new CountDownLatch(1);
    StoreFixtures.holdWriter(store, release);
    // Saved, then the storage fails within the same group: nothing of the group is kept.
    CompletableFuture<Void> held =
        store.save(List.of(pending.withState(JobState.HELD, "JobHeldUser")));
    CompletableFuture<Object> full =
        store.inTransaction(
            context -> {
              throw new SQLException("database or disk is full", null, SQLITE_FULL);
            });
    release.countDown();
    assertThrows(CompletionException.class, held::join);
    assertThrows(CompletionException.class, full::join);
    assertUnchangedThenANewJob(pending);
  }

  @Test
  @Timeout(60)
  void listSummaries_aWriteUndoneInItsSavepoint_leftOut() {
    Job pending = store.insert(1, first -> List.of(job(first, 100, 0))).join().get(0);
    CompletionException undone =
        assertThrows(
            CompletionException.class,
            () ->
                store
                    .inTransaction(
                        context -> {
                          context.upsert(List.of(pending.withState(JobState.HELD, "JobHeldUser")));
                          throw new IllegalStateException("refused after its upsert");
                        })
                    .join());
    assertTrue(undone.getMessage().contains("refused after its upsert"), undone.getMessage());
    assertUnchangedThenANewJob(pending);
  }

  @Test
  @Timeout(60)
  void listSummaries_aJobThatFinished_goneOnceItsSaveCompletes() {
    Job running =
        store
            .insert(1, first -> List.of(job(first, 100, 0)))
            .join()
            .get(0)
            .started(NOW.plusNanos(1_500_001), 10, 20, List.of(1, 0));
    store.save(List.of(running)).join();
    assertEquals(List.of(JobRows.asRead(running)), store.listSummaries(query(UNFINISHED, 10)));
    assertEquals(
        Instant.parse("2030-01-01T00:00:00.001Z"),
        store.listSummaries(query(UNFINISHED, 10)).get(0).startTime(),
        "times as SQLite keeps them, to the millisecond");

    store.save(List.of(running.finished(JobState.FAILED, null, NOW, ExitStatus.killed(9)))).join();
    assertEquals(List.of(), store.listSummaries(query(UNFINISHED, 10)));
  }

  @Test
  void onlyUnfinished_statesThatAreNotTerminal() {
    assertTrue(query(EnumSet.of(JobState.HELD), 5).onlyUnfinished());
    assertTrue(query(UNFINISHED, 5).onlyUnfinished());
    assertFalse(query(Set.of(), 5).onlyUnfinished(), "every state");
    assertFalse(query(EnumSet.of(JobState.PENDING, JobState.COMPLETED), 5).onlyUnfinished());
  }

  /**
   * After a write of {@code pending} that did not stick: a new job is committed, and the listing
   * holds {@code pending} as first stored, then the new job (a write left over would now show).
   */
  private void assertUnchangedThenANewJob(Job pending) {
    Job next = store.insert(1, first -> List.of(job(first, 101, 0))).join().get(0);
    assertEquals(
        List.of(JobRows.asRead(pending), JobRows.asRead(next)),
        store.listSummaries(query(UNFINISHED, 10)));
    assertSameAsSqlite(20);
  }

  /**
   * Random queries for unfinished jobs, each filter sometimes set, answered from memory and from
   * SQLite alike; the first pages of every kind and later pages at random ids.
   */
  private void assertSameAsSqlite(int queries) {
    for (int round = 0; round < queries; round++) {
      Set<JobState> states = EnumSet.noneOf(JobState.class);
      while (states.isEmpty()) {
        for (JobState state : UNFINISHED) {
          if (random.nextBoolean()) {
            states.add(state);
          }
        }
      }
      Set<Long> uids = new HashSet<>();
      Set<Long> ids = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        uids.add(100L + random.nextInt(5));
      }
      if (random.nextInt(4) == 0) {
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
          ids.add(1L + random.nextInt(JOBS + 5));
        }
      }
      for (int i = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
        names.add(NAMES[random.nextInt(NAMES.length)]);
      }
      Instant since =
          random.nextInt(3) == 0 ? NOW.plusMillis(random.nextInt(4_000) - 500).plusNanos(7) : null;
      JobQuery query =
          new JobQuery(
              uids,
              states,
              ids,
              names,
              since,
              1 + random.nextInt(round % 2 == 0 ? JOBS : 20),
              round % 3 == 0 ? 0 : random.nextInt(JOBS + 5));
      assertTrue(query.onlyUnfinished());
      assertEquals(
          store.listSummariesFromSqlite(query), store.listSummaries(query), query.toString());
    }
  }

  private static JobQuery query(Set<JobState> states, int limit) {
    return new JobQuery(Set.of(), states, Set.of(), Set.of(), null, limit, 0);
  }

  /** Jobs of five users, some array tasks, submitted within 3 s of NOW at sub-millisecond times. */
  private List<Job> newJobs(long first) {
    List<Job> jobs = new ArrayList<>();
    for (long id = first; id < first + JOBS; id++) {
      Job job = job(id, 100 + random.nextInt(5), random.nextLong(3_000_000_000L));
      jobs.add(random.nextInt(5) == 0 ? job.withState(JobState.HELD, "JobHeldUser") : job);
    }
    return jobs;
  }

  private Job job(long id, long uid, long submitNanos) {
    boolean task = random.nextInt(4) == 0;
    return Job.submitted(
        id,
        task ? id - id % 10 : null,
        task ? (int) (id % 10) : null,
        new Owner(uid, uid + 1, "user" + uid),
        spec(NAMES[random.nextInt(NAMES.length)], random.nextInt(3), random.nextInt(101)),
        false,
        NOW.plusNanos(submitNanos));
  }

  /** The job one step further: held or released, started, or finished in some way. */
  private Job moved(Job job) {
    Instant at = NOW.plusNanos(random.nextLong(4_000_000_000L) + 1);
    return switch (job.state()) {
      case PENDING ->
          switch (random.nextInt(3)) {
            case 0 -> job.withState(JobState.HELD, "JobHeldAdmin");
            case 1 -> job.withState(JobState.PENDING, "Priority");
            default ->
                job.started(at, 1000 + job.id(), 7, job.spec().gpus() > 0 ? List.of(1) : List.of());
          };
      case HELD -> job.withState(JobState.PENDING, null);
      case RUNNING ->
          random.nextBoolean()
              ? job.finished(JobState.COMPLETED, null, at, ExitStatus.exited(0))
              : job.finished(JobState.TIMEOUT, "TimeLimit", at, ExitStatus.killed(15));
      default -> job; // finished: saved again unchanged
    };
  }
}
