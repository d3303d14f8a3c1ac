package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job as shown to a caller by {@code job.list}, {@code job.get} and {@code job.wait}. When the
 * caller may not see the job in full ({@code redacted}), the detail fields ({@code command}, {@code
 * script}, {@code cwd}, {@code env}, {@code stdoutPath}, {@code stderrPath}) are null. Nullable
 * fields are written as JSON null so every key is always present, except {@code env} and {@code
 * script}, which are left out when null ({@code job.list} never sends the environment). Immutable
 * and thread-safe.
 *
 * @param arrayJobId the first task's id for an array task, else null
 * @param arrayTaskId the array index for an array task, else null
 * @param reason why it waits or how it ended (SPEC §5), null when there is nothing to say
 * @param assignedGpus GPU indices while running (and after, for the record); empty otherwise
 * @param exitCode 0..255 when the job exited, null otherwise
 * @param signal the signal number that ended the job, null otherwise
 * @param timeLimitSeconds null for no limit
 * @param command argv for a command job, null for a script job or when redacted
 * @param script the stored script text, null for a command job or when redacted
 */
public record JobInfo(
    long id,
    Long arrayJobId,
    Long arrayTaskId,
    String user,
    long uid,
    String name,
    JobState state,
    String reason,
    int priority,
    int gpus,
    List<Integer> assignedGpus,
    Instant submitTime,
    Instant startTime,
    Instant endTime,
    Integer exitCode,
    Integer signal,
    Long timeLimitSeconds,
    Instant begin,
    List<Long> dependsOn,
    DependencyMode dependencyMode,
    String group,
    String project,
    boolean redacted,
    List<String> command,
    String script,
    String cwd,
    Map<String, String> env,
    String stdoutPath,
    String stderrPath) {

  public JobInfo {
    Checks.atLeast("id", id, 1);
    if (arrayJobId != null) {
      Checks.atLeast("array_job_id", arrayJobId, 1);
    }
    if (arrayTaskId != null) {
      Checks.atLeast("array_task_id", arrayTaskId, 0);
    }
    Objects.requireNonNull(user, "user");
    Checks.range("uid", uid, 0, Checks.MAX_UID);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Checks.range("priority", priority, 0, Checks.MAX_PRIORITY);
    Checks.range("gpus", gpus, 0, Checks.MAX_GPUS);
    assignedGpus = List.copyOf(assignedGpus);
    for (int index : assignedGpus) {
      Checks.range("assigned_gpus index", index, 0, Checks.MAX_GPUS - 1);
    }
    Objects.requireNonNull(submitTime, "submitTime");
    if (exitCode != null) {
      Checks.range("exit_code", exitCode, 0, 255);
    }
    if (signal != null) {
      Checks.range("signal", signal, 1, Signals.MAX);
    }
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(dependencyMode, "dependencyMode");
    command = command == null ? null : List.copyOf(command);
    env = env == null ? null : Map.copyOf(env);
    if (redacted) {
      requireRedacted(id, "command", command);
      requireRedacted(id, "script", script);
      requireRedacted(id, "cwd", cwd);
      requireRedacted(id, "env", env);
      requireRedacted(id, "stdout_path", stdoutPath);
      requireRedacted(id, "stderr_path", stderrPath);
    }
  }

  private static void requireRedacted(long id, String field, Object value) {
    if (value != null) {
      throw RpcException.invalidParams("job " + id + " is redacted but carries " + field);
    }
  }

  /** This job without the owner-only detail fields: what other users see (SPEC §3). */
  public JobInfo redact() {
    return new JobInfo(
        id,
        arrayJobId,
        arrayTaskId,
        user,
        uid,
        name,
        state,
        reason,
        priority,
        gpus,
        assignedGpus,
        submitTime,
        startTime,
        endTime,
        exitCode,
        signal,
        timeLimitSeconds,
        begin,
        dependsOn,
        dependencyMode,
        group,
        project,
        true,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public JsonObject toJson() {
    return JobInfoJson.write(this);
  }

  /** Reads one job strictly: unknown fields are rejected. */
  public static JobInfo fromJson(JsonValue value) {
    return JobInfoJson.read(value);
  }
}
