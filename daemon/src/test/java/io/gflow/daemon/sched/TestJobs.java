package io.gflow.daemon.sched;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds jobs for tests: a fluent spec with defaults (priority 50, no GPUs). Not thread-safe. */
public final class TestJobs {
  static final Owner ALICE = new Owner(1000, 1000, "alice");

  private int gpus;
  private int priority = 50;
  private Duration timeLimit;
  private Instant begin;
  private List<Long> dependsOn = List.of();
  private DependencyMode mode = DependencyMode.ALL;
  private boolean autoCancel = true;
  private String group;
  private Integer arrayThrottle;
  private Owner owner = ALICE;

  public static TestJobs spec() {
    return new TestJobs();
  }

  TestJobs gpus(int count) {
    gpus = count;
    return this;
  }

  TestJobs priority(int value) {
    priority = value;
    return this;
  }

  TestJobs timeLimit(Duration limit) {
    timeLimit = limit;
    return this;
  }

  TestJobs begin(Instant at) {
    begin = at;
    return this;
  }

  TestJobs after(DependencyMode dependencyMode, Long... ids) {
    mode = dependencyMode;
    dependsOn = List.of(ids);
    return this;
  }

  TestJobs after(Long... ids) {
    return after(DependencyMode.ALL, ids);
  }

  TestJobs noAutoCancel() {
    autoCancel = false;
    return this;
  }

  TestJobs group(String name) {
    group = name;
    return this;
  }

  TestJobs owner(Owner who) {
    owner = who;
    return this;
  }

  TestJobs throttle(int most) {
    arrayThrottle = most;
    return this;
  }

  JobSpec build() {
    return new JobSpec(
        List.of("/bin/true"),
        null,
        "job",
        "/tmp",
        Map.of(),
        gpus,
        priority,
        timeLimit,
        begin,
        dependsOn,
        mode,
        autoCancel,
        group,
        null,
        null,
        null,
        arrayThrottle);
  }

  public Job job(long id) {
    return Job.submitted(id, null, null, owner, build(), false, FakeClock.START);
  }

  Job held(long id) {
    return Job.submitted(id, null, null, owner, build(), true, FakeClock.START);
  }

  Job task(long id, long arrayJobId, int taskId) {
    return Job.submitted(id, arrayJobId, taskId, owner, build(), false, FakeClock.START);
  }

  /** A job already running since {@code start} on these GPUs. */
  Job running(long id, Instant start, List<Integer> assigned) {
    return job(id).started(start, 500 + id, 1, assigned);
  }

  /** A job that has ended in {@code state}. */
  Job ended(long id, JobState state) {
    return job(id).finished(state, null, FakeClock.START, null);
  }
}
