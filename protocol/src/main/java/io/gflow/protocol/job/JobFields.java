package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The members of one job as {@link JobInfoReader} meets them. Not thread-safe; one per job. */
final class JobFields {
  private Long id;
  private Long arrayJobId;
  private Long arrayTaskId;
  private String user;
  private Long uid;
  private String name;
  private String state;
  private String reason;
  private Integer priority;
  private Integer gpus;
  private List<Long> assignedGpus;
  private Instant submitTime;
  private Instant startTime;
  private Instant endTime;
  private Integer exitCode;
  private Integer signal;
  private Long timeLimit;
  private Instant begin;
  private List<Long> dependsOn;
  private String dependencyMode;
  private String group;
  private String project;
  private boolean redacted;
  private List<String> command;
  private String script;
  private String cwd;
  private Map<String, String> env;
  private String stdoutPath;
  private String stderrPath;

  /** Reads the member {@code member}, whose value is the parser's current token. */
  void read(JobInfoReader in, String member) throws IOException {
    switch (member) {
      case "id" -> id = in.optionalLong(member);
      case "array_job_id" -> arrayJobId = in.optionalLong(member);
      case "array_task_id" -> arrayTaskId = in.optionalLong(member);
      case "user" -> user = in.optionalString(member);
      case "uid" -> uid = in.optionalLong(member);
      case "name" -> name = in.optionalString(member);
      case "state" -> state = in.optionalString(member);
      case "reason" -> reason = in.optionalString(member);
      case "priority" -> priority = in.optionalInt(member);
      case "gpus" -> gpus = in.optionalInt(member);
      case "assigned_gpus" ->
          assignedGpus = in.longs(member, Checks.MAX_GPUS, 0, Checks.MAX_GPUS - 1);
      case "submit_time" -> submitTime = in.optionalInstant(member);
      case "start_time" -> startTime = in.optionalInstant(member);
      case "end_time" -> endTime = in.optionalInstant(member);
      case "exit_code" -> exitCode = in.optionalInt(member);
      case "signal" -> signal = in.optionalInt(member);
      case "time_limit" -> timeLimit = in.optionalLong(member);
      case "begin" -> begin = in.optionalInstant(member);
      case "depends_on" ->
          dependsOn =
              in.longs(member, SubmitRequest.MAX_DEPENDS_ON, Long.MIN_VALUE, Long.MAX_VALUE);
      case "dependency_mode" -> dependencyMode = in.optionalString(member);
      case "group" -> group = in.optionalString(member);
      case "project" -> project = in.optionalString(member);
      case "redacted" -> redacted = in.optionalBoolean(member);
      case "command" -> command = in.strings(member, SubmitRequest.MAX_ARGV);
      case "script" -> script = in.optionalString(member, SubmitRequest.MAX_SCRIPT_CHARS);
      case "cwd" -> cwd = in.optionalString(member);
      case "env" -> env = in.stringMap(member, SubmitRequest.MAX_ENV);
      case "stdout_path" -> stdoutPath = in.optionalString(member);
      case "stderr_path" -> stderrPath = in.optionalString(member);
      default ->
          throw RpcException.invalidParams(
              "unknown field '" + SafeText.escape(member) + "' in job");
    }
  }

  JobInfo build() {
    return new JobInfo(
        required("id", id),
        arrayJobId,
        arrayTaskId,
        required("user", user),
        required("uid", uid),
        required("name", name),
        JobState.parse(required("state", state)),
        reason,
        required("priority", priority),
        required("gpus", gpus),
        indices(assignedGpus),
        required("submit_time", submitTime),
        startTime,
        endTime,
        exitCode,
        signal,
        timeLimit,
        begin,
        dependsOn == null ? List.of() : dependsOn,
        dependencyMode == null ? DependencyMode.ALL : DependencyMode.parse(dependencyMode),
        group,
        project,
        redacted,
        command,
        script,
        cwd,
        env,
        stdoutPath,
        stderrPath);
  }

  /** GPU indices (already checked to be in range) as ints; a loop, not a stream: one per job. */
  private static List<Integer> indices(List<Long> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    Integer[] indices = new Integer[values.size()];
    for (int index = 0; index < indices.length; index++) {
      indices[index] = Math.toIntExact(values.get(index));
    }
    return List.of(indices);
  }

  private static <T> T required(String member, T value) {
    if (value == null) {
      throw RpcException.invalidParams("job." + member + " is required");
    }
    return value;
  }
}
