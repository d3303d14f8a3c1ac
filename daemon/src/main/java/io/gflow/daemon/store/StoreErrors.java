package io.gflow.daemon.store;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns SQLite failures into what callers are told: storage that cannot take writes (full,
 * read-only, I/O errors, locked too long) is {@link ErrorCode#UNAVAILABLE}, which clients may retry
 * later. Stateless and thread-safe.
 */
final class StoreErrors {
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_NOMEM = 7;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_PROTOCOL = 15;

  private static final Set<Integer> UNAVAILABLE_CODES =
      Set.of(
          SQLITE_BUSY,
          SQLITE_LOCKED,
          SQLITE_NOMEM,
          SQLITE_READONLY,
          SQLITE_IOERR,
          SQLITE_FULL,
          SQLITE_CANTOPEN,
          SQLITE_PROTOCOL);

  private StoreErrors() {}

  /** The primary SQLite result code (extended codes keep it in their low byte). */
  static int primaryCode(SQLException e) {
    return e.getErrorCode() & 0xff;
  }

  /** Whether the failure is the storage's, not the statement's: worth retrying later. */
  static boolean isUnavailable(SQLException e) {
    return UNAVAILABLE_CODES.contains(primaryCode(e));
  }

  static RpcException writeFailed(SQLException e, Path dbFile) {
    return new RpcException(
        ErrorCode.UNAVAILABLE,
        "job store is read-only or full: nothing was saved ("
            + e.getMessage()
            + "); free space or fix permissions on "
            + dbFile);
  }

  static RpcException readFailed(SQLException e, Path dbFile) {
    return new RpcException(
        ErrorCode.UNAVAILABLE,
        "job store " + dbFile + " could not be read (" + e.getMessage() + ")");
  }

  static RpcException closed(Path dbFile) {
    return new RpcException(ErrorCode.UNAVAILABLE, "job store " + dbFile + " is closed");
  }
}
