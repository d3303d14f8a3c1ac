package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * The daemon's durable record of jobs and runtime settings: one SQLite file in WAL mode with {@code
 * synchronous=FULL} (SPEC §7). Thread-safe.
 *
 * <p>Writes are queued to one writer thread that commits everything queued in one transaction
 * (group commit); a write's future completes only after the commit that made it durable. When the
 * storage refuses writes (disk full, read-only, I/O error) the futures fail with {@code
 * UNAVAILABLE}, nothing of that group is kept, and later writes are tried afresh. Reads run on
 * their own connections and keep working meanwhile.
 *
 * <p>Times are stored as epoch milliseconds: jobs read back have them truncated to the millisecond.
 * Futures complete on the writer thread: actions attached with non-async methods run there and must
 * not wait for another write of this store.
 */
public final class JobStore implements AutoCloseable {
  private static final int READ_CONNECTIONS = 4;
  private static final int MAX_SETTING_NAME_CHARS = 200;

  private final Path dbFile;
  private final WriterContext context;
  private final StoreWriter writer;
  private final ReadPool pool;
  private final StoreReader reader;
  private final UnfinishedJobs unfinished;

  // Guarded by this.
  private boolean closed;

  private JobStore(
      Path dbFile,
      WriterContext context,
      StoreWriter writer,
      ReadPool pool,
      StoreReader reader,
      UnfinishedJobs unfinished) {
    this.dbFile = dbFile;
    this.context = context;
    this.writer = writer;
    this.pool = pool;
    this.reader = reader;
    this.unfinished = unfinished;
  }

