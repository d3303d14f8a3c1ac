package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job store's one writer thread with group commit: it takes everything queued, applies it in
 * one transaction, commits durably, and only then completes the writes' futures. Thread-safe:
 * {@link #submit} may be called from any thread.
 *
 * <p>Futures complete on the writer thread: a dependent action attached with a non-async method
 * runs there and must not wait for another store write.
 */
final class StoreWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

  /** Most writes in one transaction, to bound how long one commit keeps its callers waiting. */
  private static final int MAX_GROUP = 4096;

  private final WriterContext context;
  private final UnfinishedJobs unfinished;
  private final Path dbFile;
  private final LinkedBlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
  private final AtomicLong commits = new AtomicLong();
  private final Thread thread;

  /** Orders {@link #closed} with enqueueing, so nothing is queued behind the stop marker. */
  private final Object lock = new Object();

  // Guarded by lock.
  private boolean closed;

  private volatile LongConsumer commitObserver = nanos -> {};
  private volatile Consumer<List<Job>> insertObserver = jobs -> {};

  // Writer thread only: whether the last group failed, to log only the transitions.
  private boolean failing;

  /**
   * @param unfinished told each group's writes after its commit
   */
  StoreWriter(WriterContext context, UnfinishedJobs unfinished, Path dbFile) {
    this.context = context;
    this.unfinished = unfinished;
    this.dbFile = dbFile;
    this.thread = new Thread(this::run, "gflow-store-writer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a write; its future completes after the commit that includes it. */
  <T> CompletableFuture<T> submit(StoreWrite<T> write) {
    return enqueue(write, Mode.SAVEPOINT);
  }

  /**
   * As {@link #submit}, for a write that changes the database with at most one statement (reads and
   * Java before it may fail too). SQLite undoes a failed statement by itself and keeps the
   * transaction, so such a write needs no savepoint of its own: two statements fewer per write (a
   * single submit: its INSERT was one of three statements).
   */
  <T> CompletableFuture<T> submitOneStatement(StoreWrite<T> write) {
    return enqueue(write, Mode.ONE_STATEMENT);
  }

  /**
   * Queues {@code write} to run on the writer connection outside any transaction, before the next
   * group (for connection settings such as pragmas).
   */
  <T> CompletableFuture<T> submitOutsideTransaction(StoreWrite<T> write) {
    return enqueue(write, Mode.OUTSIDE_TRANSACTION);
  }

  private <T> CompletableFuture<T> enqueue(StoreWrite<T> write, Mode mode) {
    Queued<T> queued = new Queued<>(write, mode);
    synchronized (lock) {
      if (closed) {
        queued.future.completeExceptionally(StoreErrors.closed(dbFile));
      } else {
        queue.add(queued);
      }
    }
    return queued.future;
  }

  long commits() {
    return commits.get();
  }

  /** Tells {@code observer} how long each successful group commit took, in nanoseconds. */
  void observeCommits(LongConsumer observer) {
    commitObserver = observer;
  }

  /**
   * Tells {@code observer} the jobs each group inserted, once per commit and before the inserts'
   * futures complete, on the writer thread (so it must be quick and not wait for a store write).
   */
  void observeInserts(Consumer<List<Job>> observer) {
    insertObserver = observer;
  }

  private void observeInserted(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    try {
      insertObserver.accept(jobs);
    } catch (RuntimeException failed) {
      // The jobs are committed and their submitters will be answered; the daemon log shows why
      // the scheduler may not know them until a restart.
      LOG.error("insert observer failed for {} new jobs", jobs.size(), failed);
    }
  }

  private void observeCommit(long nanos) {
    try {
      commitObserver.accept(nanos);
    } catch (RuntimeException failed) {
      LOG.warn("commit observer failed: {}", failed.toString());
    }
  }

  private void run() {
    List<Queued<?>> group = new ArrayList<>();
    while (true) {
      group.clear();
      try {
        group.add(queue.take());
      } catch (InterruptedException ignored) {
        // Only close() stops the writer, so that no queued write is dropped.
        continue;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      Queued<?> last = group.get(group.size() - 1);
      boolean stop = last.write == null;
      if (stop) {
        group.remove(group.size() - 1);
      }
      runGroup(group);
      if (stop) {
        return;
      }
    }
  }

  private void runGroup(List<Queued<?>> group) {
    List<Queued<?>> writes = new ArrayList<>(group.size());
    for (Queued<?> queued : group) {
      if (queued.mode == Mode.OUTSIDE_TRANSACTION) {
        runAlone(queued);
      } else {
        writes.add(queued);
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    long firstFreeId = context.nextId();
    long begin = System.nanoTime();
    try {
      context.execute("BEGIN IMMEDIATE");
      for (Queued<?> queued : writes) {
        applyInSavepoint(queued);
      }
      context.execute("COMMIT");
    } catch (SQLException | RuntimeException | Error e) {
      RuntimeException failure = groupFailure(e);
      rollback(failure);
      context.resetNextId(firstFreeId);
      context.takeInserted();
      context.takeWritten();
      for (Queued<?> queued : writes) {
        queued.future.completeExceptionally(failure);
      }
      return;
    }
    commits.incrementAndGet();
    observeCommit(System.nanoTime() - begin);
    unfinished.committed(context.takeWritten());
    observeInserted(context.takeInserted());
    if (failing) {
      failing = false;
      LOG.info("job store {} accepts writes again", dbFile);
    }
    for (Queued<?> queued : writes) {
      queued.finish();
    }
  }

  /** Applies one write so that, if it fails, the group goes on without any of its changes. */
  private <T> void applyInSavepoint(Queued<T> queued) throws SQLException {
    long firstFreeId = context.nextId();
    WriterContext.Mark mark = context.mark();
    boolean savepoint = queued.mode == Mode.SAVEPOINT;
    if (savepoint) {
      context.execute("SAVEPOINT write");
    }
    try {
      queued.result = queued.write.apply(context);
    } catch (SQLException e) {
      if (StoreErrors.isUnavailable(e)) {
        throw e; // the storage's fault: the whole group fails
      }
      undo(firstFreeId, mark, savepoint);
      queued.failure =
          new IllegalStateException("job store rejected a write: " + e.getMessage(), e);
      return;
    } catch (RuntimeException e) {
      undo(firstFreeId, mark, savepoint);
      queued.failure = e;
      return;
    }
    if (savepoint) {
      context.execute("RELEASE write");
    }
  }

  /** Without a savepoint, SQLite has already undone the one statement that may have failed. */
  private void undo(long firstFreeId, WriterContext.Mark mark, boolean savepoint)
      throws SQLException {
    context.forgetAfter(mark);
    if (savepoint) {
      context.execute("ROLLBACK TO write");
      context.execute("RELEASE write");
    }
    context.resetNextId(firstFreeId);
  }

  private RuntimeException groupFailure(Throwable e) {
    if (e instanceof SQLException sql && StoreErrors.isUnavailable(sql)) {
      if (!failing) {
        failing = true;
        // Once per outage: each caller also gets the error, but the operator needs to know.
        LOG.warn("job store {} refuses writes: {}", dbFile, sql.getMessage());
      }
      return StoreErrors.writeFailed(sql, dbFile);
    }
    return new IllegalStateException("job store transaction failed, nothing was saved", e);
  }

  private void rollback(RuntimeException failure) {
    try {
      context.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may already have rolled back (it does on some full or I/O errors); anything else
      // is worth seeing next to the failure.
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        failure.addSuppressed(e);
      }
    }
  }

  private <T> void runAlone(Queued<T> queued) {
    try {
      queued.result = queued.write.apply(context);
    } catch (SQLException | RuntimeException e) {
      queued.failure = e;
    }
    queued.finish();
  }

  /**
   * Runs everything queued so far and stops the thread; later writes fail as closed. Idempotent.
   * The caller closes the connection afterwards.
   */
  void stop() {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        queue.add(new Queued<>(null, Mode.SAVEPOINT));
      }
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish stopping: the queued writes' callers are waiting
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** How a write is applied. */
  private enum Mode {
    /** In the group's transaction, in a savepoint of its own (any number of statements). */
    SAVEPOINT,
    /** In the group's transaction, without a savepoint: at most one changing statement. */
    ONE_STATEMENT,
    /** On the connection before the group's transaction (pragmas and the like). */
    OUTSIDE_TRANSACTION
  }

  /** A write waiting for the writer, and afterwards its outcome. Guarded by the writer thread. */
  private static final class Queued<T> {
    final StoreWrite<T> write; // null: the stop marker
    final Mode mode;
    final CompletableFuture<T> future = new CompletableFuture<>();
    T result;
    Throwable failure;

    Queued(StoreWrite<T> write, Mode mode) {
      this.write = write;
      this.mode = mode;
    }

    void finish() {
      if (failure != null) {
        future.completeExceptionally(failure);
      } else {
        future.complete(result);
      }
    }
  }
}
