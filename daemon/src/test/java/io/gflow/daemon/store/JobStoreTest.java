package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.NOW;
import static io.gflow.daemon.store.StoreFixtures.commandSpec;
import static io.gflow.daemon.store.StoreFixtures.fullJob;
import static io.gflow.daemon.store.StoreFixtures.ids;
import static io.gflow.daemon.store.StoreFixtures.job;
import static io.gflow.daemon.store.StoreFixtures.pendingJobs;
import static io.gflow.daemon.store.StoreFixtures.scriptSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writes and reads through the store: round trips, ids, settings, purge, close. */
class JobStoreTest {
  @TempDir Path dir;

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  private JobStore open() throws IOException {
    return JobStore.open(dir.resolve("gflow.db"), CLOCK);
  }

  /** A job of {@code user}'s named {@code name}, submitted at {@code time}. */
  private static Job submitted(long id, String user, String name, Instant time) {
    return Job.submitted(
        id, null, null, new Owner(1000, 1000, user), StoreFixtures.spec(name), false, time);
  }

  /** Inserts the one job {@code job} makes of its id; returns it. */
  private static Job insertOne(JobStore store, LongFunction<Job> job) {
    return store.insert(1, first -> List.of(job.apply(first))).join().get(0);
  }

  @Test
  @Timeout(30)
  void insert_fullJobs_everyFieldRoundTrips() throws Exception {
    List<Job> inserted;
    try (JobStore store = open()) {
      inserted =
          store
              .insert(
                  2,
                  first ->
                      List.of(fullJob(first, 0, commandSpec()), fullJob(first, 1, scriptSpec())))
              .join();
      assertEquals(inserted.get(0), store.get(inserted.get(0).id()).orElseThrow());
      assertEquals(inserted.get(1), store.get(inserted.get(1).id()).orElseThrow());
    }
    try (JobStore store = open()) {
      assertEquals(inserted, store.list(JobQuery.all(10)));
    }
  }

  @Test
  @Timeout(30)
  void insert_subMillisecondTimes_truncatedToMillis() throws Exception {
    Instant precise = NOW.plusNanos(123_456_789);
    try (JobStore store = open()) {
      Job job = insertOne(store, id -> submitted(id, "alice", "x", precise));
      assertEquals(
          precise.truncatedTo(ChronoUnit.MILLIS), store.get(job.id()).orElseThrow().submitTime());
    }
  }

  @Test
  @Timeout(30)
  void insert_textBeyondAsciiAndEmpty_readBackUnchanged() throws Exception {
    try (JobStore store = open()) {
      Job job =
          insertOne(
              store,
              id -> submitted(id, "jösé", "ünï \u2028 😀", NOW).withState(JobState.HELD, ""));
      assertEquals(job, store.get(job.id()).orElseThrow());
      assertEquals(List.of(JobSummary.of(job)), store.listSummaries(JobQuery.all(10)));
    }
  }

  @Test
  @Timeout(30)
  void insert_afterPurgeAndReopen_idsNeverReused() throws Exception {
    long lastId;
    try (JobStore store = open()) {
      assertEquals(
          List.of(1L, 2L, 3L), ids(store.insert(3, first -> pendingJobs(first, 3, 7)).join()));
      Job finished = job(3, 7, JobState.COMPLETED);
      store.save(List.of(finished)).join();
      assertEquals(1, store.purgeFinishedBefore(NOW.plus(Duration.ofDays(1))));
      assertTrue(store.get(3).isEmpty());
      assertEquals(List.of(4L), ids(store.insert(1, first -> pendingJobs(first, 1, 7)).join()));
      store.save(List.of(job(4, 7, JobState.FAILED))).join();
      assertEquals(1, store.purgeFinishedBefore(NOW.plus(Duration.ofDays(1))));
      lastId = store.maxId();
      assertEquals(4, lastId);
    }
    try (JobStore store = open()) {
      assertEquals(4, store.maxId());
      assertEquals(List.of(5L, 6L), ids(store.insert(2, first -> pendingJobs(first, 2, 7)).join()));
    }
  }

  @Test
  @Timeout(30)
  void insert_array_tasksShareFirstIdAsArrayJobId() throws Exception {
    try (JobStore store = open()) {
      store.insert(1, first -> pendingJobs(first, 1, 7)).join();
      List<Job> tasks =
          store
              .insert(
                  4,
                  first ->
                      java.util.stream.IntStream.range(0, 4)
                          .mapToObj(task -> fullJob(first, task, commandSpec()))
                          .toList())
              .join();
      assertEquals(List.of(2L, 3L, 4L, 5L), ids(tasks));
      for (Job task : tasks) {
        assertEquals(2L, task.arrayJobId());
        assertEquals(task, store.get(task.id()).orElseThrow());
      }
    }
  }