  /**
   * Opens the store, creating the file (mode 0600) and applying schema migrations as needed.
   *
   * @param dbFile the database file; its directory must exist; a symbolic link is refused
   * @param clock stamps the schema history
   * @throws IOException if the file cannot be created, is unsafe, or SQLite cannot open it
   */
  public static JobStore open(Path dbFile, Clock clock) throws IOException {
    Path file = dbFile.toAbsolutePath().normalize();
    DbFile.prepare(file);
    SqliteLibrary.useKeptCopy();
    String url = "jdbc:sqlite:" + file;
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Connection connection = Connections.writer(url, file);
      opened.add(connection);
      Schema.migrate(connection, file, clock);
      WriterContext context = new WriterContext(connection);
      opened.add(context);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READ_CONNECTIONS; i++) {
        Connection read = Connections.reader(url);
        opened.add(read);
        readers.add(read);
      }
      ReadPool pool = new ReadPool(readers, file);
      StoreReader reader = new StoreReader(pool);
      UnfinishedJobs unfinished = new UnfinishedJobs();
      unfinished.load(reader.unfinishedSummaries());
      StoreWriter writer = new StoreWriter(context, unfinished, file);
      writer.start();
      return new JobStore(file, context, writer, pool, reader, unfinished);
    } catch (SQLException e) {
      IOException failure =
          new IOException("cannot open job store " + file + ": " + e.getMessage(), e);
      closeAll(opened, failure);
      throw failure;
    } catch (IOException | RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
  }

  private static void closeAll(List<AutoCloseable> opened, Exception failure) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception closeFailed) {
        failure.addSuppressed(closeFailed);
      }
    }
  }

  /**
   * Inserts {@code count} new jobs under fresh consecutive ids, all or none. The writer picks the
   * first id and calls {@code build} with it (on the writer thread, so it must be quick and must
   * not touch this store); it must return exactly the jobs with ids {@code first .. first + count -
   * 1}, in order. Ids are never reused, even after a purge or a restart.
   *
   * @return the inserted jobs, once committed; fails with UNAVAILABLE when the storage refuses
   *     writes, or with the exception {@code build} threw, or IllegalArgumentException if its jobs
   *     do not carry the given ids
   */
  public CompletableFuture<List<Job>> insert(int count, LongFunction<List<Job>> build) {
    return insert(count, build, context -> null);
  }

  /**
   * As {@link #insert(int, LongFunction)}, but first calls {@code checkQueued} on the writer thread
   * with how many queued (PENDING or HELD) jobs {@code uid} has, counting every insert committed or
   * applied before this one; it throws to refuse the insert. Writes are applied one at a time, so
   * concurrent inserts of one user cannot both pass a check that only one of them should.
   */
  public CompletableFuture<List<Job>> insert(
      int count, long uid, LongConsumer checkQueued, LongFunction<List<Job>> build) {
    return insert(
        count,
        build,
        context -> {
          checkQueued.accept(context.queuedOf(uid));
          return null;
        });
  }

  /** Inserts after {@code check} (which may throw to refuse) ran on the writer thread. */
  private CompletableFuture<List<Job>> insert(
      int count, LongFunction<List<Job>> build, StoreWrite<Void> check) {
    if (count < 1) {
      throw new IllegalArgumentException("count (" + count + ") must be at least 1");
    }
    StoreWrite<List<Job>> write =
        context -> {
          check.apply(context);
          long first = context.allocateIds(count);
          List<Job> jobs = List.copyOf(build.apply(first));
          checkIds(jobs, first, count);
          context.insert(jobs);
          return jobs;
        };
    // One job is one INSERT, which SQLite applies whole or not at all; an array's rows need a
    // savepoint to be all or none.
    return count == 1 ? writer.submitOneStatement(write) : writer.submit(write);
  }

  private static void checkIds(List<Job> jobs, long first, int count) {
    if (jobs.size() != count) {
      throw new IllegalArgumentException(
          "insert of " + count + " jobs was given " + jobs.size() + " jobs");
    }
    for (int i = 0; i < count; i++) {
      if (jobs.get(i).id() != first + i) {
        throw new IllegalArgumentException(
            "job " + i + " of the insert has id " + jobs.get(i).id() + ", expected " + (first + i));
      }
    }
  }

  /** Writes changed jobs (state transitions and the like) by id, inserting any that are missing. */
  public CompletableFuture<Void> save(List<Job> jobs) {
    List<Job> copy = List.copyOf(jobs);
    return writer.submit(
        context -> {
          context.upsert(copy);
          return null;
        });
  }

  /**
   * Stores a runtime setting that must survive restarts.
   *
   * @param jsonValue a JSON text; stored in compact form
   * @throws IllegalArgumentException if the name is empty or too long or the value is not JSON
   */
  public CompletableFuture<Void> putSetting(String name, String jsonValue) {
    if (name.isEmpty() || name.length() > MAX_SETTING_NAME_CHARS) {
      throw new IllegalArgumentException(
          "setting name must have 1.." + MAX_SETTING_NAME_CHARS + " characters");
    }
    String compact;
    try {
      compact = Json.write(Json.parse(jsonValue));
    } catch (JsonFormatException e) {
      throw new IllegalArgumentException("setting " + name + " is not JSON: " + e.getMessage(), e);
    }
    return writer.submit(
        context -> {
          context.putSetting(name, compact);
          return null;
        });
  }

  /** The setting's JSON text, if it was ever put. */
  public Optional<String> setting(String name) {
    return reader.setting(name);
  }

  public Optional<Job> get(long id) {
    return reader.get(id);
  }

  /** Every job not in a terminal state, by id: what a restarted daemon must pick up again. */
  public List<Job> loadUnfinished() {
    return reader.loadUnfinished();
  }

  /** One page of the jobs matching {@code query}, by ascending id. */
  public List<Job> list(JobQuery query) {
    return reader.list(query);
  }

  /**
   * As {@link #list}, each job's spec decoded only when the job is, and then with an empty
   * environment: for a listing, which never shows it (a job's environment can be most of its stored
   * text) and decodes its jobs on the threads that encode them.
   */
  public List<StoredJob> listWithoutEnv(JobQuery query) {
    return reader.listWithoutEnv(query);
  }

  /**
   * As {@link #list}, each job without its spec: for a listing that shows none of the spec's
   * members beyond name, priority and GPUs. A query for unfinished jobs only is answered from
   * memory ({@link UnfinishedJobs}), with what was last committed.
   */
  public List<JobSummary> listSummaries(JobQuery query) {
    return query.onlyUnfinished() ? unfinished.list(query) : reader.listSummaries(query);
  }

  /** Test hook: as {@link #listSummaries}, always read from SQLite. */
  List<JobSummary> listSummariesFromSqlite(JobQuery query) {
    return reader.listSummaries(query);
  }

  /** How many jobs are in each state; every state is present, zero when none. */
  public Map<JobState, Long> countByState() {
    return reader.countByState();
  }

  /** The largest id ever committed (purged jobs included), 0 before the first insert. */
  public long maxId() {
    return reader.maxId();
  }

  /**
   * Deletes jobs in a terminal state that ended before {@code cutoff} (retention), on the writer
   * thread, and waits for the commit.
   *
   * @return how many were deleted
   * @throws io.gflow.protocol.RpcException UNAVAILABLE if the storage refuses writes
   */
  public int purgeFinishedBefore(Instant cutoff) {
    long cutoffMillis = cutoff.toEpochMilli();
    return join(writer.submit(context -> context.purgeFinishedBefore(cutoffMillis)));
  }

  /**
   * Tells {@code observer} the jobs that {@link #insert} calls added, once per group commit, after
   * the commit and before those inserts' futures complete: whoever must learn of every new job (the
   * scheduler) learns of it before its submitter is answered, with one call per commit rather than
   * one per insert. Runs on the writer thread: it must be quick and must not wait for a write of
   * this store. The jobs are in id order within a call; calls follow commit order.
   */
  public void observeInserts(Consumer<List<Job>> observer) {
    writer.observeInserts(observer);
  }

  /** Tells {@code observer} the duration of each group commit in nanoseconds (for metrics). */
  public void observeCommits(java.util.function.LongConsumer observer) {
    writer.observeCommits(observer);
  }

  /** How many transactions the writer has committed since open: fewer than writes when grouped. */
  public long commits() {
    return writer.commits();
  }

  /** The database file, absolute. */
  public Path file() {
    return dbFile;
  }

  /**
   * Test hook: runs {@code write} on the writer connection outside any transaction, before the next
   * group (e.g. {@code PRAGMA max_page_count} to simulate a full disk).
   */
  <T> CompletableFuture<T> onWriterConnection(StoreWrite<T> write) {
    return writer.submitOutsideTransaction(write);
  }

  /** Test hook: queues {@code write} to run inside the next group's transaction, like any write. */
  <T> CompletableFuture<T> inTransaction(StoreWrite<T> write) {
    return writer.submit(write);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Commits everything queued so far, then closes every connection. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    writer.stop();
    // The writer's connection closes last, so it is the one that checkpoints the WAL away.
    try (context;
        pool) {
      // Nothing else: closing is the point.
    } catch (SQLException e) {
      throw new IOException("closing job store " + dbFile + ": " + e.getMessage(), e);
    }
  }
}
