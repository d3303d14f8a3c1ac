package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples of the JSON-RPC 2.0 specification, adapted to gflow's methods, over a real socket
 * against a real daemon: one NDJSON line per request, replies in order.
 */
@Timeout(30)
class ConformanceIT {
  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withDefaults();

  private SocketChannel channel;
  private InputStream in;

  @BeforeEach
  void connect() throws IOException {
    channel = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket()));
    in = Channels.newInputStream(channel);
  }

  @AfterEach
  void close() throws IOException {
    channel.close();
  }

  private void send(String line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private JsonValue receive() throws Exception {
    StringBuilder line = new StringBuilder();
    int next;
    while ((next = in.read()) != '\n') {
      if (next < 0) {
        throw new IOException("connection closed; got so far: " + line);
      }
      line.append((char) next);
    }
    return Json.parse(line.toString());
  }

  private static long code(JsonValue reply) {
    return ((JsonNumber) ((JsonObject) ((JsonObject) reply).get("error")).get("code"))
        .exactLong()
        .getAsLong();
  }

  private static JsonValue id(JsonValue reply) {
    return ((JsonObject) reply).get("id");
  }

  @Test
  void positionalParams_areRejectedAsInvalidParams() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":[42,23],\"id\":1}");
    JsonValue reply = receive();
    assertEquals(-32602, code(reply));
    assertEquals(JsonNumber.of(1), id(reply));
  }

  @Test
  void namedParams_emptyObject_succeeds() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":{},\"id\":3}");
    JsonObject reply = (JsonObject) receive();
    assertEquals(JsonObject.EMPTY, reply.get("result"));
    assertEquals(JsonNumber.of(3), reply.get("id"));
    assertEquals(new JsonString("2.0"), reply.get("jsonrpc"));
  }

  @Test
  void unknownParam_isInvalidParamsNamingIt() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"auth.whoami\",\"params\":{\"uid\":0},\"id\":\"x\"}");
    JsonObject reply = (JsonObject) receive();
    assertEquals(-32602, code(reply));
    assertTrue(reply.toString().contains("unknown field 'uid'"), reply.toString());
  }

  @Test
  void notification_getsNoReply() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\"}");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"no.such.method\"}");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"after\"}");
    assertEquals(new JsonString("after"), id(receive()));
  }

  @Test
  void nonExistentMethod_isMethodNotFound() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"foobar\",\"id\":\"1\"}");
    JsonValue reply = receive();
    assertEquals(-32601, code(reply));
    assertEquals(new JsonString("1"), id(reply));
  }

  @Test
  void invalidJson_isParseErrorWithNullIdAndConnectionStaysUsable() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"foobar,\"params\":\"bar\",\"baz]");
    JsonValue reply = receive();
    assertEquals(-32700, code(reply));
    assertEquals(io.gflow.protocol.json.JsonNull.INSTANCE, id(reply));
    send("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":2}");
    assertEquals(JsonNumber.of(2), id(receive()));
  }

  @Test
  void invalidRequestObject_isInvalidRequest() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}");
    assertEquals(-32600, code(receive()));
  }

  @Test
  void batchWithInvalidJson_isOneParseError() throws Exception {
    send(
        "[{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"1\"},{\"jsonrpc\":\"2.0\",\"method\"]");
    assertEquals(-32700, code(receive()));
  }

  @Test
  void emptyBatch_isOneInvalidRequestNotAnArray() throws Exception {
    send("[]");
    JsonValue reply = receive();
    assertTrue(reply instanceof JsonObject);
    assertEquals(-32600, code(reply));
  }

  @Test
  void invalidBatchOfOne_isArrayOfOneInvalidRequest() throws Exception {
    send("[1]");
    JsonArray replies = (JsonArray) receive();
    assertEquals(1, replies.size());
    assertEquals(-32600, code(replies.elements().get(0)));
  }

  @Test
  void invalidBatchOfThree_isArrayOfThreeInvalidRequests() throws Exception {
    send("[1,2,3]");
    JsonArray replies = (JsonArray) receive();
    assertEquals(3, replies.size());
    for (JsonValue reply : replies.elements()) {
      assertEquals(-32600, code(reply));
    }
  }

  @Test
  void mixedBatch_repliesForEveryNonNotification() throws Exception {
    send(
        "[{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"1\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"auth.whoami\",\"id\":\"2\"},"
            + "{\"foo\":\"boo\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"foo.get\",\"params\":{\"name\":\"myself\"},\"id\":\"5\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.info\",\"id\":\"9\"}]");
    JsonArray replies = (JsonArray) receive();
    assertEquals(5, replies.size());
    Set<JsonValue> ids = new HashSet<>();
    for (JsonValue reply : replies.elements()) {
      ids.add(id(reply));
    }
    assertEquals(
        Set.of(
            new JsonString("1"),
            new JsonString("2"),
            io.gflow.protocol.json.JsonNull.INSTANCE,
            new JsonString("5"),
            new JsonString("9")),
        ids);
  }

  @Test
  void allNotificationBatch_getsNothing() throws Exception {
    send(
        "[{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"auth.whoami\"}]");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":42}");
    assertEquals(JsonNumber.of(42), id(receive()));
  }

  @Test
  void repliesComeInRequestOrder() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int index = 0; index < 50; index++) {
      lines
          .append("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":")
          .append(index)
          .append("}\n");
    }
    send(lines.toString().strip());
    for (int index = 0; index < 50; index++) {
      assertEquals(JsonNumber.of(index), id(receive()));
    }
  }
}
