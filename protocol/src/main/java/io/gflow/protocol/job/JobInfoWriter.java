package io.gflow.protocol.job;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gflow.protocol.json.JsonStreams;
import io.gflow.protocol.json.PlainJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@link JobInfo}s straight to UTF-8 bytes: the same members in the same order and the same
 * text as {@link JobInfo#toJson} encoded by {@link JsonStreams}, without building the tree (a
 * listing writes tens of thousands), or only some of them. Names, numbers and ASCII strings are
 * written directly ({@link PlainJson}); a string beyond ASCII goes through a Jackson generator, so
 * that its encoding is Jackson's. Not thread-safe.
 */
final class JobInfoWriter {
  /** Per member, {@code ,"name":} (every member but {@code id} follows another). */
  private static final byte[][] MEMBERS = members();

  private final PlainJson.Output out;

  /** By ordinal, whether the member is written. */
  private final boolean[] wanted = new boolean[JobField.values().length];

  private final char[] instantText = new char[WireInstants.MAX_PLAIN_CHARS];
  private JsonStreams.Buffer scratch;
  private JsonGenerator generator;

  /**
   * A writer appending to {@code out} the members in {@code fields} and {@code id}; every member
   * when {@code fields} is empty.
   */
  JobInfoWriter(PlainJson.Output out, Set<JobField> fields) {
    this.out = out;
    for (JobField field : JobField.values()) {
      wanted[field.ordinal()] = fields.isEmpty() || fields.contains(field);
    }
  }

  void write(JobInfo job) {
    out.appendAscii("{\"id\":");
    number(job.id());
    number(JobField.ARRAY_JOB_ID, job.arrayJobId());
    number(JobField.ARRAY_TASK_ID, job.arrayTaskId());
    string(JobField.USER, job.user());
    number(JobField.UID, job.uid());
    string(JobField.NAME, job.name());
    string(JobField.STATE, job.state().wireName());
    string(JobField.REASON, job.reason());
    number(JobField.PRIORITY, (long) job.priority());
    number(JobField.GPUS, (long) job.gpus());
    if (wants(JobField.ASSIGNED_GPUS)) {
      name(JobField.ASSIGNED_GPUS);
      numbers(job.assignedGpus());
    }
    instant(JobField.SUBMIT_TIME, job.submitTime());
    instant(JobField.START_TIME, job.startTime());
    instant(JobField.END_TIME, job.endTime());
    number(JobField.EXIT_CODE, job.exitCode() == null ? null : (long) job.exitCode());
    number(JobField.SIGNAL, job.signal() == null ? null : (long) job.signal());
    number(JobField.TIME_LIMIT, job.timeLimitSeconds());
    instant(JobField.BEGIN, job.begin());
    if (wants(JobField.DEPENDS_ON)) {
      name(JobField.DEPENDS_ON);
      numbers(job.dependsOn());
    }
    string(JobField.DEPENDENCY_MODE, job.dependencyMode().wireName());
    string(JobField.GROUP, job.group());
    string(JobField.PROJECT, job.project());
    if (wants(JobField.REDACTED)) {
      name(JobField.REDACTED);
      out.appendAscii(job.redacted() ? "true" : "false");
    }
    strings(JobField.COMMAND, job.command());
    if (job.script() != null) {
      string(JobField.SCRIPT, job.script());
    }
    string(JobField.CWD, job.cwd());
    if (job.env() != null && wants(JobField.ENV)) {
      env(job.env());
    }
    string(JobField.STDOUT_PATH, job.stdoutPath());
    string(JobField.STDERR_PATH, job.stderrPath());
    out.append('}');
  }

  private boolean wants(JobField field) {
    return wanted[field.ordinal()];
  }

  private void name(JobField field) {
    byte[] name = MEMBERS[field.ordinal()];
    out.appendBytes(name, name.length);
  }

  private void string(JobField field, String value) {
    if (wants(field)) {
      name(field);
      string(value);
    }
  }

  private void number(JobField field, Long value) {
    if (wants(field)) {
      name(field);
      if (value == null) {
        out.appendAscii("null");
      } else {
        number(value);
      }
    }
  }

  private void instant(JobField field, Instant value) {
    if (!wants(field)) {
      return;
    }
    name(field);
    int length = value == null ? -1 : WireInstants.format(value, instantText);
    if (length < 0) {
      string(value == null ? null : value.toString());
      return;
    }
    out.append('"');
    for (int index = 0; index < length; index++) {
      out.append(instantText[index]); // digits and separators: nothing to escape
    }
    out.append('"');
  }

  private void strings(JobField field, List<String> values) {
    if (!wants(field)) {
      return;
    }
    name(field);
    if (values == null) {
      out.appendAscii("null");
      return;
    }
    out.append('[');
    for (int index = 0; index < values.size(); index++) {
      if (index > 0) {
        out.append(',');
      }
      string(values.get(index));
    }
    out.append(']');
  }

  private void numbers(List<? extends Number> values) {
    out.append('[');
    for (int index = 0; index < values.size(); index++) {
      if (index > 0) {
        out.append(',');
      }
      number(values.get(index).longValue());
    }
    out.append(']');
  }

  /** Keys in sorted order, as {@link JobInfo#toJson} has them. */
  private void env(Map<String, String> env) {
    name(JobField.ENV);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(variable.getKey());
      out.append(':');
      string(variable.getValue());
    }
    out.append('}');
  }

  /** A decimal number, as Jackson writes a long. */
  private void number(long value) {
    if (value < 0 || value >= 1_000_000_000_000_000L) {
      out.appendAscii(Long.toString(value));
      return;
    }
    long scale = 1;
    while (scale * 10 <= value) {
      scale *= 10;
    }
    for (; scale > 0; scale /= 10) {
      out.append((char) ('0' + value / scale % 10));
    }
  }

  /** A string (or null), ASCII directly, anything else through Jackson. */
  private void string(String value) {
    if (value == null) {
      out.appendAscii("null");
      return;
    }
    int mark = out.length();
    if (!PlainJson.writeString(value, out)) {
      out.truncate(mark);
      byte[] encoded = jackson(value);
      out.appendBytes(encoded, encoded.length);
    }
  }

  private byte[] jackson(String value) {
    try {
      if (generator == null) {
        scratch = new JsonStreams.Buffer(256);
        generator = JsonStreams.generator(scratch);
        // One generator writes string after string: no separator between its root values.
        generator.setRootValueSeparator(null);
      }
      scratch.reset();
      generator.writeString(value);
      generator.flush();
      return scratch.toByteArray();
    } catch (IOException | RuntimeException failed) {
      generator = null; // in an unknown state after a failure
      if (failed instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new UncheckedIOException((IOException) failed);
    }
  }

  private static byte[][] members() {
    JobField[] fields = JobField.values();
    byte[][] names = new byte[fields.length][];
    for (JobField field : fields) {
      names[field.ordinal()] =
          (",\"" + field.wireName() + "\":").getBytes(StandardCharsets.US_ASCII);
    }
    return names;
  }
}
