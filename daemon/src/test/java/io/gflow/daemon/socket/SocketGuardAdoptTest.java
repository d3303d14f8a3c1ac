package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SocketGuard#adopt}: a socket bound by systemd is locked, checked and never unlinked. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketGuardAdoptTest {
  private static final long OWN_UID = ProcessIdentity.uid();

  private ShortTempDir base;
  private Path socket;

  @BeforeEach
  void createDirs() throws IOException {
    base = ShortTempDir.create();
    socket = Files.createDirectory(base.resolve("d")).resolve("gflowd.sock");
  }

  @AfterEach
  void deleteDirs() throws IOException {
    base.close();
  }

  private static Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }

  @Test
  void adopt_boundSocket_keepsItOnStartAndClose() throws Exception {
    try (ServerSocketChannel systemd = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      systemd.bind(UnixDomainSocketAddress.of(socket));
      Object bound = fileKey(socket);
      SocketGuard guard = SocketGuard.adopt(socket, OWN_UID, DirPolicy.PERSONAL);
      assertEquals(bound, fileKey(socket), "adopt replaced the socket");
      guard.close();
      assertEquals(bound, fileKey(socket), "close unlinked a socket the daemon did not bind");
    }
  }

  @Test
  void adopt_whileAnotherGuardHoldsTheLock_isRefused() throws Exception {
    try (ServerSocketChannel systemd = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      systemd.bind(UnixDomainSocketAddress.of(socket));
      try (SocketGuard first = SocketGuard.adopt(socket, OWN_UID, DirPolicy.PERSONAL)) {
        SocketSetupException refused =
            assertThrows(
                SocketSetupException.class,
                () -> SocketGuard.acquire(socket, OWN_UID, DirPolicy.PERSONAL));
        assertTrue(refused.getMessage().contains("already serving"), refused.getMessage());
        assertTrue(Files.exists(first.socket(), LinkOption.NOFOLLOW_LINKS));
      }
    }
  }

  @Test
  void adopt_pathMissingOrNotASocket_isRefusedAndLeftAlone() throws Exception {
    SocketSetupException missing =
        assertThrows(
            SocketSetupException.class,
            () -> SocketGuard.adopt(socket, OWN_UID, DirPolicy.PERSONAL));
    assertTrue(missing.getMessage().contains("that path is missing"), missing.getMessage());
    assertTrue(missing.getMessage().contains("systemctl restart"), missing.getMessage());

    Files.writeString(socket, "not a socket");
    SocketSetupException regular =
        assertThrows(
            SocketSetupException.class,
            () -> SocketGuard.adopt(socket, OWN_UID, DirPolicy.PERSONAL));
    assertTrue(regular.getMessage().contains("regular file"), regular.getMessage());
    assertEquals("not a socket", Files.readString(socket));
  }
}
