package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketGuardTest {
  private static final long OWN_UID = ProcessIdentity.uid();
  private static final boolean IS_ROOT = OWN_UID == 0;
  private static final int OTHER_UID = 1234;

  private ShortTempDir base;
  private Path dir;
  private Path socket;

  @BeforeEach
  void createDirs() throws IOException {
    base = ShortTempDir.create();
    dir = Files.createDirectory(base.resolve("d"));
    socket = dir.resolve("gflowd.sock");
  }

  @AfterEach
  void deleteDirs() throws IOException {
    base.close();
  }

  @Test
  void acquire_freshPath_locksAndLeavesPathFree() throws Exception {
    try (SocketGuard guard = acquire(socket)) {
      assertEquals(socket, guard.socket());
      assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
      Path lockFile = dir.resolve("gflowd.sock.lock");
      assertEquals("rw-------", permissions(lockFile));
      assertEquals(
          ProcessHandle.current().pid() + "\n",
          Files.readString(lockFile, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void acquire_relativePath_refused() {
    SocketSetupException e =
        assertThrows(SocketSetupException.class, () -> acquire(Path.of("gflowd.sock")));
    assertEquals(
        "socket path gflowd.sock is not absolute: use an absolute --socket", e.getMessage());
  }

  @Test
  void acquire_dotDotInPath_refused() {
    Path sneaky = Path.of(dir + "/../d/gflowd.sock");
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(sneaky));
    assertTrue(e.getMessage().contains("'..'"), e.getMessage());
  }

  @Test
  void acquire_path106Bytes_acceptedAndReachableByJdkClient() throws Exception {
    Path longest = pathOfBytes(106);
    try (SocketGuard guard = acquire(longest);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(guard.socket()));
      guard.bound();
      assertTrue(client.connect(UnixDomainSocketAddress.of(longest)));
    }
  }

  @Test
  void acquire_path107Bytes_refusedNamingLength() {
    SocketSetupException e =
        assertThrows(SocketSetupException.class, () -> acquire(pathOfBytes(107)));
    assertEquals(
        "socket path is 107 bytes; the limit is 106 (sun_path): use a shorter --socket",
        e.getMessage());
  }

  @Test
  void acquire_multibyteNameOverLimit_countsUtf8Bytes() {
    assumeTrue(
        "UTF-8".equals(System.getProperty("sun.jnu.encoding")), "needs a UTF-8 locale for paths");
    String prefix = dir + "/";
    int chars = (107 - prefix.length() + 1) / 2; // each 'é' is 2 bytes in UTF-8
    Path path = Path.of(prefix + "é".repeat(chars));
    assertTrue(path.toString().length() <= 106, "fewer chars than bytes");
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(path));
    assertEquals(
        "socket path is " + (prefix.length() + 2 * chars) + " bytes; the limit is 106 (sun_path)",
        e.getMessage().substring(0, e.getMessage().indexOf(':')));
  }

  @Test
  void acquire_missingDirPersonal_creates0700() throws Exception {
    Path missing = base.resolve("new").resolve("gflowd.sock");
    try (SocketGuard guard = SocketGuard.acquire(missing, OWN_UID, DirPolicy.PERSONAL)) {
      assertEquals("rwx------", permissions(guard.socket().getParent()));
    }
  }

  @Test
  void acquire_missingDirSystem_creates0755() throws Exception {
    Path missing = base.resolve("new").resolve("gflowd.sock");
    try (SocketGuard guard = SocketGuard.acquire(missing, OWN_UID, DirPolicy.SYSTEM)) {
      assertEquals("rwxr-xr-x", permissions(guard.socket().getParent()));
    }
  }

  @Test
  void acquire_missingGrandparent_refused() {
    Path missing = base.resolve("a/b/gflowd.sock");
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(missing));
    assertEquals(
        "cannot use socket path: " + base.resolve("a") + " does not exist; create it first",
        e.getMessage());
  }

  @Test
  void acquire_regularFileAtPath_refusedAndFileKept() throws Exception {
    Files.writeString(socket, "precious");
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertEquals(
        "refusing to use "
            + socket
            + ": it is a regular file owned by "
            + ownerText(socket)
            + "; remove it or use another --socket",
        e.getMessage());
    assertEquals("precious", Files.readString(socket));
  }

  @Test
  void acquire_symlinkToSocketAtPath_refused() throws Exception {
    Path real = dir.resolve("real.sock");
    makeSocket(real);
    Files.createSymbolicLink(socket, real);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(
        e.getMessage().contains("it is a symbolic link to " + real + " owned by"), e.getMessage());
    assertTrue(Files.isSymbolicLink(socket));
  }

  @Test
  void acquire_symlinkToFileAtPath_refused() throws Exception {
    Path target = Files.writeString(dir.resolve("target"), "x");
    Files.createSymbolicLink(socket, target);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(e.getMessage().contains("it is a symbolic link to " + target), e.getMessage());
    assertEquals("x", Files.readString(target));
  }

  @Test
  void acquire_directoryAtPath_refused() throws Exception {
    Files.createDirectory(socket);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(e.getMessage().contains("it is a directory owned by"), e.getMessage());
  }

  @Test
  void acquire_fifoAtPath_refused() throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", socket.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(e.getMessage().contains("it is a named pipe (fifo) owned by"), e.getMessage());
  }

  @Test
  void acquire_socketOwnedByOtherUid_refusedAndKept() throws Exception {
    assumeTrue(IS_ROOT, "needs root: chown the socket to another uid");
    makeSocket(socket);
    Files.setAttribute(socket, "unix:uid", OTHER_UID);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(e.getMessage().contains("it is a socket owned by uid " + OTHER_UID), e.getMessage());
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void acquire_staleOwnSocket_removesIt() throws Exception {
    makeSocket(socket); // like a daemon killed before it could clean up
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    try (SocketGuard guard = acquire(socket)) {
      assertFalse(Files.exists(guard.socket(), LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Test
  void acquire_refusedAfterLocking_releasesLock() throws Exception {
    Files.writeString(socket, "in the way");
    assertThrows(SocketSetupException.class, () -> acquire(socket));
    Files.delete(socket);
    try (SocketGuard guard = acquire(socket)) {
      assertEquals(socket, guard.socket());
    }
  }

  @Test
  void acquire_twiceInSameProcess_refusedNamingOwnPid() throws Exception {
    try (SocketGuard first = acquire(socket)) {
      SocketSetupException e =
          assertThrows(SocketSetupException.class, () -> acquire(first.socket()));
      assertEquals(
          "another gflowd is already serving "
              + socket
              + " (pid "
              + ProcessHandle.current().pid()
              + ")",
          e.getMessage());
    }
  }

  @Test
  void acquire_lockFileIsSymlink_refused() throws Exception {
    Path target = Files.writeString(dir.resolve("target"), "x");
    Files.createSymbolicLink(dir.resolve("gflowd.sock.lock"), target);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(
        e.getMessage().startsWith("lock file " + dir.resolve("gflowd.sock.lock") + " is a symb"),
        e.getMessage());
    assertEquals("x", Files.readString(target));
  }

  @Test
  void acquire_lockFileOwnedByOtherUid_refused() throws Exception {
    assumeTrue(IS_ROOT, "needs root: chown the lock file to another uid");
    Path lockFile = Files.createFile(dir.resolve("gflowd.sock.lock"));
    Files.setAttribute(lockFile, "unix:uid", OTHER_UID);
    SocketSetupException e = assertThrows(SocketSetupException.class, () -> acquire(socket));
    assertTrue(e.getMessage().contains("owned by uid " + OTHER_UID), e.getMessage());
  }

  @Test
  void bound_afterBind_closeRemovesSocketAndReleasesLock() throws Exception {
    SocketGuard guard = acquire(socket);
    makeSocket(socket);
    guard.bound();
    guard.close();
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    try (SocketGuard again = acquire(socket)) {
      assertEquals(socket, again.socket());
    }
  }

  @Test
  void close_calledTwice_secondIsNoOp() throws Exception {
    SocketGuard guard = acquire(socket);
    makeSocket(socket);
    guard.bound();
    guard.close();
    Files.writeString(socket, "someone else's file, made after close");
    guard.close();
    assertTrue(Files.exists(socket));
  }

  @Test
  void close_withoutBound_leavesPathAlone() throws Exception {
    SocketGuard guard = acquire(socket);
    makeSocket(socket);
    guard.close();
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void close_socketReplacedBySomeoneElse_keepsIt() throws Exception {
    SocketGuard guard = acquire(socket);
    makeSocket(socket);
    guard.bound();
    Files.delete(socket); // junixsocket's bind does the same to a live path
    makeSocket(socket); // someone else's, with a new inode
    FileStatus theirs = FileStatus.lstat(socket).orElseThrow();
    guard.close();
    assertEquals(theirs, FileStatus.lstat(socket).orElseThrow());
  }

  @Test
  void bound_nothingAtPath_refused() throws Exception {
    try (SocketGuard guard = acquire(socket)) {
      SocketSetupException e = assertThrows(SocketSetupException.class, guard::bound);
      assertTrue(e.getMessage().contains(socket + " is missing"), e.getMessage());
    }
  }

  @Test
  void bound_calledTwice_throwsIllegalState() throws Exception {
    try (SocketGuard guard = acquire(socket)) {
      makeSocket(socket);
      guard.bound();
      assertThrows(IllegalStateException.class, guard::bound);
    }
  }

  private static SocketGuard acquire(Path path) throws SocketSetupException {
    return SocketGuard.acquire(path, OWN_UID, DirPolicy.PERSONAL);
  }

  /**
   * Binds a real AF_UNIX socket at {@code path} and closes it: the socket file stays, as after a
   * crash. Uses the JDK's own AF_UNIX support, which (unlike junixsocket) never unlinks the path on
   * close, so each test decides who removes it; the guard only looks at the file.
   */
  static void makeSocket(Path path) throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
    }
  }

  /** A path under {@link #dir} of exactly {@code bytes} bytes. */
  private Path pathOfBytes(int bytes) {
    String prefix = dir + "/";
    return Path.of(prefix + "s".repeat(bytes - prefix.length()));
  }

  static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  /** How messages name the owner of {@code path}, e.g. "root (uid 0)". */
  static String ownerText(Path path) throws IOException {
    String name = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
    return name.equals(Long.toString(OWN_UID)) ? "uid " + OWN_UID : name + " (uid " + OWN_UID + ")";
  }
}
