package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.daemon.config.DaemonConfig;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Start-up against hostile socket paths (SPEC §6.4), end to end through {@link Daemon#start}:
 * whatever sits at the path is refused and left untouched, except our own stale socket.
 */
@Timeout(60)
class SocketAttackIT {
  private Path root;
  private Path socket;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createTempDirectory(Path.of("/tmp"), "gfa");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    socket = root.resolve("gflowd.sock");
  }

  @AfterEach
  void deleteRoot() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private Daemon start() throws Exception {
    return Daemon.start(
        new DaemonSettings(
            Mode.PERSONAL, socket, root.resolve("state"), null, false, ProcessIdentity.uid()),
        DaemonConfig.defaults(),
        Clock.systemUTC());
  }

  private StartupException refused() {
    return assertThrows(StartupException.class, this::start);
  }

  private void assertServes(Path path) throws IOException {
    try (RpcClient client = RpcClient.connect(path, ServerTrust.of(ProcessIdentity.uid(), null))) {
      assertEquals(JsonObject.EMPTY, client.call(Methods.DAEMON_PING, null));
    }
  }

  @Test
  void start_regularFileAtSocketPath_refusedAndFileKept() throws Exception {
    Files.writeString(socket, "precious");
    StartupException refusal = refused();
    assertTrue(refusal.getMessage().contains(socket.toString()), refusal.getMessage());
    assertEquals("precious", Files.readString(socket));
  }

  @Test
  void start_symlinkAtSocketPath_refusedAndTargetKept() throws Exception {
    Path target = root.resolve("target");
    Files.writeString(target, "precious");
    Files.createSymbolicLink(socket, target);
    refused();
    assertTrue(Files.isSymbolicLink(socket));
    assertEquals("precious", Files.readString(target));
  }

  @Test
  void start_directoryAtSocketPath_refused() throws Exception {
    Files.createDirectory(socket);
    refused();
    assertTrue(Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void start_worldWritableSocketDir_refused() throws Exception {
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
    StartupException refusal = refused();
    assertTrue(refusal.getMessage().contains(root.toString()), refusal.getMessage());
  }

  @Test
  void start_stickyWorldWritableSocketDir_refused() throws Exception {
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setAttribute(root, "unix:mode", 01777);
    refused();
  }

  @Test
  void start_socketOwnedBySomeoneElse_refused() throws Exception {
    assumeTrue(AsUser.isRoot(), "needs root: chown a leftover socket to another uid");
    start().close();
    // A leftover socket file of another user (simulated by chown) must not be unlinked.
    try (var server = org.newsclub.net.unix.AFUNIXServerSocket.newInstance()) {
      server.setDeleteOnClose(false);
      server.bind(org.newsclub.net.unix.AFUNIXSocketAddress.of(socket));
      Files.setAttribute(socket, "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);
    }
    refused();
    assertEquals(4321, Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void start_liveSecondInstance_refusedAndFirstKeepsServing() throws Exception {
    Daemon first = start();
    try {
      StartupException refusal = refused();
      assertTrue(refusal.getMessage().contains("already"), refusal.getMessage());
      assertServes(socket);
    } finally {
      first.close();
    }
  }

  @Test
  void start_staleSocketAfterKill9_isReplaced() throws Exception {
    List<String> command =
        AsUser.java(
            DaemonMain.class.getName(),
            List.of(
                "run",
                "--socket",
                socket.toString(),
                "--state-dir",
                root.resolve("state").toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        try {
          assertServes(socket);
          break;
        } catch (IOException notYet) {
          if (System.nanoTime() > deadline || !process.isAlive()) {
            throw new AssertionError(
                "child daemon did not start: " + Files.readString(root.resolve("child.log")),
                notYet);
          }
          Thread.sleep(50);
        }
      }
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "kill -9 leaves the socket");
    Daemon second = start();
    try {
      assertServes(socket);
    } finally {
      second.close();
    }
  }
}
