package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.Methods;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile clients: huge frames, deep nesting, huge batches, bad UTF-8, slow writers, connection
 * floods. The daemon answers or drops the offender and keeps serving everyone else.
 */
@Timeout(60)
class AbuseIT {
  private static final int PER_UID_CAP = 8;

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig(
          "[limits]\nmax_connections_per_uid = " + PER_UID_CAP + "\nrequest_timeout = \"1s\"\n");

  private SocketChannel open() throws IOException {
    return SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()));
  }

  private static void write(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Reads one reply line, or null when the daemon closed first. */
  private static JsonValue readReply(SocketChannel channel) throws Exception {
    InputStream in = Channels.newInputStream(channel);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int next;
    try {
      while ((next = in.read()) != '\n') {
        if (next < 0) {
          return null;
        }
        line.write(next);
      }
    } catch (IOException reset) {
      return null;
    }
    return Json.parse(line.toString(StandardCharsets.UTF_8));
  }

  private static boolean closedByPeer(SocketChannel channel) {
    try {
      return Channels.newInputStream(channel).read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }

  private static long code(JsonValue reply) {
    return ((JsonNumber) ((JsonObject) ((JsonObject) reply).get("error")).get("code"))
        .exactLong()
        .getAsLong();
  }

  private void assertOthersServed() throws Exception {
    try (var client = daemon.client()) {
      assertEquals(JsonObject.EMPTY, client.call(Methods.DAEMON_PING, null));
    }
  }

  @Test
  void frame_twoMebibytes_rejectedAndClosed() throws Exception {
    try (SocketChannel channel = open()) {
      byte[] huge = new byte[2 * 1024 * 1024];
      java.util.Arrays.fill(huge, (byte) 'a');
      try {
        write(channel, huge);
        write(channel, new byte[] {'\n'});
      } catch (IOException closedEarly) {
        // The daemon may close before we finish sending 2 MiB: that is the point.
      }
      JsonValue reply = readReply(channel);
      assertEquals(-32600, code(reply));
      assertTrue(reply.toString().contains("larger than 1048576"), reply.toString());
      assertTrue(closedByPeer(channel));
    }
    assertOthersServed();
  }

  @Test
  void nesting_hundredThousandDeep_rejectedAndClosed() throws Exception {
    try (SocketChannel channel = open()) {
      String deep = "[".repeat(100_000) + "]".repeat(100_000) + "\n";
      write(channel, deep.getBytes(StandardCharsets.US_ASCII));
      JsonValue reply = readReply(channel);
      assertEquals(-32600, code(reply));
      assertTrue(reply.toString().contains("deeper than 64"), reply.toString());
      assertTrue(closedByPeer(channel));
    }
    assertOthersServed();
  }

  @Test
  void batch_hundredThousandElements_rejectedAndClosed() throws Exception {
    try (SocketChannel channel = open()) {
      StringBuilder batch = new StringBuilder("[");
      for (int index = 0; index < 100_000; index++) {
        batch.append(index == 0 ? "" : ",").append("{}");
      }
      batch.append("]\n");
      write(channel, batch.toString().getBytes(StandardCharsets.US_ASCII));
      JsonValue reply = readReply(channel);
      assertEquals(-32600, code(reply));
      assertTrue(reply.toString().contains("limit is 1000"), reply.toString());
      assertTrue(closedByPeer(channel));
    }
    assertOthersServed();
  }

  @Test
  void badUtf8_isParseErrorAndConnectionStillServes() throws Exception {
    try (SocketChannel channel = open()) {
      byte[] prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"".getBytes();
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(prefix);
      frame.write(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF});
      frame.write("\"}\n".getBytes());
      write(channel, frame.toByteArray());
      assertEquals(-32700, code(readReply(channel)));
      write(channel, "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}\n".getBytes());
      assertEquals(JsonObject.EMPTY, ((JsonObject) readReply(channel)).get("result"));
    }
  }

  @Test
  void slowWriter_timedOutWhileOthersAreServed() throws Exception {
    try (SocketChannel slow = open()) {
      byte[] request = "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}\n".getBytes();
      long start = System.nanoTime();
      JsonValue reply = null;
      for (int index = 0; index < request.length - 1; index++) {
        try {
          write(slow, new byte[] {request[index]});
        } catch (IOException closed) {
          break;
        }
        long otherStart = System.nanoTime();
        assertOthersServed();
        assertTrue(System.nanoTime() - otherStart < 2_000_000_000L, "others served promptly");
        Thread.sleep(150);
        if ((System.nanoTime() - start) > 3_000_000_000L) {
          break;
        }
      }
      reply = readReply(slow);
      assertEquals(-32600, code(reply));
      assertTrue(reply.toString().contains("not completed within"), reply.toString());
    }
    assertOthersServed();
  }

  @Test
  void connections_overPerUidCap_refusedTooManyAndServiceResumes() throws Exception {
    List<SocketChannel> held = new ArrayList<>();
    try {
      for (int index = 0; index < PER_UID_CAP - 1; index++) {
        SocketChannel channel = open();
        write(channel, "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}\n".getBytes());
        assertEquals(JsonObject.EMPTY, ((JsonObject) readReply(channel)).get("result"));
        held.add(channel);
      }
      // One more is still allowed: the cap is reached with it.
      SocketChannel last = open();
      held.add(last);
      write(last, "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}\n".getBytes());
      assertEquals(JsonObject.EMPTY, ((JsonObject) readReply(last)).get("result"));
      try (SocketChannel over = open()) {
        JsonValue refusal = readReply(over);
        assertEquals(-32029, code(refusal));
        assertTrue(refusal.toString().contains("per user"), refusal.toString());
      }
    } finally {
      for (SocketChannel channel : held) {
        channel.close();
      }
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      try {
        assertOthersServed();
        return;
      } catch (io.gflow.protocol.RpcException stillFull) {
        if (System.nanoTime() > deadline) {
          throw stillFull;
        }
        Thread.sleep(20);
      }
    }
  }
}
