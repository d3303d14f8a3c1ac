package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job store's queries, run on the read pool: they see every committed write and never wait for
 * the writer. Thread-safe.
 */
final class StoreReader {
  static final List<String> TERMINAL_STATES =
      Arrays.stream(JobState.values())
          .filter(JobState::isTerminal)
          .map(JobState::wireName)
          .toList();

  private final ReadPool pool;

  StoreReader(ReadPool pool) {
    this.pool = pool;
  }

  Optional<Job> get(long id) {
    List<Job> jobs = query(JobRows.SELECT + " WHERE id = ?", List.of(id));
    return jobs.stream().findFirst();
  }

  List<Job> loadUnfinished() {
    return query(loadUnfinishedSql(), List.of());
  }

  /** The summaries of every job not in a terminal state, by id. */
  List<JobSummary> unfinishedSummaries() {
    return query(unfinishedSql(JobRows.SELECT_SUMMARY), List.of(), JobRows::readSummary);
  }

  /** The SQL of {@link #loadUnfinished}. */
  static String loadUnfinishedSql() {
    return unfinishedSql(JobRows.SELECT);
  }

  private static String unfinishedSql(String select) {
    // Walks the unfinished jobs in id order rather than sorting them or scanning every job.
    return select + " INDEXED BY jobs_unfinished WHERE " + Schema.UNFINISHED + " ORDER BY id";
  }

  List<Job> list(JobQuery query) {
    List<Object> arguments = new ArrayList<>();
    return query(listSql(JobRows.SELECT, query, arguments), arguments, JobRows::read);
  }

  List<StoredJob> listWithoutEnv(JobQuery query) {
    List<Object> arguments = new ArrayList<>();
    return query(listSql(JobRows.SELECT, query, arguments), arguments, JobRows::readWithoutEnv);
  }

  List<JobSummary> listSummaries(JobQuery query) {
    List<Object> arguments = new ArrayList<>();
    return query(
        listSql(JobRows.SELECT_SUMMARY, query, arguments), arguments, JobRows::readSummary);
  }

  /** The SQL of {@link #list}; adds its arguments to {@code arguments}. */
  static String listSql(JobQuery query, List<Object> arguments) {
    return listSql(JobRows.SELECT, query, arguments);
  }

  /** The SQL of a listing that selects with {@code select}; adds its arguments. */
  private static String listSql(String select, JobQuery query, List<Object> arguments) {
    StringBuilder sql = new StringBuilder(select);
    // Unfinished jobs are few and finished ones pile up, but without statistics SQLite would walk
    // every job in id order to find the unfinished ones: name the partial index that holds them in
    // id order, and repeat its WHERE, without which SQLite may not use it.
    if (query.onlyUnfinished() && query.ids().isEmpty()) {
      sql.append(" INDEXED BY jobs_unfinished WHERE ")
          .append(Schema.UNFINISHED)
          .append(" AND id > ?");
    } else {
      sql.append(" WHERE id > ?");
    }
    arguments.add(query.afterId());
    in(sql, arguments, "uid", query.uids());
    in(sql, arguments, "state", query.states().stream().map(JobState::wireName).toList());
    in(sql, arguments, "id", query.ids());
    in(sql, arguments, "name", query.names());
    if (query.since() != null) {
      sql.append(" AND (end_time >= ? OR submit_time >= ?)");
      arguments.add(query.since().toEpochMilli());
      arguments.add(query.since().toEpochMilli());
    }
    sql.append(" ORDER BY id LIMIT ?");
    arguments.add(query.limit());
    return sql.toString();
  }

  Map<JobState, Long> countByState() {
    return pool.read(
        connection -> {
          Map<JobState, Long> counts = new EnumMap<>(JobState.class);
          for (JobState state : JobState.values()) {
            counts.put(state, 0L);
          }
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT state, count(*) FROM jobs GROUP BY state");
              ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              counts.put(JobRows.state(result.getString(1), 0), result.getLong(2));
            }
          }
          return counts;
        });
  }

  /** The largest id ever committed, including purged jobs; 0 before the first. */
  long maxId() {
    return pool.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'jobs'),"
                          + " 0), coalesce((SELECT max(id) FROM jobs), 0))");
              ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0L;
          }
        });
  }

  Optional<String> setting(String name) {
    return pool.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
              return result.next() ? Optional.of(result.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Reads one row at the result's cursor. */
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private List<Job> query(String sql, List<Object> arguments) {
    return query(sql, arguments, JobRows::read);
  }

  private <T> List<T> query(String sql, List<Object> arguments, RowReader<T> rows) {
    return pool.read(
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, arguments);
              ResultSet result = statement.executeQuery()) {
            List<T> jobs = new ArrayList<>();
            while (result.next()) {
              jobs.add(rows.read(result));
            }
            return jobs;
          }
        });
  }

  private static PreparedStatement prepare(
      Connection connection, String sql, List<Object> arguments) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < arguments.size(); i++) {
        Object argument = arguments.get(i);
        if (argument instanceof String text) {
          statement.setString(i + 1, text);
        } else {
          statement.setLong(i + 1, ((Number) argument).longValue());
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void in(
      StringBuilder sql, List<Object> arguments, String column, Collection<?> values) {
    if (!values.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (").append(placeholders(values)).append(')');
      arguments.addAll(values);
    }
  }

  static String placeholders(Collection<?> values) {
    return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
  }
}
