package io.gflow.daemon.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens and configures the store's SQLite connections: one writer (WAL, {@code synchronous=FULL})
 * and read-only readers. Stateless and thread-safe.
 */
final class Connections {
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  // Page caches (negative = KiB): job rows are scattered over pages, so a page per row read.
  private static final int READ_CACHE_KIB = -8_000;
  private static final int WRITE_CACHE_KIB = -16_000;

  private Connections() {}

  /** The writer connection, creating the database if it is empty. */
  static Connection writer(String url, Path file) throws SQLException, IOException {
    Connection connection = connect(url, true);
    try (Statement statement = connection.createStatement()) {
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        String actual = mode.next() ? mode.getString(1) : "unknown";
        if (!"wal".equalsIgnoreCase(actual)) {
          throw new IOException(
              file + ": SQLite refused WAL mode (got " + actual + "); is it on a network mount?");
        }
      }
      // FULL: in WAL mode every commit is fsynced before it is acknowledged.
      statement.execute("PRAGMA synchronous = FULL");
      statement.execute("PRAGMA cache_size = " + WRITE_CACHE_KIB);
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closeFailed) {
        e.addSuppressed(closeFailed);
      }
      throw e;
    }
    return connection;
  }

  /** A reader: never creates the file, and refuses writes ({@code query_only}). */
  static Connection reader(String url) throws SQLException {
    Connection connection = connect(url, false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = ON");
      statement.execute("PRAGMA cache_size = " + READ_CACHE_KIB);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closeFailed) {
        e.addSuppressed(closeFailed);
      }
      throw e;
    }
    return connection;
  }

  private static Connection connect(String url, boolean writer) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Otherwise the driver runs SELECT last_insert_rowid() after every INSERT; ids are ours.
    config.setGetGeneratedKeys(false);
    if (!writer) {
      config.resetOpenMode(SQLiteOpenMode.CREATE);
      // A reader serves one thread at a time (ReadPool), and the driver serializes the calls on a
      // connection itself: SQLite's own lock around every column read of a listing is pure cost.
      config.setOpenMode(SQLiteOpenMode.NOMUTEX);
    }
    return config.createConnection(url);
  }
}
