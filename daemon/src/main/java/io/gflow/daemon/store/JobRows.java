package io.gflow.daemon.store;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Maps a {@link Job} to a row of the {@code jobs} table and back. Times are stored as epoch
 * milliseconds, so they come back truncated to the millisecond. Stateless and thread-safe.
 */
final class JobRows {
  /** The columns in bind and select order. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "array_job_id",
          "array_task_id",
          "uid",
          "gid",
          "user",
          "name",
          "state",
          "reason",
          "priority",
          "gpus",
          "submit_time",
          "start_time",
          "end_time",
          "exit_code",
          "signal",
          "assigned_gpus",
          "pid",
          "pid_start_ticks",
          "spec");

  static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM jobs";

  /** The columns {@link #readSummary} reads: {@link #COLUMNS} up to {@code assigned_gpus}. */
  static final String SELECT_SUMMARY =
      "SELECT " + String.join(", ", COLUMNS.subList(0, COLUMNS.indexOf("pid"))) + " FROM jobs";

  static final String INSERT =
      "INSERT INTO jobs ("
          + String.join(", ", COLUMNS)
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(COLUMNS.size(), "?"))
          + ")";

  static final String UPSERT =
      INSERT
          + " ON CONFLICT (id) DO UPDATE SET "
          + String.join(
              ", ",
              COLUMNS.subList(1, COLUMNS.size()).stream()
                  .map(column -> column + " = excluded." + column)
                  .toList());

  private JobRows() {}

  /**
   * Binds every column of {@code job}; {@code specJson} is its spec as {@link SpecJson} writes it.
   */
  static void bind(PreparedStatement statement, Job job, String specJson) throws SQLException {
    int index = 0;
    statement.setLong(++index, job.id());
    setLong(statement, ++index, job.arrayJobId());
    setLong(statement, ++index, job.arrayTaskId() == null ? null : job.arrayTaskId().longValue());
    statement.setLong(++index, job.owner().uid());
    statement.setLong(++index, job.owner().gid());
    statement.setString(++index, job.owner().user());
    statement.setString(++index, job.spec().name());
    statement.setString(++index, job.state().wireName());
    statement.setString(++index, job.reason());
    statement.setInt(++index, job.spec().priority());
    statement.setInt(++index, job.spec().gpus());
    statement.setLong(++index, job.submitTime().toEpochMilli());
    setLong(statement, ++index, millis(job.startTime()));
    setLong(statement, ++index, millis(job.endTime()));
    ExitStatus exit = job.exit();
    setLong(statement, ++index, exit == null || exit.code() == null ? null : (long) exit.code());
    setLong(
        statement, ++index, exit == null || exit.signal() == null ? null : (long) exit.signal());
    statement.setString(++index, gpusJson(job.assignedGpus()));
    statement.setLong(++index, job.pid());
    statement.setLong(++index, job.pidStartTicks());
    statement.setString(++index, specJson);
  }

  private static String gpusJson(List<Integer> gpus) {
    return gpus.isEmpty()
        ? "[]"
        : Json.write(JsonArray.ofLongs(gpus.stream().map(Long::valueOf).toList()));
  }

  /** Reads the row at the result's cursor, which must have {@link #COLUMNS} in order. */
  static Job read(ResultSet row) throws SQLException {
    return read(row, true).decode();
  }

  /**
   * As {@link #read(ResultSet)}, the spec decoded only when the job is, and then without its
   * environment ({@link SpecReader#read(byte[], boolean)}).
   */
  static StoredJob readWithoutEnv(ResultSet row) throws SQLException {
    return read(row, false);
  }

  private static StoredJob read(ResultSet row, boolean withEnv) throws SQLException {
    // Positional access in COLUMNS order: by-name lookups cost more than the row itself.
    int index = 0;
    long id = row.getLong(++index);
    Long arrayJobId = nullableLong(row, ++index);
    Long arrayTaskId = nullableLong(row, ++index);
    Owner owner = new Owner(row.getLong(++index), row.getLong(++index), text(row, ++index));
    index++; // name: the spec has it
    JobState state = state(text(row, ++index), id);
    String reason = text(row, ++index);
    index += 2; // priority, gpus: the spec has them
    Instant submitTime = Instant.ofEpochMilli(row.getLong(++index));
    Instant startTime = instant(nullableLong(row, ++index));
    Instant endTime = instant(nullableLong(row, ++index));
    Long exitCode = nullableLong(row, ++index);
    Long signal = nullableLong(row, ++index);
    ExitStatus exit = exit(exitCode, signal);
    List<Integer> assignedGpus = gpus(text(row, ++index), id);
    long pid = row.getLong(++index);
    long pidStartTicks = row.getLong(++index);
    byte[] spec = row.getBytes(++index);
    return new StoredJob(
        id,
        () ->
            new Job(
                id,
                arrayJobId,
                arrayTaskId == null ? null : arrayTaskId.intValue(),
                owner,
                SpecReader.read(spec, withEnv),
                state,
                reason,
                submitTime,
                startTime,
                endTime,
                exit,
                assignedGpus,
                pid,
                pidStartTicks));
  }

  /**
   * Reads the row at the result's cursor, which must have the columns of {@link #SELECT_SUMMARY} in
   * order: as {@link #read} without the spec, whose name, priority and GPUs are columns too.
   */
  static JobSummary readSummary(ResultSet row) throws SQLException {
    int index = 0;
    long id = row.getLong(++index);
    Long arrayJobId = nullableLong(row, ++index);
    Long arrayTaskId = nullableLong(row, ++index);
    Owner owner = new Owner(row.getLong(++index), row.getLong(++index), text(row, ++index));
    String name = text(row, ++index);
    JobState state = state(text(row, ++index), id);
    String reason = text(row, ++index);
    int priority = row.getInt(++index);
    int gpus = row.getInt(++index);
    Instant submitTime = Instant.ofEpochMilli(row.getLong(++index));
    Instant startTime = instant(nullableLong(row, ++index));
    Instant endTime = instant(nullableLong(row, ++index));
    ExitStatus exit = exit(nullableLong(row, ++index), nullableLong(row, ++index));
    return new JobSummary(
        id,
        arrayJobId,
        arrayTaskId == null ? null : arrayTaskId.intValue(),
        owner,
        name,
        state,
        reason,
        priority,
        gpus,
        submitTime,
        startTime,
        endTime,
        exit,
        gpus(text(row, ++index), id));
  }

  /**
   * The summary {@link #readSummary} reads from the row {@link #bind} writes for {@code job}: its
   * times truncated to the millisecond.
   */
  static JobSummary asRead(Job job) {
    return JobSummary.of(job, time -> Instant.ofEpochMilli(time.toEpochMilli()));
  }

  private static ExitStatus exit(Long exitCode, Long signal) {
    return exitCode != null
        ? ExitStatus.exited(exitCode.intValue())
        : signal != null ? ExitStatus.killed(signal.intValue()) : null;
  }

  static JobState state(String wireName, long id) {
    for (JobState state : JobState.values()) {
      if (state.wireName().equals(wireName)) {
        return state;
      }
    }
    throw new IllegalStateException("job " + id + " has unknown stored state " + wireName);
  }

  private static List<Integer> gpus(String text, long id) {
    if (text.equals("[]")) {
      // Every queued job and every CPU-only one: no need for a JSON parser.
      return List.of();
    }
    List<Integer> gpus = new ArrayList<>();
    try {
      for (JsonValue element : ((JsonArray) Json.parse(text)).elements()) {
        gpus.add(Math.toIntExact(((JsonNumber) element).exactLong().orElseThrow()));
      }
    } catch (JsonFormatException | RuntimeException e) {
      throw new IllegalStateException("job " + id + " has malformed assigned_gpus: " + text, e);
    }
    return gpus;
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
    }
  }

  private static Long nullableLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    // A NULL reads as 0; wasNull is another call into SQLite, so only ask when it may be one.
    return value == 0 && row.wasNull() ? null : value;
  }

  /**
   * The text in {@code column}, or null. sqlite-jdbc's getString hands the text over in a direct
   * buffer it builds by calling back into Java, which costs more than the rest of a short column;
   * getBytes copies SQLite's UTF-8 into a plain array, decoded here as getString would.
   */
  private static String text(ResultSet row, int column) throws SQLException {
    byte[] utf8 = row.getBytes(column);
    return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
  }
}
