package io.gflow.daemon.store;

import java.sql.SQLException;

/**
 * One queued mutation of the job store, applied on the writer thread inside a group's transaction
 * (in its own savepoint, so its failure undoes only itself). Implementations need not be
 * thread-safe: the writer calls each once.
 */
@FunctionalInterface
interface StoreWrite<T> {
  T apply(WriterContext context) throws SQLException;
}
