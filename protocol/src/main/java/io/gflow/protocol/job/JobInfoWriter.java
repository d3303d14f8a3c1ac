package io.gflow.protocol.job;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link JobInfo} straight to a generator: the same members in the same order as {@link
 * JobInfo#toJson}, without building the tree (a listing writes tens of thousands), or only some of
 * them. Stateless.
 */
final class JobInfoWriter {
  private JobInfoWriter() {}

  static void write(JsonGenerator out, JobInfo job) throws IOException {
    write(out, job, Set.of());
  }

  /**
   * Writes the members in {@code fields} and {@code id}, each as {@link JobInfo#toJson} would;
   * every member when {@code fields} is empty.
   */
  static void write(JsonGenerator out, JobInfo job, Set<JobField> fields) throws IOException {
    Members members = new Members(out, fields);
    out.writeStartObject();
    out.writeFieldName(JobField.ID.encoded());
    out.writeNumber(job.id());
    members.number(JobField.ARRAY_JOB_ID, job.arrayJobId());
    members.number(JobField.ARRAY_TASK_ID, job.arrayTaskId());
    members.string(JobField.USER, job.user());
    members.number(JobField.UID, job.uid());
    members.string(JobField.NAME, job.name());
    members.string(JobField.STATE, job.state().wireName());
    members.string(JobField.REASON, job.reason());
    members.number(JobField.PRIORITY, (long) job.priority());
    members.number(JobField.GPUS, (long) job.gpus());
    if (members.wants(JobField.ASSIGNED_GPUS)) {
      out.writeFieldName(JobField.ASSIGNED_GPUS.encoded());
      out.writeStartArray();
      for (int index : job.assignedGpus()) {
        out.writeNumber(index);
      }
      out.writeEndArray();
    }
    members.instant(JobField.SUBMIT_TIME, job.submitTime());
    members.instant(JobField.START_TIME, job.startTime());
    members.instant(JobField.END_TIME, job.endTime());
    members.number(JobField.EXIT_CODE, job.exitCode() == null ? null : (long) job.exitCode());
    members.number(JobField.SIGNAL, job.signal() == null ? null : (long) job.signal());
    members.number(JobField.TIME_LIMIT, job.timeLimitSeconds());
    members.instant(JobField.BEGIN, job.begin());
    if (members.wants(JobField.DEPENDS_ON)) {
      out.writeFieldName(JobField.DEPENDS_ON.encoded());
      out.writeStartArray();
      for (long id : job.dependsOn()) {
        out.writeNumber(id);
      }
      out.writeEndArray();
    }
    members.string(JobField.DEPENDENCY_MODE, job.dependencyMode().wireName());
    members.string(JobField.GROUP, job.group());
    members.string(JobField.PROJECT, job.project());
    if (members.wants(JobField.REDACTED)) {
      out.writeFieldName(JobField.REDACTED.encoded());
      out.writeBoolean(job.redacted());
    }
    members.strings(JobField.COMMAND, job.command());
    if (job.script() != null) {
      members.string(JobField.SCRIPT, job.script());
    }
    members.string(JobField.CWD, job.cwd());
    if (job.env() != null && members.wants(JobField.ENV)) {
      out.writeObjectFieldStart("env");
      for (Map.Entry<String, String> variable : new TreeMap<>(job.env()).entrySet()) {
        out.writeStringField(variable.getKey(), variable.getValue());
      }
      out.writeEndObject();
    }
    members.string(JobField.STDOUT_PATH, job.stdoutPath());
    members.string(JobField.STDERR_PATH, job.stderrPath());
    out.writeEndObject();
  }

  /** Writes the members asked for; nulls as JSON null. */
  private record Members(JsonGenerator out, Set<JobField> fields) {
    boolean wants(JobField field) {
      return fields.isEmpty() || fields.contains(field);
    }

    void string(JobField field, String value) throws IOException {
      if (wants(field)) {
        out.writeFieldName(field.encoded());
        out.writeString(value);
      }
    }

    void number(JobField field, Long value) throws IOException {
      if (!wants(field)) {
        return;
      }
      out.writeFieldName(field.encoded());
      if (value == null) {
        out.writeNull();
      } else {
        out.writeNumber(value);
      }
    }

    void instant(JobField field, Instant value) throws IOException {
      if (wants(field)) {
        out.writeFieldName(field.encoded());
        out.writeString(value == null ? null : WireInstants.format(value));
      }
    }

    void strings(JobField field, List<String> values) throws IOException {
      if (!wants(field)) {
        return;
      }
      out.writeFieldName(field.encoded());
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
}
