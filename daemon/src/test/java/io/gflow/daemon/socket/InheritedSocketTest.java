package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InheritedSocketTest {
  private static final String HEADER = "Num       RefCount Protocol Flags    Type St Inode Path";

  private static List<String> table(String... lines) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(HEADER), java.util.stream.Stream.of(lines))
        .toList();
  }

  @Test
  void listenFds_pidMatches_returnsCount() throws Exception {
    assertEquals(2, InheritedSocket.listenFds(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "2"), 42));
  }

  @Test
  void listenFds_otherPidOrUnset_returnsZero() throws Exception {
    assertEquals(0, InheritedSocket.listenFds(Map.of("LISTEN_PID", "41", "LISTEN_FDS", "1"), 42));
    assertEquals(0, InheritedSocket.listenFds(Map.of("LISTEN_FDS", "1"), 42));
    assertEquals(0, InheritedSocket.listenFds(Map.of("LISTEN_PID", "42"), 42));
    assertEquals(0, InheritedSocket.listenFds(Map.of(), 42));
  }

  @Test
  void listenFds_garbage_isRefusedWithTheWayOut() {
    SocketSetupException refused =
        assertThrows(
            SocketSetupException.class,
            () -> InheritedSocket.listenFds(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "-1"), 42));
    assertTrue(refused.getMessage().contains("LISTEN_FDS (-1)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("unset LISTEN_PID"), refused.getMessage());
  }

  @Test
  void listeningPath_listeningStreamSocket_returnsItsPath() throws Exception {
    List<String> table =
        table(
            "0000000000000000: 00000002 00000000 00000000 0001 03 111",
            "0000000000000001: 00000002 00000000 00010000 0001 01 222 /run/gflow/a b.sock");
    assertEquals(Path.of("/run/gflow/a b.sock"), InheritedSocket.listeningPath(table, "222"));
  }

  @Test
  void lines_anotherSocketsPathNotUtf8_oursStillFound() throws Exception {
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    table.writeBytes((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
    table.writeBytes(
        "0000000000000000: 00000002 00000000 00010000 0001 01 111 /tmp/x"
            .getBytes(StandardCharsets.US_ASCII));
    table.write(0xff); // any local user may bind a socket at such a path
    table.writeBytes(
        "\n0000000000000001: 00000002 00000000 00010000 0001 01 222 /run/gflow/gflowd.sock\n"
            .getBytes(StandardCharsets.US_ASCII));

    List<String> lines = InheritedSocket.lines(table.toByteArray());

    assertEquals(Path.of("/run/gflow/gflowd.sock"), InheritedSocket.listeningPath(lines, "222"));
    SocketSetupException notUtf8 =
        assertThrows(SocketSetupException.class, () -> InheritedSocket.listeningPath(lines, "111"));
    assertTrue(notUtf8.getMessage().contains("not UTF-8"), notUtf8.getMessage());
  }

  @Test
  void listeningPath_notListeningOrDatagram_isRefused() {
    List<String> table =
        table(
            "0000000000000000: 00000002 00000000 00000000 0001 01 111 /run/x.sock",
            "0000000000000001: 00000002 00000000 00010000 0002 01 222 /run/y.sock");
    for (String inode : List.of("111", "222")) {
      SocketSetupException refused =
          assertThrows(
              SocketSetupException.class, () -> InheritedSocket.listeningPath(table, inode));
      assertTrue(refused.getMessage().contains("ListenStream="), refused.getMessage());
    }
  }

  @Test
  void listeningPath_abstractUnnamedOrMissing_isRefused() {
    List<String> table =
        table(
            "0000000000000000: 00000002 00000000 00010000 0001 01 111 @gflow",
            "0000000000000001: 00000002 00000000 00010000 0001 01 222");
    for (String inode : List.of("111", "222", "333")) {
      assertThrows(SocketSetupException.class, () -> InheritedSocket.listeningPath(table, inode));
    }
  }
}
