package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SocketGuard} against a second daemon process, alive and after {@code kill -9}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketGuardIT {
  private static final long OWN_UID = ProcessIdentity.uid();

  private ShortTempDir base;
  private Path socket;
  private Process child;

  @BeforeEach
  void createDir() throws IOException {
    base = ShortTempDir.create();
    socket = base.resolve("gflowd.sock");
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (child != null) {
      child.destroyForcibly().waitFor();
    }
    base.close();
  }

  @Test
  void acquire_liveDaemonInOtherProcess_refusedNamingItsPid() throws Exception {
    child = startHolder();
    SocketSetupException e =
        assertThrows(
            SocketSetupException.class,
            () -> SocketGuard.acquire(socket, OWN_UID, DirPolicy.PERSONAL));
    assertEquals(
        "another gflowd is already serving " + socket + " (pid " + child.pid() + ")",
        e.getMessage());
    assertTrue(isSocket(socket), "the live daemon's socket is left alone");
  }

  @Test
  void acquire_afterDaemonKilled9_removesStaleSocket() throws Exception {
    child = startHolder();
    child.destroyForcibly().waitFor(); // SIGKILL: no chance to unlink its socket
    assertTrue(isSocket(socket), "a killed daemon leaves its socket behind");
    try (SocketGuard guard = SocketGuard.acquire(socket, OWN_UID, DirPolicy.PERSONAL)) {
      assertFalse(Files.exists(guard.socket(), LinkOption.NOFOLLOW_LINKS));
      assertEquals(
          ProcessHandle.current().pid() + "\n",
          Files.readString(base.resolve("gflowd.sock.lock"), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void close_inChildAfterStdinCloses_removesItsSocket() throws Exception {
    child = startHolder();
    child.getOutputStream().close();
    assertEquals(0, child.waitFor());
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void acquire_refusedTwiceInSameProcess_firstGuardKeepsItsLock() throws Exception {
    try (SocketGuard first = SocketGuard.acquire(socket, OWN_UID, DirPolicy.PERSONAL)) {
      assertThrows(
          SocketSetupException.class,
          () -> SocketGuard.acquire(first.socket(), OWN_UID, DirPolicy.PERSONAL));
      child = startChild();
      assertEquals(
          "refused: another gflowd is already serving "
              + socket
              + " (pid "
              + ProcessHandle.current().pid()
              + ")",
          firstLine(child));
      assertEquals(3, child.waitFor());
    }
  }

  private Process startHolder() throws IOException {
    Process process = startChild();
    assertEquals("ready", firstLine(process), "child did not get ready; see its stderr above");
    return process;
  }

  private Process startChild() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            GuardHolderChild.class.getName(),
            socket.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static String firstLine(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return out.readLine(); // the test's @Timeout bounds this wait
  }

  private static boolean isSocket(Path path) throws IOException {
    return FileStatus.lstat(path).map(s -> s.type() == FileStatus.Type.SOCKET).orElse(false);
  }
}
