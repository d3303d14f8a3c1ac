package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketAddress;

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
  void checkListening_listeningStreamSocket_passes() throws Exception {
    InheritedSocket.checkListening(
        table(
            "0000000000000000: 00000002 00000000 00000000 0001 03 111",
            "0000000000000001: 00000002 00000000 00010000 0001 01 222 /run/gflow/a b.sock"),
        "222");
  }

  @Test
  void lines_anotherSocketsPathNotUtf8_oursStillChecked() throws Exception {
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    table.writeBytes((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
    table.writeBytes(
        "0000000000000000: 00000002 00000000 00010000 0001 01 111 /tmp/x"
            .getBytes(StandardCharsets.US_ASCII));
    table.write(0xff); // any local user may bind a socket at such a path
    table.writeBytes(
        "\n0000000000000001: 00000002 00000000 00010000 0001 01 222 /run/gflow/gflowd.sock\n"
            .getBytes(StandardCharsets.US_ASCII));

    InheritedSocket.checkListening(InheritedSocket.lines(table.toByteArray()), "222");
  }

  @Test
  void checkListening_forgedLinesNamingOurInode_cannotRefuseIt() throws Exception {
    // /proc/net/unix prints paths raw: another user's path can hold whole lines of its own.
    String forged =
        "0000000000000000: 00000002 00000000 00010000 0001 01 111 /tmp/x\n"
            + "0000000000000000: 00000002 00000000 00000000 0001 01 222 /tmp/y\n"
            + "0000000000000000: 00000002 00000000 zz 0002 01 222 /tmp/z\n";
    String real = "0000000000000001: 00000002 00000000 00010000 0001 01 222 /run/gflow/gflowd.sock";
    List<String> lines =
        InheritedSocket.lines((HEADER + "\n" + forged + real).getBytes(StandardCharsets.US_ASCII));

    InheritedSocket.checkListening(lines, "222");
  }

  @Test
  void checkListening_notListeningOrDatagram_isRefused() {
    List<String> table =
        table(
            "0000000000000000: 00000002 00000000 00000000 0001 01 111 /run/x.sock",
            "0000000000000001: 00000002 00000000 00010000 0002 01 222 /run/y.sock");
    for (String inode : List.of("111", "222")) {
      SocketSetupException refused =
          assertThrows(
              SocketSetupException.class, () -> InheritedSocket.checkListening(table, inode));
      assertTrue(refused.getMessage().contains("without Accept=yes"), refused.getMessage());
    }
  }

  @Test
  void checkListening_notInTheTable_isRefusedAsNotAfUnix() {
    SocketSetupException refused =
        assertThrows(
            SocketSetupException.class,
            () ->
                InheritedSocket.checkListening(
                    table("0000000000000000: 00000002 00000000 00010000 0001 01 111 /a"), "333"));
    assertTrue(refused.getMessage().contains("not an AF_UNIX socket"), refused.getMessage());
  }

  @Test
  void boundPath_absoluteUtf8Path_isThePath() throws Exception {
    Path path = Path.of("/run/gflow/gflöwd.sock");
    assertEquals(path, InheritedSocket.boundPath(AFUNIXSocketAddress.of(path)));
  }

  @Test
  void boundPath_abstractRelativeUnboundOrNotUtf8_isRefused() throws Exception {
    List<SocketAddress> refused =
        Arrays.asList(
            AFUNIXSocketAddress.inAbstractNamespace("gflow"),
            AFUNIXSocketAddress.of("gflowd.sock".getBytes(StandardCharsets.US_ASCII)),
            AFUNIXSocketAddress.of(new byte[] {'/', 't', 'm', 'p', '/', (byte) 0xff}),
            null);
    for (SocketAddress address : refused) {
      SocketSetupException error =
          assertThrows(SocketSetupException.class, () -> InheritedSocket.boundPath(address));
      assertTrue(error.getMessage().contains("ListenStream=/"), error.getMessage());
    }
  }
}
