package io.gflow.daemon.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job store's writer with group commit: whoever runs a group takes everything queued, applies
 * it in one transaction, commits durably, and only then completes the writes' futures. One group
 * runs at a time. The writer thread runs groups for writes nobody waits on; a thread that waits on
 * its write's future ({@code get} or {@code join}) runs the next group itself when no group is
 * running, which spares it two thread hand-offs per write. Thread-safe: {@link #submit} may be
 * called from any thread.
 *
 * <p>Futures complete on the thread that ran their group: a dependent action attached with a
 * non-async method runs there and must not wait for another store write.
 */
final class StoreWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

  /** Most writes in one transaction, to bound how long one commit keeps its callers waiting. */
  private static final int MAX_GROUP = 4096;

  private final WriterContext context;
  private final Path dbFile;
  private final AtomicLong commits = new AtomicLong();
  private final Thread thread;

  /** Guards the queue and who runs groups; the writer thread waits on it. */
  private final Object lock = new Object();

  // Guarded by lock.
  private final ArrayDeque<Queued<?>> queue = new ArrayDeque<>();
  // Guarded by lock: a thread is running a group (only that thread uses the context).
  private boolean running;
  // Guarded by lock.
  private boolean closed;

  private volatile LongConsumer commitObserver = nanos -> {};

  // Only the thread running a group: whether the last group failed, to log only the transitions.
  private boolean failing;

  StoreWriter(WriterContext context, Path dbFile) {
    this.context = context;
    this.dbFile = dbFile;
    this.thread = new Thread(this::run, "gflow-store-writer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a write; its future completes after the commit that includes it. */
  <T> CompletableFuture<T> submit(StoreWrite<T> write) {
    return enqueue(write, false);
  }

  /**
   * Queues a write and, when no group is running, runs a group with it on the calling thread before
   * returning; otherwise the write joins the next group, as with {@link #submit}. For callers that
   * wait for the write anyway: the call may take as long as a commit.
   */
  <T> CompletableFuture<T> submitAndRun(StoreWrite<T> write) {
    Queued<T> queued = new Queued<>(write, false);
    List<Queued<?>> group = null;
    synchronized (lock) {
      if (closed) {
        queued.future.completeExceptionally(StoreErrors.closed(dbFile));
      } else {
        queue.add(queued);
        // When a group runs, its thread wakes the writer thread for what queued meanwhile.
        group = running ? null : takeGroup();
      }
    }
    if (group != null) {
      runGroupAndRelease(group);
    }
    return queued.future;
  }

  /**
   * Queues {@code write} to run on the writer connection outside any transaction, before the next
   * group (for connection settings such as pragmas).
   */
  <T> CompletableFuture<T> submitOutsideTransaction(StoreWrite<T> write) {
    return enqueue(write, true);
  }

  private <T> CompletableFuture<T> enqueue(StoreWrite<T> write, boolean outsideTransaction) {
    Queued<T> queued = new Queued<>(write, outsideTransaction);
    synchronized (lock) {
      if (closed) {
        queued.future.completeExceptionally(StoreErrors.closed(dbFile));
      } else {
        queue.add(queued);
        if (!running) {
          lock.notifyAll(); // the writer thread, in case nobody waits on this write
        }
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

  private void observeCommit(long nanos) {
    try {
      commitObserver.accept(nanos);
    } catch (RuntimeException failed) {
      LOG.warn("commit observer failed: {}", failed.toString());
    }
  }

  /** The writer thread: runs groups until stopped and nothing is left. */
  private void run() {
    while (true) {
      List<Queued<?>> group;
      synchronized (lock) {
        while (running || (queue.isEmpty() && !closed)) {
          try {
            lock.wait();
          } catch (InterruptedException ignored) {
            // Only stop() ends the writer, so that no queued write is dropped.
          }
        }
        if (queue.isEmpty()) {
          return; // closed, and everything queued has run
        }
        group = takeGroup();
      }
      runGroupAndRelease(group);
    }
  }

  // Guarded by lock (called holding it).
  private List<Queued<?>> takeGroup() {
    List<Queued<?>> group = new ArrayList<>(Math.min(queue.size(), MAX_GROUP));
    while (!queue.isEmpty() && group.size() < MAX_GROUP) {
      group.add(queue.poll());
    }
    running = true;
    return group;
  }

  private void runGroupAndRelease(List<Queued<?>> group) {
    try {
      runGroup(group);
    } finally {
      synchronized (lock) {
        running = false;
        if (!queue.isEmpty() || closed) {
          lock.notifyAll(); // the writer thread takes over what queued meanwhile
        }
      }
    }
  }

  private void runGroup(List<Queued<?>> group) {
    List<Queued<?>> writes = new ArrayList<>(group.size());
    for (Queued<?> queued : group) {
      if (queued.outsideTransaction) {
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
      for (Queued<?> queued : writes) {
        queued.future.completeExceptionally(failure);
      }
      return;
    }
    commits.incrementAndGet();
    observeCommit(System.nanoTime() - begin);
    if (failing) {
      failing = false;
      LOG.info("job store {} accepts writes again", dbFile);
    }
    for (Queued<?> queued : writes) {
      queued.finish();
    }
  }

  private <T> void applyInSavepoint(Queued<T> queued) throws SQLException {
    long firstFreeId = context.nextId();
    context.execute("SAVEPOINT write");
    try {
      queued.result = queued.write.apply(context);
    } catch (SQLException e) {
      if (StoreErrors.isUnavailable(e)) {
        throw e; // the storage's fault: the whole group fails
      }
      undo(firstFreeId);
      queued.failure =
          new IllegalStateException("job store rejected a write: " + e.getMessage(), e);
      return;
    } catch (RuntimeException e) {
      undo(firstFreeId);
      queued.failure = e;
      return;
    }
    context.execute("RELEASE write");
  }

  private void undo(long firstFreeId) throws SQLException {
    context.execute("ROLLBACK TO write");
    context.execute("RELEASE write");
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
      closed = true;
      lock.notifyAll();
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

  /** A write waiting for its group, and afterwards its outcome. Used by the group's thread. */
  private static final class Queued<T> {
    final StoreWrite<T> write;
    final boolean outsideTransaction;
    final CompletableFuture<T> future = new CompletableFuture<>();
    T result;
    Throwable failure;

    Queued(StoreWrite<T> write, boolean outsideTransaction) {
      this.write = write;
      this.outsideTransaction = outsideTransaction;
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
