package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolRecoveryTest {
  @TempDir Path stateDir;

  @Test
  void spooledJobs_noSpoolDirectory_empty() throws Exception {
    assertEquals(Set.of(), new SpoolRecovery(stateDir).spooledJobs());
  }

  @Test
  void spooledJobs_jobIdsOnly_fromOneListing() throws Exception {
    Path root = Files.createDirectory(stateDir.resolve(SpoolDir.ROOT));
    for (String name : new String[] {"7", "12", "0", "012", "x", "7.tmp"}) {
      new SpoolDir(root.resolve(name)).create();
    }

    assertEquals(Set.of(7L, 12L), new SpoolRecovery(stateDir).spooledJobs());
  }

  @Test
  void removeSpoolsExcept_keepsUnfinishedAndDeletesTheRest() throws Exception {
    Path root = Files.createDirectory(stateDir.resolve(SpoolDir.ROOT));
    new SpoolDir(root.resolve("3")).create();
    new SpoolDir(root.resolve("4")).create();
    Files.writeString(root.resolve("4").resolve("exit"), "code 0\n");

    new SpoolRecovery(stateDir).removeSpoolsExcept(Set.of(3L, 99L));

    assertTrue(Files.isDirectory(root.resolve("3")));
    assertFalse(Files.exists(root.resolve("4")));
    assertEquals(Set.of(3L), new SpoolRecovery(stateDir).spooledJobs());
  }
}
