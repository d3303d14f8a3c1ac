package io.gflow.daemon.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The job store's versioned schema: an ordered list of migrations, each applied in its own
 * transaction that also records it in {@code schema_history} and sets {@code PRAGMA user_version}.
 * Stateless and thread-safe; {@link #migrate} must run on a connection no other thread uses.
 */
final class Schema {
  /** One step from version {@code version - 1} to {@code version}. */
  record Migration(int version, String description, List<String> statements) {}

  /**
   * The unfinished states as the WHERE of migration 2's partial index. SQLite uses a partial index
   * only for a query that has this term word for word (bound parameters do not count), so queries
   * append this text; a test checks it against {@link io.gflow.protocol.job.JobState#isTerminal}.
   */
  static final String UNFINISHED = "state IN ('PENDING', 'HELD', 'RUNNING')";

  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "jobs, settings, schema history",
              List.of(
                  """
                  CREATE TABLE schema_history (
                    version INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at INTEGER NOT NULL)""",
                  // AUTOINCREMENT: sqlite_sequence remembers the largest id ever used, so ids are
                  // never handed out twice, even after the newest jobs are purged.
                  """
                  CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    array_job_id INTEGER,
                    array_task_id INTEGER,
                    uid INTEGER NOT NULL,
                    gid INTEGER NOT NULL,
                    user TEXT NOT NULL,
                    name TEXT NOT NULL,
                    state TEXT NOT NULL,
                    reason TEXT,
                    priority INTEGER NOT NULL,
                    gpus INTEGER NOT NULL,
                    submit_time INTEGER NOT NULL,
                    start_time INTEGER,
                    end_time INTEGER,
                    exit_code INTEGER,
                    signal INTEGER,
                    assigned_gpus TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    pid_start_ticks INTEGER NOT NULL,
                    spec TEXT NOT NULL)""",
                  // Every index ends in the rowid (= id), so equality on its columns yields id
                  // order
                  // and pages need no sort.
                  "CREATE INDEX jobs_by_state ON jobs (state)",
                  // Not redundant with jobs_by_uid_state: only this one yields one user's jobs of
                  // every state in id order (a page of gqueue -a -u).
                  "CREATE INDEX jobs_by_uid ON jobs (uid)",
                  "CREATE INDEX jobs_by_uid_state ON jobs (uid, state)",
                  "CREATE INDEX jobs_by_array ON jobs (array_job_id) WHERE array_job_id IS NOT NULL",
                  "CREATE INDEX jobs_by_end ON jobs (end_time) WHERE end_time IS NOT NULL",
                  """
                  CREATE TABLE settings (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL) WITHOUT ROWID""")),
          // A page of unfinished jobs (gqueue's default) read jobs_by_state or jobs_by_uid_state:
          // equality on three states gives three id-ordered runs, so SQLite read every unfinished
          // job after the page's start and sorted them, for every page. This holds only the
          // unfinished jobs, in id order: a page is a range walk that stops at its limit, and the
          // uid beside the id filters one user's jobs without reading the others' rows. One index,
          // not one more per filter: every state change rewrites it.
          new Migration(
              2,
              "partial index of the unfinished jobs in id order",
              List.of("CREATE INDEX jobs_unfinished ON jobs (id, uid) WHERE " + UNFINISHED)));

  /** The version a database has once every known migration is applied. */
  static final int CURRENT_VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

  private Schema() {}

  /**
   * Brings the database up to {@link #CURRENT_VERSION}; a database from a newer gflowd is refused
   * rather than guessed at.
   */
  static void migrate(Connection connection, Path dbFile, Clock clock)
      throws SQLException, IOException {
    int version = version(connection);
    if (version > CURRENT_VERSION) {
      throw new IOException(
          dbFile
              + " has schema version "
              + version
              + ", newer than this gflowd knows ("
              + CURRENT_VERSION
              + "): run the newer gflowd, or restore a backup");
    }
    for (Migration migration : MIGRATIONS) {
      if (migration.version() > version) {
        apply(connection, migration, clock);
      }
    }
  }

  static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA user_version")) {
      return result.next() ? result.getInt(1) : 0;
    }
  }

  private static void apply(Connection connection, Migration migration, Clock clock)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        for (String sql : migration.statements()) {
          statement.execute(sql);
        }
        try (PreparedStatement history =
            connection.prepareStatement(
                "INSERT INTO schema_history (version, description, applied_at) VALUES (?, ?, ?)")) {
          history.setInt(1, migration.version());
          history.setString(2, migration.description());
          history.setLong(3, clock.millis());
          history.executeUpdate();
        }
        // user_version lives in the database header, so it commits or rolls back with the rest.
        statement.execute("PRAGMA user_version = " + migration.version());
        statement.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        try {
          statement.execute("ROLLBACK");
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed);
        }
        throw e;
      }
    }
  }
}
