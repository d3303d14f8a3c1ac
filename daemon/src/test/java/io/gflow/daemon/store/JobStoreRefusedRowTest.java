package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.ids;
import static io.gflow.daemon.store.StoreFixtures.job;
import static io.gflow.daemon.store.StoreFixtures.pendingJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * A row the database refuses (here a trigger's RAISE after the row went in) fails only its own
 * insert, within a group of others: a single job's insert runs without a savepoint (SQLite undoes
 * the failed statement, row included), an array's in one (so that none of its rows stay).
 */
class JobStoreRefusedRowTest {
  private static final long REFUSED_UID = 666;

  @TempDir Path dir;

  private JobStore store;
  private final List<List<Long>> observed = new ArrayList<>();

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @BeforeEach
  void openStore() throws Exception {
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
    store.observeInserts(jobs -> observed.add(ids(jobs)));
    store
        .onWriterConnection(
            context -> {
              try (Statement statement = context.connection().createStatement()) {
                return statement.execute(
                    "CREATE TEMP TRIGGER refuse AFTER INSERT ON jobs WHEN NEW.uid = "
                        + REFUSED_UID
                        + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
              }
            })
        .join();
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  @Test
  @Timeout(30)
  void insert_oneRefusedJobInAGroup_onlyItFailsAndItsIdGoesToTheNext() throws Exception {
    CountDownLatch release = holdTheWriter();
    CompletableFuture<List<Job>> before = store.insert(1, first -> pendingJobs(first, 1, 7));
    CompletableFuture<List<Job>> refused =
        store.insert(1, first -> pendingJobs(first, 1, REFUSED_UID));
    CompletableFuture<List<Job>> after = store.insert(1, first -> pendingJobs(first, 1, 8));
    release.countDown();

    assertEquals(List.of(1L), ids(before.join()));
    assertRefused(refused);
    assertEquals(List.of(2L), ids(after.join()), "the refused insert's id is free again");
    assertEquals(List.of(List.of(1L, 2L)), observed);
    assertEquals(List.of(1L, 2L), ids(store.list(JobQuery.all(10))));
    assertEquals(2, store.commits(), "the holder's group, then the three inserts' one");
  }

  @Test
  @Timeout(30)
  void insert_arrayWithARefusedTask_noneOfItsRowsKept() throws Exception {
    CountDownLatch release = holdTheWriter();
    CompletableFuture<List<Job>> before = store.insert(1, first -> pendingJobs(first, 1, 7));
    CompletableFuture<List<Job>> refused =
        store.insert(
            3,
            first ->
                List.of(
                    job(first, 7, JobState.PENDING),
                    job(first + 1, 7, JobState.PENDING),
                    job(first + 2, REFUSED_UID, JobState.PENDING)));
    CompletableFuture<List<Job>> after = store.insert(2, first -> pendingJobs(first, 2, 8));
    release.countDown();

    assertEquals(List.of(1L), ids(before.join()));
    assertRefused(refused);
    assertEquals(List.of(2L, 3L), ids(after.join()));
    assertEquals(List.of(List.of(1L, 2L, 3L)), observed);
    assertEquals(List.of(1L, 2L, 3L), ids(store.list(JobQuery.all(10))));
  }

  @Test
  @Timeout(30)
  void insert_refusedAlone_nothingCommittedAndTheStoreGoesOn() throws Exception {
    assertRefused(store.insert(1, first -> pendingJobs(first, 1, REFUSED_UID)));
    assertEquals(List.of(), store.list(JobQuery.all(10)));
    List<Job> saved = store.insert(1, first -> pendingJobs(first, 1, 7)).join();
    assertEquals(List.of(1L), ids(saved));
    assertEquals(List.of(List.of(1L)), observed);
  }

  /** Keeps the writer in a group of its own until the returned latch is counted down. */
  private CountDownLatch holdTheWriter() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    StoreFixtures.holdWriter(store, release);
    return release;
  }

  private static void assertRefused(CompletableFuture<List<Job>> insert) {
    CompletionException failure = assertThrows(CompletionException.class, insert::join);
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(
        cause.getMessage().startsWith("job store rejected a write")
            && cause.getMessage().contains("refused by the test"),
        cause.getMessage());
  }
}
