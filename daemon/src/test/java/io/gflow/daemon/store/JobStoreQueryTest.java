package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.NOW;
import static io.gflow.daemon.store.StoreFixtures.ids;
import static io.gflow.daemon.store.StoreFixtures.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing, paging and counting over a small fixed set: ids 1–16, uid 100 + id % 2, state by id % 8
 * in {@link JobState} order.
 */
class JobStoreQueryTest {
  private static final JobState[] STATES = JobState.values();

  @TempDir Path dir;

  private JobStore store;

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @BeforeEach
  void fill() throws Exception {
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
    store
        .insert(
            16,
            first -> {
              List<Job> jobs = new ArrayList<>();
              for (long id = first; id < first + 16; id++) {
                jobs.add(job(id, 100 + id % 2, STATES[(int) (id % STATES.length)]));
              }
              return jobs;
            })
        .join();
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private List<Long> list(
      Set<Long> uids, Set<JobState> states, Set<Long> ids, Set<String> names, int limit) {
    return ids(store.list(new JobQuery(uids, states, ids, names, null, limit, 0)));
  }

  @Test
  @Timeout(30)
  void listWithoutEnv_sameJobsAsListWithAnEmptyEnvironment() {
    JobQuery query =
        new JobQuery(Set.of(101L), Set.of(), Set.of(), Set.of(), null, 5, 2); // paged, filtered
    List<Job> jobs = store.list(query);
    assertEquals(5, jobs.size());
    assertEquals(
        jobs.stream().map(job -> job.withSpec(SpecReaderTest.withoutEnv(job.spec()))).toList(),
        store.listWithoutEnv(query).stream().map(StoredJob::decode).toList());
    assertEquals(ids(jobs), store.listWithoutEnv(query).stream().map(StoredJob::id).toList());
  }

  @Test
  @Timeout(30)
  void listSummaries_sameJobsAndColumnsAsList() {
    JobQuery query =
        new JobQuery(Set.of(101L), Set.of(), Set.of(), Set.of(), null, 5, 2); // paged, filtered
    List<Job> jobs = store.list(query);
    List<JobSummary> summaries = store.listSummaries(query);

    assertEquals(5, jobs.size());
    assertEquals(jobs.size(), summaries.size());
    for (int index = 0; index < jobs.size(); index++) {
      assertEquals(JobSummary.of(jobs.get(index)), summaries.get(index));
    }
  }

  @Test
  @Timeout(30)
  void list_noFilters_allInIdOrder() {
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L),
        list(Set.of(), Set.of(), Set.of(), Set.of(), 100));
  }

  @Test
  @Timeout(30)
  void list_eachFilter_onlyMatchingJobs() {
    assertEquals(List.of(8L, 16L), list(Set.of(), Set.of(JobState.PENDING), Set.of(), Set.of(), 9));
    assertEquals(
        List.of(1L, 2L, 9L, 10L),
        list(Set.of(), Set.of(JobState.HELD, JobState.RUNNING), Set.of(), Set.of(), 9));
    assertEquals(List.of(1L, 3L, 5L), list(Set.of(101L), Set.of(), Set.of(), Set.of(), 3));
    assertEquals(List.of(1L, 9L), list(Set.of(101L), Set.of(JobState.HELD), Set.of(), Set.of(), 9));
    assertEquals(List.of(2L, 7L), list(Set.of(), Set.of(), Set.of(7L, 2L, 99L), Set.of(), 9));
    assertEquals(List.of(4L), list(Set.of(), Set.of(), Set.of(), Set.of("job4", "nope"), 9));
    assertEquals(List.of(), list(Set.of(100L), Set.of(), Set.of(3L), Set.of(), 9));
  }

  @Test
  @Timeout(30)
  void list_pages_coverEveryMatchOnce() {
    JobQuery page = new JobQuery(Set.of(100L), Set.of(), Set.of(), Set.of(), null, 3, 0);
    List<Long> seen = new ArrayList<>();
    List<Job> jobs;
    while (!(jobs = store.list(page)).isEmpty()) {
      seen.addAll(ids(jobs));
      page = page.after(jobs.get(jobs.size() - 1).id());
    }
    assertEquals(List.of(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L), seen);
  }

  @Test
  @Timeout(30)
  void list_onlyUnfinishedStates_walksTheUnfinishedIndexesInIdOrderWithoutSorting()
      throws Exception {
    Set<JobState> unfinished = Set.of(JobState.PENDING, JobState.HELD, JobState.RUNNING);
    JobQuery queued = new JobQuery(Set.of(), unfinished, Set.of(), Set.of(), null, 9, 0);
    JobQuery mine = new JobQuery(Set.of(100L), unfinished, Set.of(), Set.of(), null, 9, 0);
    JobQuery minePending =
        new JobQuery(Set.of(100L), Set.of(JobState.PENDING), Set.of(), Set.of(), null, 9, 3);
    JobQuery ours = new JobQuery(Set.of(100L, 101L), unfinished, Set.of(), Set.of(), null, 9, 0);

    // Left to itself, SQLite walks every job in id order for these (gqueue's default listing).
    for (JobQuery query : List.of(queued, mine, minePending, ours)) {
      assertTrue(plan(query).contains("USING INDEX jobs_unfinished (id>?)"), plan(query));
      assertFalse(plan(query).contains("TEMP B-TREE"), plan(query));
    }
    assertEquals(List.of(1L, 2L, 8L, 9L, 10L, 16L), ids(store.list(queued)));
    assertEquals(List.of(1L, 2L, 8L, 9L, 10L, 16L), ids(store.list(ours)));
    assertEquals(List.of(2L, 8L, 10L, 16L), ids(store.list(mine)));
    assertEquals(List.of(8L, 16L), ids(store.list(minePending)));
  }

  @Test
  @Timeout(30)
  void loadUnfinished_walksTheUnfinishedIndexNotEveryJob() throws Exception {
    assertEquals(
        "SCAN jobs USING INDEX jobs_unfinished\n",
        StoreFixtures.queryPlan(
            dir.resolve("gflow.db"), StoreReader.loadUnfinishedSql(), List.of()));
  }

  @Test
  @Timeout(30)
  void list_oneUserEveryState_readsTheUidIndexInIdOrderWithoutSorting() throws Exception {
    JobQuery all = new JobQuery(Set.of(100L), Set.of(), Set.of(), Set.of(), null, 9, 4);

    // jobs_by_uid_state would need every job of the user sorted by id for each page.
    assertTrue(plan(all).contains("USING INDEX jobs_by_uid "), plan(all));
    assertFalse(plan(all).contains("TEMP B-TREE"), plan(all));
    assertEquals(List.of(6L, 8L, 10L, 12L, 14L, 16L), ids(store.list(all)));
  }

  private String plan(JobQuery query) throws Exception {
    List<Object> arguments = new ArrayList<>();
    String sql = StoreReader.listSql(query, arguments);
    return StoreFixtures.queryPlan(dir.resolve("gflow.db"), sql, arguments);
  }

  @Test
  @Timeout(30)
  void list_since_endedOrSubmittedAtOrAfter() throws Exception {
    Instant later = NOW.plusSeconds(100);
    Job lateSubmit = job(16, 100, JobState.PENDING);
    store
        .save(
            List.of(
                new Job(
                    lateSubmit.id(),
                    null,
                    null,
                    lateSubmit.owner(),
                    lateSubmit.spec(),
                    JobState.PENDING,
                    null,
                    later,
                    null,
                    null,
                    null,
                    List.of(),
                    0,
                    0),
                job(11, 101, JobState.RUNNING).finished(JobState.FAILED, null, later, null)))
        .join();
    JobQuery since = new JobQuery(Set.of(), Set.of(), Set.of(), Set.of(), later, 100, 0);
    assertEquals(List.of(11L, 16L), ids(store.list(since)));
  }

  @Test
  @Timeout(30)
  void loadUnfinished_onlyPendingHeldRunning() {
    assertEquals(List.of(1L, 2L, 8L, 9L, 10L, 16L), ids(store.loadUnfinished()));
  }

  @Test
  @Timeout(30)
  void countByState_everyStateCounted() {
    Map<JobState, Long> expected = new EnumMap<>(JobState.class);
    for (JobState state : STATES) {
      expected.put(state, 2L);
    }
    assertEquals(expected, store.countByState());
  }
}