  @Test
  @Timeout(30)
  void insert_buildGivesWrongIds_failsOnlyThatInsert() throws Exception {
    try (JobStore store = open()) {
      var wrong = store.insert(2, first -> pendingJobs(first + 1, 2, 7));
      var thrown =
          store.insert(
              1,
              first -> {
                throw new IllegalStateException("boom");
              });
      var fine = store.insert(2, first -> pendingJobs(first, 2, 7));
      CompletionException wrongFailure = assertThrows(CompletionException.class, wrong::join);
      assertInstanceOf(IllegalArgumentException.class, wrongFailure.getCause());
      CompletionException thrownFailure = assertThrows(CompletionException.class, thrown::join);
      assertEquals("boom", thrownFailure.getCause().getMessage());
      List<Job> saved = fine.join();
      assertEquals(saved, store.list(JobQuery.all(10)));
      assertEquals(saved.get(1).id(), store.maxId());
    }
  }

  @Test
  @Timeout(30)
  void save_transitions_persistAcrossReopen() throws Exception {
    try (JobStore store = open()) {
      store.insert(3, first -> pendingJobs(first, 3, 7)).join();
      store.save(List.of(job(1, 7, JobState.RUNNING), job(2, 7, JobState.CANCELLED))).join();
    }
    try (JobStore store = open()) {
      assertEquals(JobState.RUNNING, store.get(1).orElseThrow().state());
      assertEquals(List.of(0), store.get(1).orElseThrow().assignedGpus());
      assertEquals(JobState.CANCELLED, store.get(2).orElseThrow().state());
      assertEquals(JobState.PENDING, store.get(3).orElseThrow().state());
    }
  }

  @Test
  @Timeout(30)
  void putSetting_reopen_valueSurvivesAndOverwrites() throws Exception {
    try (JobStore store = open()) {
      store.putSetting("drain", "false").join();
      store.putSetting("gpu_allow", "[0, 1]").join();
      store.putSetting("drain", "{\"on\": true, \"by\": \"root\"}").join();
    }
    try (JobStore store = open()) {
      assertEquals("{\"on\":true,\"by\":\"root\"}", store.setting("drain").orElseThrow());
      assertEquals("[0,1]", store.setting("gpu_allow").orElseThrow());
      assertTrue(store.setting("missing").isEmpty());
    }
  }

  @Test
  @Timeout(30)
  void putSetting_notJson_throws() throws Exception {
    try (JobStore store = open()) {
      assertThrows(IllegalArgumentException.class, () -> store.putSetting("x", "{nope"));
      assertThrows(IllegalArgumentException.class, () -> store.putSetting("", "1"));
    }
  }

  @Test
  @Timeout(30)
  void purgeFinishedBefore_keepsUnfinishedAndRecentJobs() throws Exception {
    try (JobStore store = open()) {
      store.insert(4, first -> pendingJobs(first, 4, 7)).join();
      Job oldDone = job(1, 7, JobState.COMPLETED);
      Job recentDone =
          job(2, 7, JobState.RUNNING)
              .finished(JobState.FAILED, null, NOW.plus(Duration.ofDays(2)), ExitStatus.exited(1));
      store.save(List.of(oldDone, recentDone, job(3, 7, JobState.RUNNING))).join();
      assertEquals(1, store.purgeFinishedBefore(NOW.plus(Duration.ofDays(1))));
      assertEquals(List.of(2L, 3L, 4L), ids(store.list(JobQuery.all(10))));
    }
  }

  @Test
  @Timeout(30)
  void close_twice_harmlessAndLaterWritesUnavailable() throws Exception {
    JobStore store = open();
    var queued = store.insert(1, first -> pendingJobs(first, 1, 7));
    store.close();
    store.close();
    assertEquals(1, queued.join().size(), "a write queued before close is still committed");
    CompletionException late =
        assertThrows(CompletionException.class, () -> store.putSetting("x", "1").join());
    assertEquals(ErrorCode.UNAVAILABLE, ((RpcException) late.getCause()).code());
    RpcException read = assertThrows(RpcException.class, () -> store.get(1));
    assertEquals(ErrorCode.UNAVAILABLE, read.code());
  }
}
