package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.ids;
import static io.gflow.daemon.store.StoreFixtures.job;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partial index of unfinished jobs: listings that use it return what a scan of every job would,
 * page after page.
 */
class JobStoreUnfinishedIndexTest {
  private static final JobState[] STATES = JobState.values();
  private static final int JOBS = 300;
  private static final long FIRST_UID = 100;

  @TempDir Path dir;

  private JobStore store;
  private List<Job> everyJob;

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @BeforeEach
  void fill() throws Exception {
    store = JobStore.open(dir.resolve("gflow.db"), CLOCK);
    Random random = new Random(8);
    store
        .insert(
            JOBS,
            first -> {
              List<Job> jobs = new ArrayList<>();
              for (long id = first; id < first + JOBS; id++) {
                // Mostly finished, as on a busy host.
                JobState state =
                    random.nextInt(4) == 0
                        ? STATES[random.nextInt(3)]
                        : STATES[random.nextInt(STATES.length)];
                jobs.add(job(id, FIRST_UID + random.nextInt(4), state));
              }
              return jobs;
            })
        .join();
    everyJob = store.list(JobQuery.all(JOBS + 1));
    assertEquals(JOBS, everyJob.size());
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void unfinished_namesEveryStateThatIsNotTerminal() {
    String states =
        Arrays.stream(STATES)
            .filter(state -> !state.isTerminal())
            .map(state -> "'" + state.wireName() + "'")
            .collect(Collectors.joining(", "));
    assertEquals("state IN (" + states + ")", Schema.UNFINISHED);
  }

  @Test
  @Timeout(60)
  void list_randomUidsStatesAndStarts_sameJobsAsAScanOfEveryJob() {
    Random random = new Random(88);
    for (int round = 0; round < 300; round++) {
      JobQuery query =
          new JobQuery(
              randomUids(random),
              randomStates(random),
              Set.of(),
              Set.of(),
              null,
              1 + random.nextInt(40),
              random.nextInt(JOBS + 10));
      assertEquals(scan(query), ids(store.list(query)), query.toString());
      assertEquals(
          scan(query),
          store.listSummaries(query).stream().map(JobSummary::id).toList(),
          query.toString());
    }
  }

  @Test
  @Timeout(60)
  void list_pagesOfUnfinishedJobs_coverEveryMatchOnceInIdOrder() {
    Random random = new Random(888);
    for (int round = 0; round < 20; round++) {
      JobQuery first =
          new JobQuery(
              randomUids(random),
              EnumSet.of(JobState.PENDING, JobState.HELD, JobState.RUNNING),
              Set.of(),
              Set.of(),
              null,
              1 + random.nextInt(20),
              0);
      List<Long> seen = new ArrayList<>();
      JobQuery query = first;
      List<Job> page;
      while (!(page = store.list(query)).isEmpty()) {
        seen.addAll(ids(page));
        query = query.after(page.get(page.size() - 1).id());
      }
      assertEquals(
          everyJob.stream().filter(job -> matches(first, job)).map(Job::id).toList(),
          seen,
          first.toString());
    }
  }

  /** Zero to three of the four owners, and sometimes a uid that owns nothing. */
  private static Set<Long> randomUids(Random random) {
    Set<Long> uids = new HashSet<>();
    int count = random.nextInt(4);
    for (int index = 0; index < count; index++) {
      uids.add(FIRST_UID + random.nextInt(5));
    }
    return uids;
  }

  /** Mostly unfinished states only (the partial index), sometimes with a terminal one. */
  private static Set<JobState> randomStates(Random random) {
    Set<JobState> states = EnumSet.noneOf(JobState.class);
    int count = 1 + random.nextInt(3);
    for (int index = 0; index < count; index++) {
      states.add(STATES[random.nextInt(3)]);
    }
    if (random.nextInt(5) == 0) {
      states.add(STATES[random.nextInt(STATES.length)]);
    }
    return states;
  }

  /** What the query returns, by looking at every job. */
  private List<Long> scan(JobQuery query) {
    return everyJob.stream()
        .filter(job -> matches(query, job))
        .filter(job -> job.id() > query.afterId())
        .limit(query.limit())
        .map(Job::id)
        .toList();
  }

  private static boolean matches(JobQuery query, Job job) {
    return (query.uids().isEmpty() || query.uids().contains(job.owner().uid()))
        && query.states().contains(job.state());
  }
}
