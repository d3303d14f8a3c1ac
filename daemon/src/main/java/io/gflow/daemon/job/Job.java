package io.gflow.daemon.job;

import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One job as the daemon knows it: its spec and owner, and where it is in its life. Every change
 * makes a new value (the {@code with*} methods). Immutable and thread-safe.
 *
 * @param arrayJobId the id of the first task of the array this job belongs to, or null
 * @param arrayTaskId the task index within its array, or null
 * @param reason why it is waiting or how it ended (SPEC §5 reasons), null when none
 * @param exit how the process ended, null until it has
 * @param assignedGpus GPU indices given to it while running (empty otherwise)
 * @param pid the wrapper's process id while running (0 when none)
 * @param pidStartTicks the process start time from /proc/PID/stat field 22, to tell pid reuse
 */
public record Job(
    long id,
    Long arrayJobId,
    Integer arrayTaskId,
    Owner owner,
    JobSpec spec,
    JobState state,
    String reason,
    Instant submitTime,
    Instant startTime,
    Instant endTime,
    ExitStatus exit,
    List<Integer> assignedGpus,
    long pid,
    long pidStartTicks) {

  public Job {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(submitTime, "submitTime");
    assignedGpus = List.copyOf(assignedGpus);
  }

  /** A newly submitted job. */
  public static Job submitted(
      long id,
      Long arrayJobId,
      Integer arrayTaskId,
      Owner owner,
      JobSpec spec,
      boolean hold,
      Instant now) {
    return new Job(
        id,
        arrayJobId,
        arrayTaskId,
        owner,
        spec,
        hold ? JobState.HELD : JobState.PENDING,
        hold ? "JobHeldUser" : null,
        now,
        null,
        null,
        null,
        List.of(),
        0,
        0);
  }

  public Job withState(JobState newState, String newReason) {
    return new Job(
        id,
        arrayJobId,
        arrayTaskId,
        owner,
        spec,
        newState,
        newReason,
        submitTime,
        startTime,
        endTime,
        exit,
        assignedGpus,
        pid,
        pidStartTicks);
  }

  public Job withSpec(JobSpec newSpec) {
    return new Job(
        id,
        arrayJobId,
        arrayTaskId,
        owner,
        newSpec,
        state,
        reason,
        submitTime,
        startTime,
        endTime,
        exit,
        assignedGpus,
        pid,
        pidStartTicks);
  }

  /** The job has been launched: RUNNING, with its process and GPUs. */
  public Job started(Instant at, long newPid, long newPidStartTicks, List<Integer> gpus) {
    return new Job(
        id,
        arrayJobId,
        arrayTaskId,
        owner,
        spec,
        JobState.RUNNING,
        null,
        submitTime,
        at,
        null,
        null,
        gpus,
        newPid,
        newPidStartTicks);
  }

  /** The job has ended in a terminal state; {@code status} may be null (never ran, lost). */
  public Job finished(JobState terminal, String newReason, Instant at, ExitStatus status) {
    if (!terminal.isTerminal()) {
      throw new IllegalArgumentException(terminal + " is not terminal");
    }
    return new Job(
        id,
        arrayJobId,
        arrayTaskId,
        owner,
        spec,
        terminal,
        newReason,
        submitTime,
        startTime,
        at,
        status,
        assignedGpus,
        pid,
        pidStartTicks);
  }

  public boolean isTerminal() {
    return state.isTerminal();
  }
}
