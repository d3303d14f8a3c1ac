package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In system mode a spool directory belongs to the job's user, who may put anything at the names the
 * root daemon reads: it must never hang on a FIFO nor read another file through a hard link.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpoolDirHostileTest {
  @TempDir Path dir;

  private Path mkfifo(Path fifo) throws Exception {
    Process process = new ProcessBuilder(List.of("mkfifo", fifo.toString())).start();
    assertEquals(0, process.waitFor());
    return fifo;
  }

  @Test
  void readOpened_fifoSwappedInAfterTheCheck_failsAtOnceInsteadOfBlocking() throws Exception {
    Path fifo = mkfifo(dir.resolve("fifo"));

    // The daemon's thread would wait here forever for a writer with a read-only open.
    assertThrows(IOException.class, () -> SpoolDir.readOpened(fifo));
  }

  @Test
  void read_fifoRecords_ignored() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("1"));
    spool.create();
    mkfifo(spool.path().resolve(SpoolDir.EXIT));
    mkfifo(spool.path().resolve(SpoolDir.JOBPID));
    mkfifo(spool.path().resolve(SpoolDir.WRAPPER));
    assertEquals(Optional.empty(), spool.exitStatus()); // no status file: the earlier version's
    mkfifo(spool.path().resolve(SpoolDir.STATUS));

    assertEquals(Optional.empty(), spool.exitStatus());
    assertEquals(true, spool.jobPid().isEmpty());
  }

  @Test
  void read_hardLinkedRecord_ignored() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("2"));
    spool.create();
    Path secret = Files.writeString(dir.resolve("secret"), "someone else's secret\n");
    Files.createLink(spool.path().resolve(SpoolDir.LAUNCH_ERROR), secret);
    Path status = Files.writeString(dir.resolve("status"), "jobpid 1\nexit code 0\n");
    Files.createLink(spool.path().resolve(SpoolDir.STATUS), status);

    assertEquals(Optional.empty(), spool.launchError());
    assertEquals(Optional.empty(), spool.exitStatus());
    assertEquals(true, spool.jobPid().isEmpty());
  }

  @Test
  void read_regularRecord_readWithoutChangingIt() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("3"));
    spool.create();
    Path error = Files.writeString(spool.path().resolve(SpoolDir.LAUNCH_ERROR), "chdir /x: nope\n");
    long modified = Files.getLastModifiedTime(error).toMillis();

    assertEquals(Optional.of("chdir /x: nope"), spool.launchError());
    assertEquals("chdir /x: nope\n", Files.readString(error));
    assertEquals(modified, Files.getLastModifiedTime(error).toMillis());
  }
}
