package io.gflow.daemon.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link PendingJobs} against the full scan it replaces: over random sequences of submits, holds,
 * releases, updates, cancels, ends and clock ticks, every pass must start the same jobs on the same
 * GPUs, cancel the same doomed jobs, leave every pending job with the same reason and arm the same
 * begin timer as {@link SchedulingPolicy#plan} over all pending jobs. A pass that stops once the
 * slots are full must still start the same jobs and give each job it visits the same reason; only
 * the jobs it says it left out may keep an older reason, until the next whole pass.
 */
class PendingJobsTest {
  private static final Resources RESOURCES = Resources.of(3, List.of(0, 1, 2, 3));
  private static final Owner BOB = new Owner(1001, 1001, "bob");

  @Test
  void decidesAsTheFullScanOverRandomEventSequences() {
    int partial = 0;
    for (long seed = 1; seed <= 200; seed++) {
      partial += new Run(new Random(seed)).steps(150);
    }
    assertTrue(partial > 1000, "passes that left jobs out: " + partial);
  }

  @Test
  void aPassOnAFullHostVisitsWhatStartsAndWhatChangedOnly() {
    PendingJobs pending = new PendingJobs();
    Map<Long, Job> all = new HashMap<>();
    List<Job> running = new ArrayList<>();
    for (long id = 1; id <= 1_000; id++) {
      Job job = TestJobs.spec().job(id);
      all.put(id, job);
      if (id <= 3) {
        running.add(job.started(FakeClock.START, 500 + (int) id, 1, List.of()));
      } else {
        pending.put(job);
      }
    }
    Plan first =
        pending.plan(running, RESOURCES, QueueLimits.NONE, find(all), FakeClock.START, false);
    assertEquals(997, first.reasons().size(), "every new job gets its reason");
    assertEquals(false, first.partial());

    running.remove(0);
    Job late = TestJobs.spec().priority(10).job(1_001);
    pending.put(late);
    Plan next =
        pending.plan(running, RESOURCES, QueueLimits.NONE, find(all), FakeClock.START, false);
    assertEquals(4L, next.starts().get(0).job().id());
    assertEquals(Map.of(1_001L, Reasons.RESOURCES), next.reasons(), "only the changed job");
    assertTrue(next.partial());

    Plan whole =
        pending.plan(running, RESOURCES, QueueLimits.NONE, find(all), FakeClock.START, true);
    assertEquals(4L, whole.starts().get(0).job().id());
    assertEquals(997, whole.reasons().size());
    assertEquals(false, whole.partial());
  }

  @Test
  void aPassWithEveryGpuTakenVisitsOnlyWhatFitsWithoutOne() {
    PendingJobs pending = new PendingJobs();
    Map<Long, Job> all = new HashMap<>();
    List<Job> running =
        List.of(
            TestJobs.spec().gpus(4).job(1).started(FakeClock.START, 501, 1, List.of(0, 1, 2, 3)));
    for (long id = 2; id <= 500; id++) {
      Job job = TestJobs.spec().gpus(1).job(id);
      all.put(id, job);
      pending.put(job);
    }
    pending.plan(running, RESOURCES, QueueLimits.NONE, find(all), FakeClock.START, true);

    Job cpuOnly = TestJobs.spec().priority(60).job(501);
    pending.put(cpuOnly);
    Plan next =
        pending.plan(running, RESOURCES, QueueLimits.NONE, find(all), FakeClock.START, false);
    assertEquals(501L, next.starts().get(0).job().id(), "a job without GPUs still starts");
    assertTrue(next.reasons().isEmpty(), "the GPU jobs were not visited: " + next.reasons().size());
    assertTrue(next.partial());
  }

  private static java.util.function.Function<Long, Optional<Job>> find(Map<Long, Job> all) {
    return id -> Optional.ofNullable(all.get(id));
  }

  @Test
  void looksAgainAtADependentWhenItsDependencyEnds() {
    PendingJobs pending = new PendingJobs();
    Map<Long, Job> all = new HashMap<>();
    Job first = TestJobs.spec().job(1);
    Job second = TestJobs.spec().after(1L).job(2);
    all.put(1L, first.started(FakeClock.START, 501, 1, List.of()));
    all.put(2L, second);
    pending.put(second);
    Plan waiting = plan(pending, all, List.of(all.get(1L)));
    assertEquals(Map.of(2L, Reasons.DEPENDENCY), waiting.reasons());

    all.put(1L, all.get(1L).finished(JobState.COMPLETED, null, FakeClock.START, null));
    assertTrue(plan(pending, all, List.of()).starts().isEmpty(), "nothing changed for job 2");
    pending.ended(1);
    assertEquals(2L, plan(pending, all, List.of()).starts().get(0).job().id());
  }

  private static Plan plan(PendingJobs pending, Map<Long, Job> all, List<Job> running) {
    return pending.plan(running, RESOURCES, QueueLimits.NONE, find(all), FakeClock.START, true);
  }

  /** One random sequence, applied to the incremental queue and checked against the full scan. */
  private static final class Run {
    private final Random random;
    private final PendingJobs pending = new PendingJobs();
    private final Map<Long, Job> all = new TreeMap<>();
    private Instant now = FakeClock.START;
    private QueueLimits limits = QueueLimits.NONE;
    private long nextId = 1;

    Run(Random random) {
      this.random = random;
    }

    /** Runs the steps; returns how many passes left jobs out. */
    int steps(int count) {
      int partial = 0;
      for (int step = 0; step < count; step++) {
        event();
        partial += pass() ? 1 : 0;
      }
      return partial;
    }

    private void event() {
      int kind = random.nextInt(10);
      switch (kind) {
        case 0, 1, 2 -> submit();
        case 3 -> some(JobState.PENDING).ifPresent(job -> queued(job, JobState.HELD, "Held"));
        case 4 -> some(JobState.HELD).ifPresent(job -> queued(job, JobState.PENDING, null));
        case 5 -> some(JobState.PENDING).ifPresent(this::reprioritise);
        case 6 ->
            some(random.nextBoolean() ? JobState.PENDING : JobState.HELD).ifPresent(this::end);
        case 7, 8 -> some(JobState.RUNNING).ifPresent(this::end);
        default -> tick();
      }
    }

    private void submit() {
      TestJobs spec = TestJobs.spec().gpus(random.nextInt(3)).priority(40 + 5 * random.nextInt(3));
      if (nextId > 1 && random.nextInt(3) == 0) {
        Long[] deps = new Long[1 + random.nextInt(2)];
        for (int i = 0; i < deps.length; i++) {
          deps[i] = 1 + (long) random.nextInt((int) nextId - 1);
        }
        spec.after(random.nextBoolean() ? DependencyMode.ALL : DependencyMode.ANY, deps);
      }
      if (random.nextBoolean()) {
        spec.noAutoCancel();
      }
      if (random.nextInt(4) == 0) {
        spec.begin(now.plusSeconds(random.nextInt(60) - 10));
      }
      if (random.nextInt(3) == 0) {
        spec.timeLimit(Duration.ofSeconds(10 + random.nextInt(60)));
      }
      if (random.nextInt(3) == 0) {
        spec.group("g");
      }
      spec.owner(random.nextBoolean() ? TestJobs.ALICE : BOB);
      Job job = random.nextInt(5) == 0 ? spec.held(nextId) : spec.job(nextId);
      nextId++;
      all.put(job.id(), job);
      if (job.state() == JobState.PENDING) {
        pending.put(job);
      }
    }

    private void queued(Job job, JobState state, String reason) {
      Job changed = job.withState(state, reason);
      all.put(job.id(), changed);
      if (state == JobState.PENDING) {
        pending.put(changed);
      } else {
        pending.remove(job.id());
      }
    }

    private void reprioritise(Job job) {
      Job changed = job.withSpec(TestJobs.spec().priority(40 + 5 * random.nextInt(3)).build());
      all.put(job.id(), changed);
      pending.put(changed);
    }

    private void end(Job job) {
      JobState state =
          job.state() == JobState.RUNNING && random.nextBoolean()
              ? JobState.COMPLETED
              : random.nextBoolean() ? JobState.FAILED : JobState.CANCELLED;
      all.put(job.id(), job.finished(state, null, now, null));
      pending.remove(job.id());
      pending.ended(job.id());
    }

    private void tick() {
      now = now.plusSeconds(random.nextInt(30));
      Map<String, Integer> groups = random.nextBoolean() ? Map.of("g", 1) : Map.of();
      Quota quota = random.nextBoolean() ? Quota.NONE : new Quota(2, 3, null);
      limits =
          QueueLimits.NONE
              .withGroupLimits(groups)
              .withQuotas(quota, Map.of())
              .withDraining(random.nextInt(8) == 0);
    }

    private Optional<Job> some(JobState state) {
      List<Job> candidates = all.values().stream().filter(job -> job.state() == state).toList();
      return candidates.isEmpty()
          ? Optional.empty()
          : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    /**
     * One scheduling pass as SchedulerState runs it, checked round by round, visiting every job or
     * not at random; returns whether it left jobs out.
     */
    private boolean pass() {
      boolean whole = random.nextInt(4) == 0;
      boolean partial = false;
      while (true) {
        List<Job> running = jobsIn(JobState.RUNNING);
        Plan expected =
            SchedulingPolicy.plan(
                jobsIn(JobState.PENDING), running, RESOURCES, limits, this::find, now);
        Plan actual = pending.plan(running, RESOURCES, limits, this::find, now, whole);
        partial |= actual.partial();
        assertEquals(expected.doomed(), actual.doomed(), "doomed");
        assertEquals(expected.nextBegin(), actual.nextBegin(), "next begin");
        actual.reasons().forEach(this::reason);
        if (!actual.doomed().isEmpty()) {
          actual.doomed().keySet().forEach(id -> end(all.get(id)));
          continue;
        }
        assertEquals(describe(expected.starts()), describe(actual.starts()), "starts");
        actual
            .reasons()
            .forEach((id, reason) -> assertEquals(expected.reasons().get(id), reason, "visited"));
        if (!actual.partial()) {
          assertEquals(expected.reasons(), reasonsOfPending(actual.starts()), "reasons");
        }
        for (Plan.Start start : actual.starts()) {
          all.put(start.job().id(), all.get(start.job().id()).started(now, 7, 1, start.gpus()));
          pending.remove(start.job().id());
        }
        return partial;
      }
    }

    private void reason(long id, String reason) {
      Job job = all.get(id);
      if (job.state() == JobState.PENDING && !reason.equals(job.reason())) {
        Job changed = job.withState(JobState.PENDING, reason);
        all.put(id, changed);
        pending.put(changed);
      }
    }

    private Map<Long, String> reasonsOfPending(List<Plan.Start> starts) {
      List<Long> starting = starts.stream().map(start -> start.job().id()).toList();
      Map<Long, String> reasons = new HashMap<>(); // a missed reason shows as null
      for (Job job : jobsIn(JobState.PENDING)) {
        if (!starting.contains(job.id())) {
          reasons.put(job.id(), job.reason());
        }
      }
      return reasons;
    }

    private static List<String> describe(List<Plan.Start> starts) {
      List<String> described = new ArrayList<>();
      starts.forEach(start -> described.add(start.job().id() + " on " + start.gpus()));
      return described;
    }

    private List<Job> jobsIn(JobState state) {
      return all.values().stream().filter(job -> job.state() == state).toList();
    }

    private Optional<Job> find(long id) {
      return Optional.ofNullable(all.get(id));
    }
  }
}
