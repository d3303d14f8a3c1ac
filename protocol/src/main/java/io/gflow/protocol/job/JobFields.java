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
  private long seen;

  /**
   * Reads the member {@code member}, whose value is the parser's current token.
   *
   * @throws RpcException INVALID_PARAMS for an unknown or repeated member, or a bad value
   */
  void read(JobInfoReader in, String member) throws IOException {
    JobField field = JobField.byWireName(member);
    if (field == null) {
      throw RpcException.invalidParams("unknown field '" + SafeText.escape(member) + "' in job");
    }
    // Repeats are refused here rather than by the parser, whose check costs a set per job.
    long bit = 1L << field.ordinal();
    if ((seen & bit) != 0) {
      throw RpcException.invalidParams("duplicate field '" + member + "' in job");
    }
    seen |= bit;
    switch (field) {
      case ID -> id = in.optionalLong(member);
      case ARRAY_JOB_ID -> arrayJobId = in.optionalLong(member);
      case ARRAY_TASK_ID -> arrayTaskId = in.optionalLong(member);
      case USER -> user = in.optionalString(member);
      case UID -> uid = in.optionalLong(member);
      case NAME -> name = in.optionalString(member);
      case STATE -> state = in.optionalString(member);
      case REASON -> reason = in.optionalString(member);
      case PRIORITY -> priority = in.optionalInt(member);
      case GPUS -> gpus = in.optionalInt(member);
      case ASSIGNED_GPUS ->
          assignedGpus = in.longs(member, Checks.MAX_GPUS, 0, Checks.MAX_GPUS - 1);
      case SUBMIT_TIME -> submitTime = in.optionalInstant(member);
      case START_TIME -> startTime = in.optionalInstant(member);
      case END_TIME -> endTime = in.optionalInstant(member);
      case EXIT_CODE -> exitCode = in.optionalInt(member);
      case SIGNAL -> signal = in.optionalInt(member);
      case TIME_LIMIT -> timeLimit = in.optionalLong(member);
      case BEGIN -> begin = in.optionalInstant(member);
      case DEPENDS_ON ->
          dependsOn =
              in.longs(member, SubmitRequest.MAX_DEPENDS_ON, Long.MIN_VALUE, Long.MAX_VALUE);
      case DEPENDENCY_MODE -> dependencyMode = in.optionalString(member);
      case GROUP -> group = in.optionalString(member);
      case PROJECT -> project = in.optionalString(member);
      case REDACTED -> redacted = in.optionalBoolean(member);
      case COMMAND -> command = in.strings(member, SubmitRequest.MAX_ARGV);
      case SCRIPT -> script = in.optionalString(member, SubmitRequest.MAX_SCRIPT_CHARS);
      case CWD -> cwd = in.optionalString(member);
      case ENV -> env = in.stringMap(member, SubmitRequest.MAX_ENV);
      case STDOUT_PATH -> stdoutPath = in.optionalString(member);
      case STDERR_PATH -> stderrPath = in.optionalString(member);
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
