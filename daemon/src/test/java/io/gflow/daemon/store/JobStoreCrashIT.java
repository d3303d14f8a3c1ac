package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.socket.NativeLibraries;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged means durable: a writer killed with SIGKILL loses nothing it acknowledged. */
class JobStoreCrashIT {
  private static final int THREADS = 8;
  private static final int MIN_ACKS = 200;
  private static final long MIN_RUN_NANOS = 1_000_000_000L;

  @TempDir Path dir;
  @TempDir static Path nativeDir;

  @BeforeAll
  static void privateNativeDir() {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @Test
  @Timeout(180)
  void insert_childKilledMidWrite_everyAcknowledgedIdSurvives() throws Exception {
    Path db = dir.resolve("gflow.db");
    Process child = startChild(db);
    List<Long> acknowledged;
    try {
      acknowledged = acknowledgedUntilKilled(child);
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    System.out.printf(
        "crash test: child acknowledged %d ids before SIGKILL (exit %d)%n",
        acknowledged.size(), child.exitValue());
    assertTrue(acknowledged.size() >= MIN_ACKS, "child acknowledged only " + acknowledged.size());
    assertEquals(acknowledged.size(), new HashSet<>(acknowledged).size(), "ids are distinct");

    try (JobStore store = JobStore.open(db, CLOCK)) {
      Set<Long> missing = new TreeSet<>(acknowledged);
      for (int from = 0; from < acknowledged.size(); from += 1000) {
        Set<Long> chunk =
            Set.copyOf(acknowledged.subList(from, Math.min(from + 1000, acknowledged.size())));
        for (Job job :
            store.list(new JobQuery(Set.of(), Set.of(), chunk, Set.of(), null, 1000, 0))) {
          missing.remove(job.id());
        }
      }
      assertEquals(Set.of(), missing, "acknowledged but lost");
      long max = store.maxId();
      assertTrue(
          store.insert(1, first -> StoreFixtures.pendingJobs(first, 1, 1)).join().get(0).id()
              > max);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = raw.createStatement();
        ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
      check.next();
      assertEquals("ok", check.getString(1));
    }
  }

  private Process startChild(Path db) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-D" + NativeLibraries.SQLITE_TMPDIR + "=" + nativeDir,
            "-cp",
            System.getProperty("java.class.path"),
            StoreCrashChild.class.getName(),
            db.toString(),
            Integer.toString(THREADS))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  /**
   * Reads the child's stdout; once it has run a second and acknowledged enough, kills it with
   * SIGKILL and reads on to the end. Only complete lines count: a line cut by the kill was not
   * fully printed, so the child had not finished acknowledging it.
   */
  private static List<Long> acknowledgedUntilKilled(Process child) throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    InputStream out = child.getInputStream();
    byte[] buffer = new byte[8192];
    long lines = 0;
    long readyAt = 0;
    int read;
    while ((read = out.read(buffer)) >= 0) {
      seen.write(buffer, 0, read);
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n' && lines++ == 0) {
          readyAt = System.nanoTime();
        }
      }
      if (child.isAlive() && lines > MIN_ACKS && System.nanoTime() - readyAt > MIN_RUN_NANOS) {
        // SIGKILL: no shutdown hook, no close, mid-commit. Through the handle, because
        // Process.destroyForcibly also closes our end of the pipe and the last acks in it.
        child.toHandle().destroyForcibly();
      }
    }
    String text = seen.toString(StandardCharsets.UTF_8);
    String[] complete = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
    assertEquals("ready", complete[0], "child did not get ready; see its stderr above");
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i < complete.length; i++) {
      ids.add(Long.parseLong(complete[i]));
    }
    return ids;
  }
}
