package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.ids;
import static io.gflow.daemon.store.StoreFixtures.pendingJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
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

/** {@link JobStore#observeInserts}: once per commit, only committed inserts, before the replies. */
class JobStoreInsertObserverTest {
  @TempDir Path dir;

  private JobStore store;
  private final List<List<Long>> observed = new ArrayList<>();
  private final List<CompletableFuture<?>> doneWhenObserved = new ArrayList<>();
  private final List<Boolean> sawDone = new ArrayList<>();

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @BeforeEach
  void openStore() throws Exception {
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
    // Writer thread only; read after the futures complete, which orders the reads after it.
    store.observeInserts(
        jobs -> {
          observed.add(ids(jobs));
          doneWhenObserved.forEach(future -> sawDone.add(future.isDone()));
        });
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  @Test
  @Timeout(30)
  void insert_oneGroup_observedOnceBeforeAnyReplyWithoutTheFailedInsert() throws Exception {
    // Holds the writer in a group of its own while the next group queues up.
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> blocker = StoreFixtures.holdWriter(store, release);
    CompletableFuture<List<Job>> first = store.insert(2, start -> pendingJobs(start, 2, 7));
    // Inserts its rows, then fails: its savepoint is rolled back and its jobs not reported.
    CompletableFuture<Object> failing =
        store.inTransaction(
            context -> {
              context.insert(pendingJobs(context.allocateIds(3), 3, 7));
              throw new IllegalStateException("refused after inserting");
            });
    CompletableFuture<List<Job>> second = store.insert(1, start -> pendingJobs(start, 1, 8));
    doneWhenObserved.addAll(List.of(first, failing, second));
    release.countDown();

    blocker.join();
    assertEquals(List.of(1L, 2L), ids(first.join()));
    CompletionException failure = assertThrows(CompletionException.class, failing::join);
    assertEquals("refused after inserting", failure.getCause().getMessage());
    assertEquals(List.of(3L), ids(second.join()));
    assertEquals(List.of(List.of(1L, 2L, 3L)), observed, "one call for the one commit");
    assertEquals(List.of(false, false, false), sawDone, "observed before any future completed");
    assertEquals(2, store.commits(), "the blocker's group, then the one observed");
    assertEquals(List.of(1L, 2L, 3L), ids(store.list(JobQuery.all(10))));
  }

  @Test
  @Timeout(30)
  void insert_groupFails_nothingObservedAndTheNextCommitObservedAlone() throws Exception {
    store
        .onWriterConnection(
            context -> {
              try (Statement statement = context.connection().createStatement()) {
                return statement.execute("PRAGMA query_only = ON");
              }
            })
        .join();
    CompletionException refused =
        assertThrows(
            CompletionException.class,
            () -> store.insert(1, start -> pendingJobs(start, 1, 7)).join());
    assertEquals(
        ErrorCode.UNAVAILABLE, assertInstanceOf(RpcException.class, refused.getCause()).code());
    assertEquals(List.of(), observed);

    store
        .onWriterConnection(
            context -> {
              try (Statement statement = context.connection().createStatement()) {
                return statement.execute("PRAGMA query_only = OFF");
              }
            })
        .join();
    List<Job> saved = store.insert(1, start -> pendingJobs(start, 1, 7)).join();
    assertEquals(List.of(ids(saved)), observed);
    assertFalse(saved.isEmpty());
  }
}
