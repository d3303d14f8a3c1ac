package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.Objects;

/**
 * What became of one job id in a multi-id scheduler command (cancel, hold, release, update): done
 * (with the job as changed), not found, refused because of the job's state, or refused as invalid.
 * The RPC layer maps each kind to its error code. Immutable and thread-safe.
 *
 * @param job the job after the command when {@code kind} is {@link Kind#OK}, else null
 * @param message why it was refused, null when {@link Kind#OK}
 */
public record Outcome(long jobId, Kind kind, Job job, String message) {

  /** The result of a command on one job. Thread-safe enum. */
  public enum Kind {
    OK,
    NOT_FOUND,
    CONFLICT,
    INVALID
  }

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.OK) != (job != null)) {
      throw new IllegalArgumentException("a job is given exactly when the outcome is OK");
    }
    if ((kind == Kind.OK) != (message == null)) {
      throw new IllegalArgumentException("a message is given exactly when the outcome is not OK");
    }
  }

  public static Outcome ok(Job job) {
    return new Outcome(job.id(), Kind.OK, job, null);
  }

  public static Outcome notFound(long jobId) {
    return new Outcome(jobId, Kind.NOT_FOUND, null, "job " + jobId + " not found");
  }

  public static Outcome conflict(long jobId, String message) {
    return new Outcome(jobId, Kind.CONFLICT, null, message);
  }

  public static Outcome invalid(long jobId, String message) {
    return new Outcome(jobId, Kind.INVALID, null, message);
  }

  public boolean isOk() {
    return kind == Kind.OK;
  }
}
