package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.NOW;
import static io.gflow.daemon.store.StoreFixtures.job;
import static io.gflow.daemon.store.StoreFixtures.pendingJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Storage that refuses writes, simulated on the writer connection: full disk, read-only. */
class JobStoreFailureTest {
  @TempDir Path dir;

  private JobStore store;

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @BeforeEach
  void openStore() throws Exception {
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
    store.insert(3, first -> pendingJobs(first, 3, 7)).join();
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  @Test
  @Timeout(60)
  void insert_diskFull_unavailableNothingSavedAndRecoversWhenSpaceReturns() throws Exception {
    Map<JobState, Long> countsBefore = store.countByState();
    long pages = writerPragma("PRAGMA page_count");
    writerPragma("PRAGMA max_page_count = " + pages);

    CompletableFuture<List<Job>> big = store.insert(50, first -> bigJobs(first, 50));
    CompletableFuture<Void> mixed =
        store.save(List.of(job(1, 7, JobState.CANCELLED), bigJobs(100, 1).get(0)));
    assertUnavailable(big);
    assertUnavailable(mixed);

    // Nothing half-applied, and reads still work.
    assertEquals(3, store.maxId());
    assertEquals(countsBefore, store.countByState());
    assertEquals(JobState.PENDING, store.get(1).orElseThrow().state());
    assertTrue(store.get(100).isEmpty());
    assertEquals(3, store.list(JobQuery.all(100)).size());

    writerPragma("PRAGMA max_page_count = 1073741823");
    List<Job> saved = store.insert(50, first -> bigJobs(first, 50)).join();
    assertEquals(4, saved.get(0).id(), "ids of the failed insert were never acknowledged");
    store.save(List.of(job(1, 7, JobState.CANCELLED))).join();
    assertEquals(JobState.CANCELLED, store.get(1).orElseThrow().state());
    assertEquals(53, store.list(JobQuery.all(100)).size());
  }

  @Test
  @Timeout(60)
  void write_readOnly_unavailableAndRecovers() throws Exception {
    writerPragma("PRAGMA query_only = ON");
    assertUnavailable(store.insert(1, first -> pendingJobs(first, 1, 7)));
    assertUnavailable(store.putSetting("drain", "true"));
    RpcException purge =
        assertThrows(RpcException.class, () -> store.purgeFinishedBefore(NOW.plusSeconds(9)));
    assertEquals(ErrorCode.UNAVAILABLE, purge.code());
    assertEquals(3, store.list(JobQuery.all(10)).size());

    writerPragma("PRAGMA query_only = OFF");
    assertEquals(4, store.insert(1, first -> pendingJobs(first, 1, 7)).join().get(0).id());
    store.putSetting("drain", "true").join();
    assertEquals("true", store.setting("drain").orElseThrow());
  }

  private void assertUnavailable(CompletableFuture<?> write) {
    CompletionException failure = assertThrows(CompletionException.class, write::join);
    RpcException cause = assertInstanceOf(RpcException.class, failure.getCause());
    assertEquals(ErrorCode.UNAVAILABLE, cause.code());
    assertTrue(
        cause.getMessage().startsWith("job store is read-only or full: nothing was saved ("),
        cause.getMessage());
    assertTrue(
        cause.getMessage().endsWith("; free space or fix permissions on " + store.file()),
        cause.getMessage());
  }

  /** Runs a pragma on the writer connection and returns its first column, or 0. */
  private long writerPragma(String sql) {
    return store
        .onWriterConnection(
            context -> {
              try (Statement statement = context.connection().createStatement()) {
                if (!statement.execute(sql)) {
                  return 0L;
                }
                try (ResultSet result = statement.getResultSet()) {
                  return result.next() ? result.getLong(1) : 0L;
                }
              }
            })
        .join();
  }

  private static JobSpec bigSpec(String script) {
    JobSpec small = StoreFixtures.scriptSpec();
    return new JobSpec(
        null,
        script,
        small.name(),
        small.cwd(),
        small.env(),
        small.gpus(),
        small.priority(),
        small.timeLimit(),
        small.begin(),
        small.dependsOn(),
        small.dependencyMode(),
        small.autoCancel(),
        small.group(),
        small.project(),
        small.output(),
        small.error(),
        small.arrayThrottle());
  }

  /** Jobs with 20 KB scripts each: far more than fits in the pages left. */
  private static List<Job> bigJobs(long first, int count) {
    String script = "#!/bin/sh\n" + "x".repeat(20_000);
    return LongStream.range(first, first + count)
        .mapToObj(
            id ->
                Job.submitted(
                    id, null, null, new Owner(7, 7, "user7"), bigSpec(script), false, NOW))
        .toList();
  }
}
