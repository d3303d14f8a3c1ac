package io.gflow.daemon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A few read-only connections, each used by one thread at a time; WAL lets them read while the
 * writer commits. Thread-safe.
 */
final class ReadPool implements AutoCloseable {
  /** One connection with its lock; {@code connection} is null once closed. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    Connection connection; // guarded by lock
  }

  /** A read on a borrowed connection. */
  @FunctionalInterface
  interface Read<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final Slot[] slots;
  private final Path dbFile;

  ReadPool(List<Connection> connections, Path dbFile) {
    this.dbFile = dbFile;
    this.slots = new Slot[connections.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot();
      slots[i].connection = connections.get(i);
    }
  }

  /**
   * Runs {@code read} on a free connection, waiting for one if all are busy.
   *
   * @throws io.gflow.protocol.RpcException UNAVAILABLE if the read fails or the pool is closed
   */
  <T> T read(Read<T> read) {
    Slot slot = acquire();
    try {
      if (slot.connection == null) {
        throw StoreErrors.closed(dbFile);
      }
      return read.apply(slot.connection);
    } catch (SQLException e) {
      throw StoreErrors.readFailed(e, dbFile);
    } finally {
      slot.lock.unlock();
    }
  }

  private Slot acquire() {
    int start = ThreadLocalRandom.current().nextInt(slots.length);
    for (int i = 0; i < slots.length; i++) {
      Slot slot = slots[(start + i) % slots.length];
      if (slot.lock.tryLock()) {
        return slot;
      }
    }
    Slot slot = slots[start];
    slot.lock.lock();
    return slot;
  }

  /** Waits for reads in progress, then closes every connection. Idempotent. */
  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (Slot slot : slots) {
      slot.lock.lock();
      try {
        if (slot.connection != null) {
          slot.connection.close();
        }
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      } finally {
        slot.connection = null;
        slot.lock.unlock();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
