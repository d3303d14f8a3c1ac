package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
  private static final long OWN_UID = ProcessIdentity.uid();

  @TempDir Path tmp;

  @Test
  void prepare_missing_createdPrivate() throws Exception {
    Path dir = tmp.resolve("a/state");
    StateDir.prepare(dir, OWN_UID, false);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
  }

  @Test
  void prepare_uncreatable_refusedWithReasonNotJustThePath() throws IOException {
    Path file = Files.createFile(tmp.resolve("file"));
    Path dir = file.resolve("state");
    StartupException refused =
        assertThrows(StartupException.class, () -> StateDir.prepare(dir, OWN_UID, false));
    assertEquals(
        "cannot create state dir "
            + dir
            + ": not a directory: create it for uid "
            + OWN_UID
            + " or use another --state-dir",
        refused.getMessage());
  }
}
