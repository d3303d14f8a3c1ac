package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The directory rules of {@link SocketGuard#acquire}: who may own and write each ancestor. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketGuardDirectoriesTest {
  private static final long OWN_UID = ProcessIdentity.uid();
  private static final int OTHER_UID = 1234;

  private ShortTempDir base;

  @BeforeEach
  void createBase() throws IOException {
    base = ShortTempDir.create();
  }

  @AfterEach
  void deleteBase() throws IOException {
    base.close();
  }

  @Test
  void acquire_ownDirWorldWritable_refusedWithChmodHint() throws Exception {
    Path dir = directory("d", 0777);
    assertRefused(
        dir,
        "unsafe socket path: socket directory "
            + dir
            + " is mode 0777 (writable by group and others): chmod go-w "
            + dir);
  }

  @Test
  void acquire_ownDirSticky1777_refused() throws Exception {
    Path dir = directory("d", 01777);
    assertRefused(
        dir,
        "unsafe socket path: socket directory "
            + dir
            + " is mode 1777 (writable by group and others; the sticky bit does not protect"
            + " the socket's own directory): chmod go-w "
            + dir);
  }

  @Test
  void acquire_ownDirGroupWritable_refused() throws Exception {
    Path dir = directory("d", 0770);
    assertRefused(
        dir,
        "unsafe socket path: socket directory "
            + dir
            + " is mode 0770 (writable by group): chmod g-w "
            + dir);
  }

  @Test
  void acquire_stickyWorldWritableAboveOwnDir_accepted() throws Exception {
    Path shared = directory("tmp", 01777); // like /tmp above /tmp/gflow-1000/
    Path dir = Files.createDirectory(shared.resolve("gflow"));
    try (SocketGuard guard = acquire(dir)) {
      assertEquals(dir.resolve("gflowd.sock"), guard.socket());
    }
  }

  @Test
  void acquire_groupWritableAncestor_refused() throws Exception {
    Path ancestor = directory("a", 0775);
    Path dir = Files.createDirectory(ancestor.resolve("d"));
    assertRefused(
        dir,
        "unsafe socket path: "
            + ancestor
            + " is mode 0775 (writable by group): chmod g-w "
            + ancestor);
  }

  @Test
  void acquire_worldWritableAncestorWithoutSticky_refused() throws Exception {
    Path ancestor = directory("a", 0777);
    Path dir = Files.createDirectory(ancestor.resolve("d"));
    assertRefused(
        dir,
        "unsafe socket path: "
            + ancestor
            + " is mode 0777 (writable by group and others): chmod go-w "
            + ancestor);
  }

  @Test
  void acquire_missingDirUnderUnsafeAncestor_refusedWithoutCreating() throws Exception {
    Path ancestor = directory("a", 0777);
    Path dir = ancestor.resolve("d");
    assertThrows(SocketSetupException.class, () -> acquire(dir));
    assertEquals(false, Files.exists(dir));
  }

  @Test
  void acquire_ownDirOwnedByOtherUid_refused() throws Exception {
    assumeTrue(OWN_UID == 0, "needs root: chown the socket dir to another uid");
    Path dir = directory("d", 0700);
    Files.setAttribute(dir, "unix:uid", OTHER_UID);
    assertRefused(
        dir,
        "unsafe socket path: "
            + dir
            + " is owned by uid 1234, not by root: chown 0 "
            + dir
            + " or use another --socket");
  }

  @Test
  void acquire_ancestorOwnedByOtherUid_refused() throws Exception {
    assumeTrue(OWN_UID == 0, "needs root: chown an ancestor dir to another uid");
    Path ancestor = directory("a", 0755);
    Files.setAttribute(ancestor, "unix:uid", OTHER_UID);
    Path dir = Files.createDirectory(ancestor.resolve("d"));
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(dir));
    assertEquals(
        true, e.getMessage().startsWith("unsafe socket path: " + ancestor + " is owned by uid"));
  }

  @Test
  void acquire_symlinkedAncestor_refused() throws Exception {
    Path real = directory("real", 0700);
    Path link = Files.createSymbolicLink(base.resolve("link"), real);
    Files.createDirectory(real.resolve("d"));
    assertRefused(
        link.resolve("d"),
        "unsafe socket path: "
            + link
            + " is a symbolic link to "
            + real
            + " owned by "
            + SocketGuardTest.ownerText(link)
            + "; use a --socket path whose directories are not symbolic links");
  }

  @Test
  void acquire_symlinkAsOwnDir_refused() throws Exception {
    Path real = directory("real", 0700);
    Path link = Files.createSymbolicLink(base.resolve("link"), real);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(link));
    assertEquals(true, e.getMessage().contains(link + " is a symbolic link"), e.getMessage());
  }

  @Test
  void acquire_fileAsOwnDir_refused() throws Exception {
    Path file = Files.createFile(base.resolve("f"));
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(file));
    assertEquals(true, e.getMessage().endsWith(", not a directory"), e.getMessage());
  }

  private Path directory(String name, int mode) throws IOException {
    Path dir = Files.createDirectory(base.resolve(name));
    Files.setAttribute(dir, "unix:mode", mode); // the only way to set the sticky bit
    return dir;
  }

  private static SocketGuard acquire(Path dir) throws SocketSetupException {
    return SocketGuard.acquire(dir.resolve("gflowd.sock"), OWN_UID, DirPolicy.PERSONAL);
  }

  private static void assertRefused(Path dir, String message) {
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(dir));
    assertEquals(message, e.getMessage());
  }
}
