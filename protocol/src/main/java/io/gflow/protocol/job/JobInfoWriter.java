package io.gflow.protocol.job;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link JobInfo} straight to a generator: the same members in the same order as {@link
 * JobInfo#toJson}, without building the tree (a listing writes tens of thousands). Stateless.
 */
final class JobInfoWriter {
  private JobInfoWriter() {}

  static void write(JsonGenerator out, JobInfo job) throws IOException {
    out.writeStartObject();
    out.writeNumberField("id", job.id());
    number(out, "array_job_id", job.arrayJobId());
    number(out, "array_task_id", job.arrayTaskId());
    out.writeStringField("user", job.user());
    out.writeNumberField("uid", job.uid());
    out.writeStringField("name", job.name());
    out.writeStringField("state", job.state().wireName());
    out.writeStringField("reason", job.reason());
    out.writeNumberField("priority", job.priority());
    out.writeNumberField("gpus", job.gpus());
    out.writeArrayFieldStart("assigned_gpus");
    for (int index : job.assignedGpus()) {
      out.writeNumber(index);
    }
    out.writeEndArray();
    instant(out, "submit_time", job.submitTime());
    instant(out, "start_time", job.startTime());
    instant(out, "end_time", job.endTime());
    number(out, "exit_code", job.exitCode() == null ? null : (long) job.exitCode());
    number(out, "signal", job.signal() == null ? null : (long) job.signal());
    number(out, "time_limit", job.timeLimitSeconds());
    instant(out, "begin", job.begin());
    out.writeArrayFieldStart("depends_on");
    for (long id : job.dependsOn()) {
      out.writeNumber(id);
    }
    out.writeEndArray();
    out.writeStringField("dependency_mode", job.dependencyMode().wireName());
    out.writeStringField("group", job.group());
    out.writeStringField("project", job.project());
    out.writeBooleanField("redacted", job.redacted());
    strings(out, "command", job.command());
    if (job.script() != null) {
      out.writeStringField("script", job.script());
    }
    out.writeStringField("cwd", job.cwd());
    if (job.env() != null) {
      out.writeObjectFieldStart("env");
      for (Map.Entry<String, String> variable : new TreeMap<>(job.env()).entrySet()) {
        out.writeStringField(variable.getKey(), variable.getValue());
      }
      out.writeEndObject();
    }
    out.writeStringField("stdout_path", job.stdoutPath());
    out.writeStringField("stderr_path", job.stderrPath());
    out.writeEndObject();
  }

  private static void number(JsonGenerator out, String name, Long value) throws IOException {
    out.writeFieldName(name);
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  private static void instant(JsonGenerator out, String name, Instant value) throws IOException {
    out.writeStringField(name, value == null ? null : WireInstants.format(value));
  }

  private static void strings(JsonGenerator out, String name, List<String> values)
      throws IOException {
    out.writeFieldName(name);
    if (values == null) {
      out.writeNull();
      return;
    }
    out.writeStartArray();
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }
}
