package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The members of a {@link JobInfo} by their wire names, in the order they are written: what {@code
 * job.list}'s {@code fields} may name. Thread-safe enum.
 */
public enum JobField {
  ID("id"),
  ARRAY_JOB_ID("array_job_id"),
  ARRAY_TASK_ID("array_task_id"),
  USER("user"),
  UID("uid"),
  NAME("name"),
  STATE("state"),
  REASON("reason"),
  PRIORITY("priority"),
  GPUS("gpus"),
  ASSIGNED_GPUS("assigned_gpus"),
  SUBMIT_TIME("submit_time"),
  START_TIME("start_time"),
  END_TIME("end_time"),
  EXIT_CODE("exit_code"),
  SIGNAL("signal"),
  TIME_LIMIT("time_limit"),
  BEGIN("begin"),
  DEPENDS_ON("depends_on"),
  DEPENDENCY_MODE("dependency_mode"),
  GROUP("group"),
  PROJECT("project"),
  REDACTED("redacted"),
  COMMAND("command"),
  SCRIPT("script"),
  CWD("cwd"),
  ENV("env"),
  STDOUT_PATH("stdout_path"),
  STDERR_PATH("stderr_path");

  /** The members every job read back must carry ({@link JobInfo} has no value for them missing). */
  public static final Set<JobField> REQUIRED =
      Collections.unmodifiableSet(
          EnumSet.of(ID, USER, UID, NAME, STATE, PRIORITY, GPUS, SUBMIT_TIME));

  private static final Map<String, JobField> BY_WIRE_NAME = byWireName();

  private final String wireName;

  JobField(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The member named {@code text} on the wire (exact spelling), or null if there is none. */
  static JobField byWireName(String text) {
    return text == null ? null : BY_WIRE_NAME.get(text);
  }

  private static Map<String, JobField> byWireName() {
    Map<String, JobField> fields = new HashMap<>();
    for (JobField field : values()) {
      fields.put(field.wireName, field);
    }
    return Collections.unmodifiableMap(fields);
  }

  /**
   * The member named {@code text} on the wire (exact spelling).
   *
   * @param context where the name was read, for the message ("job.list params.fields")
   * @throws RpcException INVALID_PARAMS naming the unknown field and listing the known ones
   */
  public static JobField parse(String context, String text) {
    JobField field = byWireName(text);
    if (field != null) {
      return field;
    }
    throw RpcException.invalidParams(
        context
            + ": unknown job field '"
            + SafeText.escape(text)
            + "' (one of "
            + Arrays.stream(values()).map(JobField::wireName).collect(Collectors.joining(", "))
            + ")");
  }

  /** {@code fields} as an immutable set in wire order; empty for null. */
  static Set<JobField> setOf(Collection<JobField> fields) {
    if (fields == null || fields.isEmpty()) {
      return Set.of();
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(fields));
  }
}
