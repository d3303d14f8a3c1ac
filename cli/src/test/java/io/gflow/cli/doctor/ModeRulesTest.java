package io.gflow.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModeRulesTest {
  private static final Path DIR = Path.of("/run/gflow");

  private static FileFacts dir(long uid, int mode) {
    return new FileFacts(DIR, FileFacts.Type.DIRECTORY, uid, 0, "root", mode);
  }

  private static FileFacts file(FileFacts.Type type, long uid, long gid, int mode) {
    return new FileFacts(Path.of("/run/gflow/x"), type, uid, gid, "gflow", mode);
  }

  @Test
  void socketPathLength_106Bytes_ok107Fails() {
    assertEquals(Status.OK, ModeRules.socketPathLength(DIR, 106).status());
    Finding tooLong = ModeRules.socketPathLength(DIR, 107);
    assertEquals(Status.FAIL, tooLong.status());
    assertEquals("is 107 bytes; the limit is 106 (sun_path)", tooLong.message());
  }

  @Test
  void socketDir_rootOwned0755_ok() {
    Finding finding = ModeRules.socketDir(dir(0, 0755), 0, false);
    assertEquals(Status.OK, finding.status());
    assertEquals("mode 0755, owner uid 0", finding.message());
  }

  @Test
  void socketDir_ownedByDaemonUid_ok() {
    assertEquals(Status.OK, ModeRules.socketDir(dir(1000, 0700), 1000, false).status());
  }

  @Test
  void socketDir_ownedByOtherUid_failsWithChown() {
    Finding finding = ModeRules.socketDir(dir(1003, 0755), 0, false);
    assertEquals(Status.FAIL, finding.status());
    assertEquals("is owned by uid 1003, not by root", finding.message());
    assertEquals("chown root /run/gflow (or use another --socket)", finding.fix());
    Finding personal = ModeRules.socketDir(dir(1003, 0700), 1000, true);
    assertEquals("is owned by uid 1003, not by root or the daemon's uid 1000", personal.message());
    assertEquals("chown 1000 /run/gflow (or use another --socket)", personal.fix());
  }

  @Test
  void socketDir_worldWritableWithoutSticky_fails() {
    Finding finding = ModeRules.socketDir(dir(0, 0777), 0, true);
    assertEquals(Status.FAIL, finding.status());
    assertEquals("chmod go-w /run/gflow", finding.fix());
    assertTrue(finding.message().contains("without the sticky bit"), finding.message());
  }

  @Test
  void socketDir_stickyWorldWritable_okAboveOwnDirFailsAsOwnDir() {
    assertEquals(Status.OK, ModeRules.socketDir(dir(0, 01777), 0, true).status());
    Finding own = ModeRules.socketDir(dir(0, 01777), 0, false);
    assertEquals(Status.FAIL, own.status());
    assertTrue(own.message().contains("the sticky bit does not protect"), own.message());
  }

  @Test
  void socketDir_groupWritable_failsWithChmodGw() {
    Finding finding = ModeRules.socketDir(dir(0, 0775), 0, false);
    assertEquals("chmod g-w /run/gflow", finding.fix());
    assertTrue(finding.message().startsWith("is mode 0775, writable by group "));
  }

  @Test
  void socketDir_symlink_fails() {
    FileFacts link = new FileFacts(DIR, FileFacts.Type.SYMLINK, 0, 0, "root", 0777);
    Finding finding = ModeRules.socketDir(link, 0, true);
    assertEquals(Status.FAIL, finding.status());
    assertEquals("is a symbolic link, not a directory", finding.message());
  }

  @Test
  void socketFile_regularFile_failsWithRm() {
    Finding finding = ModeRules.socketFile(file(FileFacts.Type.REGULAR, 0, 0, 0644));
    assertEquals(Status.FAIL, finding.status());
    assertEquals("rm /run/gflow/x", finding.fix().substring(finding.fix().indexOf("rm ")));
    assertEquals(Status.OK, ModeRules.socketFile(file(FileFacts.Type.SOCKET, 0, 0, 0666)).status());
  }

  @Test
  void stateDir_rules() {
    assertEquals(Status.OK, ModeRules.stateDir(dir(1000, 0700), 1000).status());
    assertEquals(Status.OK, ModeRules.stateDir(dir(0, 0711), 0).status());
    Finding foreign = ModeRules.stateDir(dir(1003, 0700), 1000);
    assertEquals(Status.FAIL, foreign.status());
    assertEquals("chown -R 1000 /run/gflow", foreign.fix());
    Finding writable = ModeRules.stateDir(dir(1000, 0707), 1000);
    assertEquals(Status.FAIL, writable.status());
    assertTrue(writable.fix().startsWith("chmod o-w /run/gflow"), writable.fix());
    Finding listable = ModeRules.stateDir(dir(1000, 0755), 1000);
    assertEquals(Status.WARN, listable.status());
    assertEquals("chmod go-r /run/gflow", listable.fix());
  }

  @Test
  void privateFile_rules() {
    assertEquals(
        Status.OK,
        ModeRules.privateFile("db", file(FileFacts.Type.REGULAR, 5, 5, 0600), 5, 0600).status());
    Finding readable =
        ModeRules.privateFile("db", file(FileFacts.Type.REGULAR, 5, 5, 0644), 5, 0600);
    assertEquals(Status.FAIL, readable.status());
    assertEquals("chmod 600 /run/gflow/x", readable.fix());
    assertEquals(
        Status.FAIL,
        ModeRules.privateFile("db", file(FileFacts.Type.SYMLINK, 5, 5, 0600), 5, 0600).status());
    assertEquals(
        Status.FAIL,
        ModeRules.privateFile("db", file(FileFacts.Type.REGULAR, 6, 5, 0600), 5, 0600).status());
  }

  @Test
  void allows_ownerGroupOtherAndRoot() {
    FileFacts groupOnly = file(FileFacts.Type.DIRECTORY, 0, 50, 0750);
    assertTrue(ModeRules.allows(groupOnly, 0, Set.of(), 1));
    assertTrue(ModeRules.allows(groupOnly, 1001, Set.of(50L), 1));
    assertFalse(ModeRules.allows(groupOnly, 1001, Set.of(51L), 1));
    assertFalse(ModeRules.allows(groupOnly, 1001, Set.of(50L), 2));
    // The owner bits apply to the owner even when the other bits would allow more.
    FileFacts ownerClosed = file(FileFacts.Type.DIRECTORY, 1001, 50, 0077);
    assertFalse(ModeRules.allows(ownerClosed, 1001, Set.of(50L), 1));
    assertTrue(ModeRules.allows(file(FileFacts.Type.SOCKET, 0, 0, 0666), 1001, Set.of(), 2));
  }
}
