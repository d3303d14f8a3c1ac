package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer connection with its prepared statements and the next free job id. Not thread-safe:
 * only the writer thread uses it (and the opening thread before the writer starts).
 */
final class WriterContext implements AutoCloseable {
  private static final String STORED_NEXT_ID =
      "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'jobs'), 0),"
          + " coalesce((SELECT max(id) FROM jobs), 0)) + 1";

  private final Connection connection;
  private final Statement control;
  // SQL -> its statement, prepared once; dropped when it fails (the driver finalizes it then).
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private final SpecTexts specTexts = new SpecTexts();
  // The jobs inserted in the current group so far, for the observer told after its commit.
  private final List<Job> inserted = new ArrayList<>();
  // The jobs inserted or saved in the current group so far, in write order, for the unfinished
  // jobs in memory after its commit.
  private final List<Job> written = new ArrayList<>();
  private long nextId;

  WriterContext(Connection connection) throws SQLException {
    this.connection = connection;
    this.control = connection.createStatement();
    this.nextId = storedNextId();
  }

  Connection connection() {
    return connection;
  }

  /** Runs one of the writer's fixed statements (BEGIN, COMMIT, SAVEPOINT and the like). */
  void execute(String sql) throws SQLException {
    try {
      statement(sql).execute();
    } catch (SQLException e) {
      forget(sql);
      throw e;
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    return statement;
  }

  private void forget(String sql) {
    PreparedStatement statement = prepared.remove(sql);
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException alreadyFinalized) {
        // The failed execution finalized it; nothing left to release.
      }
    }
  }

  /** Reserves {@code count} consecutive ids in this transaction and returns the first. */
  long allocateIds(int count) {
    long first = nextId;
    nextId += count;
    return first;
  }

  long nextId() {
    return nextId;
  }

  /** Sets the next free id after a rollback; never below what the database already used. */
  void resetNextId(long fallback) {
    long stored;
    try {
      stored = storedNextId();
    } catch (SQLException unreadable) {
      stored = fallback;
    }
    nextId = Math.max(fallback, stored);
  }

  /** Inserts new rows; an id already present fails the statement rather than overwriting. */
  void insert(List<Job> jobs) throws SQLException {
    write(JobRows.INSERT, jobs);
    inserted.addAll(jobs);
    written.addAll(jobs);
  }

  /** How many jobs this group has written so far: a mark for {@link #forgetAfter}. */
  Mark mark() {
    return new Mark(inserted.size(), written.size());
  }

  /** Forgets the writes after {@code mark}, which a savepoint rollback has undone. */
  void forgetAfter(Mark mark) {
    inserted.subList(mark.inserted(), inserted.size()).clear();
    written.subList(mark.written(), written.size()).clear();
  }

  /** The jobs this group inserted, in insertion order; starts the next group's list. */
  List<Job> takeInserted() {
    return take(inserted);
  }

  /** The jobs this group inserted or saved, in write order; starts the next group's list. */
  List<Job> takeWritten() {
    return take(written);
  }

  private static List<Job> take(List<Job> jobs) {
    List<Job> taken = List.copyOf(jobs);
    jobs.clear();
    return taken;
  }

  /** Inserts or replaces rows by id. */
  void upsert(List<Job> jobs) throws SQLException {
    write(JobRows.UPSERT, jobs);
    written.addAll(jobs);
    for (Job job : jobs) {
      nextId = Math.max(nextId, job.id() + 1);
    }
  }

  /** How many jobs a group had inserted and written at some point. */
  record Mark(int inserted, int written) {}

  private void write(String sql, List<Job> jobs) throws SQLException {
    try {
      PreparedStatement statement = statement(sql);
      for (Job job : jobs) {
        JobRows.bind(statement, job, specTexts.of(job.spec()));
        statement.executeUpdate();
      }
    } catch (SQLException e) {
      forget(sql);
      throw e;
    }
  }

  /**
   * The JSON of the specs written last, by identity: the tasks of an array share one spec, and a
   * job keeps its spec object as the scheduler moves it from state to state, so each spec is
   * written as JSON about once. Not thread-safe.
   */
  private static final class SpecTexts {
    private static final int SIZE = 64;
    private final JobSpec[] specs = new JobSpec[SIZE];
    private final String[] texts = new String[SIZE];
    private int next;

    String of(JobSpec spec) {
      for (int i = 0; i < SIZE; i++) {
        if (specs[i] == spec) {
          return texts[i];
        }
      }
      String text = SpecJson.write(spec);
      specs[next] = spec;
      texts[next] = text;
      next = (next + 1) % SIZE;
      return text;
    }
  }

  /** How many PENDING or HELD jobs {@code uid} has, as this transaction sees them. */
  long queuedOf(long uid) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT count(*) FROM jobs WHERE uid = ? AND state IN ('PENDING', 'HELD')")) {
      count.setLong(1, uid);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** Inserts or replaces a setting's JSON text. */
  void putSetting(String name, String jsonValue) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      statement.setString(1, name);
      statement.setString(2, jsonValue);
      statement.executeUpdate();
    }
  }

  /** Deletes terminal jobs that ended before the cutoff; returns how many. */
  int purgeFinishedBefore(long cutoffMillis) throws SQLException {
    List<String> terminal = StoreReader.TERMINAL_STATES;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "DELETE FROM jobs WHERE end_time < ? AND state IN ("
                + StoreReader.placeholders(terminal)
                + ")")) {
      statement.setLong(1, cutoffMillis);
      for (int i = 0; i < terminal.size(); i++) {
        statement.setString(i + 2, terminal.get(i));
      }
      return statement.executeUpdate();
    }
  }

  private long storedNextId() throws SQLException {
    try (ResultSet result = control.executeQuery(STORED_NEXT_ID)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    prepared.keySet().stream().toList().forEach(this::forget);
    try (connection;
        control) {
      try {
        // Keeps the planner's statistics fresh; cheap, and only at close.
        control.execute("PRAGMA optimize");
      } catch (SQLException notNeeded) {
        // A full or read-only database cannot store statistics; the old ones still serve.
      }
    }
  }
}
