package io.gflow.daemon.store;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A job as its own columns of the {@code jobs} table hold it, without its spec: what a listing that
 * shows none of the spec's other members needs ({@link JobStore#listSummaries}). Reading it skips
 * decoding the spec JSON (command, environment, ...), most of a listed job's cost. Immutable.
 */
public record JobSummary(
    long id,
    Long arrayJobId,
    Integer arrayTaskId,
    Owner owner,
    String name,
    JobState state,
    String reason,
    int priority,
    int gpus,
    Instant submitTime,
    Instant startTime,
    Instant endTime,
    ExitStatus exit,
    List<Integer> assignedGpus) {

  /** The same members of a whole job (name, priority and GPUs from its spec). */
  public static JobSummary of(Job job) {
    return of(job, UnaryOperator.identity());
  }

  /** As {@link #of(Job)}, each of the job's times that is set passed through {@code times}. */
  static JobSummary of(Job job, UnaryOperator<Instant> times) {
    return new JobSummary(
        job.id(),
        job.arrayJobId(),
        job.arrayTaskId(),
        job.owner(),
        job.spec().name(),
        job.state(),
        job.reason(),
        job.spec().priority(),
        job.spec().gpus(),
        times.apply(job.submitTime()),
        job.startTime() == null ? null : times.apply(job.startTime()),
        job.endTime() == null ? null : times.apply(job.endTime()),
        job.exit(),
        job.assignedGpus());
  }
}
