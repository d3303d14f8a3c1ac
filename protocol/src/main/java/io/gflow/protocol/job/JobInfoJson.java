package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON form of {@link JobInfo}, kept apart to keep the record short. Stateless. */
final class JobInfoJson {
  private static final String CONTEXT = "job";
  private static final int MAX_ASSIGNED_GPUS = Checks.MAX_GPUS;

  private JobInfoJson() {}

  static JsonObject write(JobInfo job) {
    JsonObject.Builder json =
        JsonObject.builder()
            .put("id", job.id())
            .put("array_job_id", WireFields.of(job.arrayJobId()))
            .put("array_task_id", WireFields.of(job.arrayTaskId()))
            .put("user", job.user())
            .put("uid", job.uid())
            .put("name", job.name())
            .put("state", job.state().wireName())
            .put("reason", job.reason())
            .put("priority", job.priority())
            .put("gpus", job.gpus())
            .put("assigned_gpus", WireFields.ofInts(job.assignedGpus()))
            .put("submit_time", WireFields.of(job.submitTime()))
            .put("start_time", WireFields.of(job.startTime()))
            .put("end_time", WireFields.of(job.endTime()))
            .put("exit_code", WireFields.of(job.exitCode()))
            .put("signal", WireFields.of(job.signal()))
            .put("time_limit", WireFields.of(job.timeLimitSeconds()))
            .put("begin", WireFields.of(job.begin()))
            .put("depends_on", JsonArray.ofLongs(job.dependsOn()))
            .put("dependency_mode", job.dependencyMode().wireName())
            .put("group", job.group())
            .put("project", job.project())
            .put("redacted", job.redacted())
            .put("command", job.command() == null ? JsonValue.of((String) null) : argv(job))
            .putIfNotNull("script", job.script())
            .put("cwd", job.cwd());
    if (job.env() != null) {
      json.put("env", WireFields.ofStringMap(job.env()));
    }
    return json.put("stdout_path", job.stdoutPath()).put("stderr_path", job.stderrPath()).build();
  }

  private static JsonValue argv(JobInfo job) {
    return JsonArray.ofStrings(job.command());
  }

  static JobInfo read(JsonValue value) {
    Fields fields = Fields.of(value, CONTEXT);
    long id = fields.requiredLong("id", Long.MIN_VALUE, Long.MAX_VALUE);
    Long arrayJobId = fields.optionalLong("array_job_id", Long.MIN_VALUE, Long.MAX_VALUE);
    Long arrayTaskId = fields.optionalLong("array_task_id", Long.MIN_VALUE, Long.MAX_VALUE);
    String user = fields.requiredString("user");
    long uid = fields.requiredLong("uid", Long.MIN_VALUE, Long.MAX_VALUE);
    String name = fields.requiredString("name");
    JobState state = JobState.parse(fields.requiredString("state"));
    String reason = fields.optionalString("reason");
    int priority = WireFields.requiredInt(fields, "priority");
    int gpus = WireFields.requiredInt(fields, "gpus");
    List<Integer> assigned =
        fields.longList("assigned_gpus", MAX_ASSIGNED_GPUS, 0, Checks.MAX_GPUS - 1).stream()
            .map(Math::toIntExact)
            .toList();
    Instant submitTime =
        Checks.required(
            CONTEXT + ".submit_time", WireFields.instant(fields, CONTEXT, "submit_time"));
    Instant startTime = WireFields.instant(fields, CONTEXT, "start_time");
    Instant endTime = WireFields.instant(fields, CONTEXT, "end_time");
    Integer exitCode = WireFields.optionalInt(fields, "exit_code");
    Integer signal = WireFields.optionalInt(fields, "signal");
    Long timeLimit = fields.optionalLong("time_limit", Long.MIN_VALUE, Long.MAX_VALUE);
    Instant begin = WireFields.instant(fields, CONTEXT, "begin");
    List<Long> dependsOn = WireFields.idList(fields, "depends_on", SubmitRequest.MAX_DEPENDS_ON);
    String mode = fields.optionalString("dependency_mode");
    String group = fields.optionalString("group");
    String project = fields.optionalString("project");
    boolean redacted = fields.optionalBoolean("redacted", false);
    List<String> command = WireFields.nullableStringList(fields, "command", SubmitRequest.MAX_ARGV);
    String script = fields.optionalString("script", SubmitRequest.MAX_SCRIPT_CHARS);
    String cwd = fields.optionalString("cwd");
    Map<String, String> env = WireFields.stringMap(fields, CONTEXT, "env", SubmitRequest.MAX_ENV);
    String stdoutPath = fields.optionalString("stdout_path");
    String stderrPath = fields.optionalString("stderr_path");
    fields.end();
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
        assigned,
        submitTime,
        startTime,
        endTime,
        exitCode,
        signal,
        timeLimit,
        begin,
        dependsOn,
        mode == null ? DependencyMode.ALL : DependencyMode.parse(mode),
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
}
