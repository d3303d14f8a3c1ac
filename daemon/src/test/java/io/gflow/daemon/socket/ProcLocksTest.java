package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcLocksTest {
  private static final long OWN_PID = ProcessHandle.current().pid();

  @TempDir Path dir;

  @BeforeEach
  void needsProcfs() {
    assumeTrue(Files.isReadable(Path.of("/proc/locks")), "needs /proc/locks");
  }

  @Test
  void heldBy_fileLockedHere_true() throws IOException {
    Path file = Files.createFile(dir.resolve("f.lock"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      assertTrue(lock.isValid());
      assertTrue(ProcLocks.heldBy(OWN_PID, FileStatus.lstat(file).orElseThrow()));
    }
  }

  @Test
  void heldBy_lockedFileOtherPid_false() throws IOException {
    Path file = Files.createFile(dir.resolve("f.lock"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      assertTrue(lock.isValid());
      assertFalse(ProcLocks.heldBy(OWN_PID + 1, FileStatus.lstat(file).orElseThrow()));
    }
  }

  @Test
  void heldBy_unlockedFile_false() throws IOException {
    Path file = Files.createFile(dir.resolve("f.lock"));
    assertFalse(ProcLocks.heldBy(OWN_PID, FileStatus.lstat(file).orElseThrow()));
  }
}
