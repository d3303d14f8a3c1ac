package io.gflow.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.json.PlainJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast codec ({@link PlainJson} in {@link RequestDecoder} and {@link Response#decode}, and
 * {@link FrameWriter}) against the Jackson tree path it stands in for: the same records from the
 * same frames, the same bytes from the same records, on every golden wire file and on frames that
 * break a rule.
 */
class FrameCodecTest {

  static Stream<String> goldenFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(FrameCodecTest.class.getResource("/wire").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void goldenFile_asRequest_decodesAndEncodesLikeTheTree(String file) throws Exception {
    JsonValue golden = golden(file);
    List<String> frames = new ArrayList<>();
    if (golden instanceof JsonObject object && object.has("method")) {
      frames.add(Json.write(golden));
      frames.add(Files.readString(goldenPath(file)));
    } else if (golden instanceof JsonObject || golden instanceof JsonArray) {
      frames.add(Json.write(new Request(JsonNumber.of(7), "job.submit", golden).toJson()));
      frames.add(Json.write(new Request(new JsonString("a\u00e9"), "x", golden).toJson()));
      frames.add(Json.write(new Request(null, "job.submit", golden).toJson()));
    }
    for (String frame : frames) {
      assertSameDecoding(frame);
      byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
      DecodedFrame decoded = RequestDecoder.decode(bytes, 0, bytes.length);
      if (decoded.frameError() == null && decoded.entries().get(0).request() != null) {
        assertSameEncoding(decoded.entries().get(0).request());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void goldenFile_asResponse_readsAndWritesLikeTheTree(String file) throws Exception {
    JsonValue golden = golden(file);
    List<Response> responses = new ArrayList<>();
    if (golden instanceof JsonObject object && object.has("jsonrpc") && !object.has("method")) {
      responses.add(Response.fromJson(golden));
      assertSameResponseReading(Files.readString(goldenPath(file)));
    }
    responses.add(Response.success(JsonNumber.of(3), golden));
    responses.add(Response.success(JsonNull.INSTANCE, golden));
    for (Response response : responses) {
      assertSameResponseEncoding(response);
      assertSameResponseReading(Json.write(response.toJson()));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}",
        "{\"id\":1,\"method\":\"daemon.ping\",\"jsonrpc\":\"2.0\"}",
        " { \"jsonrpc\" : \"2.0\" , \"method\" : \"daemon.ping\" } ",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":null}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"abc\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1.50}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":-0}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1e400}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1e-5000}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":{},\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":[],\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":null,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":3,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":{}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":[1]}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":true}",
        "{\"jsonrpc\":\"2.1\",\"method\":\"daemon.ping\",\"id\":1}",
        "{\"jsonrpc\":2.0,\"method\":\"daemon.ping\",\"id\":1}",
        "{\"method\":\"daemon.ping\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":7,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":null,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1,\"extra\":0}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1,\"id\":2}",
        "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1} {}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}]",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":{\"a\":1,\"a\":2}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":{\"a\":[[[[[[[[[[1]]]]]]]]]]}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"d\\u00e9mon\",\"id\":\"\\ud800\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"caf\u00e9 \u2028 \ud83d\ude00\"}",
        "[{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}]",
        "[]",
        "\"just a string\"",
        "42",
        "null",
        "{}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":01}",
        "{'jsonrpc':'2.0','method':'daemon.ping'}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":0}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":00}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":-1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":-0}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1.5}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1e3}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":123456789012345678}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1234567890123456789}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":99999999999999999999999}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":nul}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":nullx}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon\\u002eping\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon\tping\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1,}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\" \"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}x",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\"1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"method\":\"x\"}",
        "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",\"method\":\"x\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":null,\"id\":1}",
        "{\"jsonrpc\" : \"2.0\"\r\n,\t\"method\":\"daemon.ping\" , \"id\" : 5 }\t",
        "{\"Jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\"",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping",
        "{\"jsonrpc\":\"2.0\",\"method\":",
        "{",
        "",
        "   ",
      })
  void frame_decodesLikeTheTree(String frame) {
    assertSameDecoding(frame);
  }

  @Test
  void decode_longMethodName_rejectedLikeTheTree() {
    assertSameDecoding("{\"jsonrpc\":\"2.0\",\"method\":\"" + "m".repeat(129) + "\",\"id\":1}");
    assertSameDecoding("{\"jsonrpc\":\"2.0\",\"method\":\"" + "m".repeat(128) + "\",\"id\":1}");
  }

  @Test
  void decode_deepParams_rejectedLikeTheTree() {
    String deep = "[".repeat(80) + "]".repeat(80);
    assertSameDecoding("{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"params\":" + deep + ",\"id\":1}");
  }

  @Test
  void decode_invalidUtf8_parseErrorLikeBefore() {
    byte[] frame = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};
    DecodedFrame decoded = RequestDecoder.decode(frame, 0, frame.length);
    assertEquals(ErrorCode.PARSE_ERROR.code(), decoded.frameError().error().code());
    assertEquals("frame is not valid UTF-8", decoded.frameError().error().message());
  }

  @Test
  void plainFrames_takeThePlainPath() {
    byte[] ping =
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}"
            .getBytes(StandardCharsets.UTF_8);
    assertNotNull(PlainJson.read(ping, 0, ping.length));
    byte[] reply = "{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":1}".getBytes(StandardCharsets.UTF_8);
    assertNotNull(PlainJson.read(reply, 0, reply.length));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":1}",
        "{\"id\":1,\"result\":null,\"jsonrpc\":\"2.0\"}",
        "{\"jsonrpc\":\"2.0\",\"result\":[1,\"\u00e9\"]}",
        "{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":1,\"extra\":true}",
        "{\"jsonrpc\":\"2.0\",\"result\":{},\"error\":{\"code\":-32003,\"message\":\"no\"}}",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32003,\"message\":\"no\"},\"id\":2}",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":4294935293,\"message\":\"wrap\"},\"id\":2}",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"no code\"},\"id\":2}",
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"1.0\",\"result\":{},\"id\":1}",
        "{\"result\":{},\"id\":1}",
        "[{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":1}]",
        "{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":1,\"id\":1}",
      })
  void response_readsLikeTheTree(String frame) {
    assertSameResponseReading(frame);
  }

  @Test
  void response_notJson_throwsLikeTheTree() {
    byte[] frame = "{\"jsonrpc\":".getBytes(StandardCharsets.UTF_8);
    JsonFormatException streamed =
        assertThrows(JsonFormatException.class, () -> Response.decode(frame, 0, frame.length));
    JsonFormatException tree =
        assertThrows(JsonFormatException.class, () -> Json.parse(frame, 0, frame.length));
    assertEquals(tree.getMessage(), streamed.getMessage());
  }

  @Test
  void frameWriter_reused_eachFrameStandsAlone() {
    FrameWriter frames = new FrameWriter();
    JsonObject big =
        JsonObject.builder().put("text", "x".repeat(300_000) + "\u00e9\u2028\u0085").build();
    List<Response> sequence =
        List.of(
            Response.success(JsonNumber.of(1), JsonObject.EMPTY),
            Response.success(JsonNumber.of(2), big),
            error("after a big one"),
            Response.success(new JsonString("lone \ud800 surrogate"), JsonValue.of(5)),
            Response.success(JsonNumber.of(3), JsonObject.EMPTY));
    for (Response response : sequence) {
      assertArrayEquals(treeBytes(response.toJson()), written(frames.response(response)));
    }
    JsonArray batch = new JsonArray(List.of(sequence.get(0).toJson(), sequence.get(2).toJson()));
    assertArrayEquals(treeBytes(batch), written(frames.value(batch)));
    Request request = new Request(JsonNumber.of(9), "job.list", JsonObject.EMPTY);
    assertArrayEquals(treeBytes(request.toJson()), written(frames.request(request)));
  }

  @Test
  void frameWriter_trimmedAfterBigFrames_nextFramesStillRight() {
    FrameWriter frames = new FrameWriter();
    Response small = Response.success(JsonNumber.of(1), JsonObject.EMPTY);
    for (String big : List.of("x".repeat(400_000), "\u00e9".repeat(400_000))) {
      Response response = Response.success(JsonNumber.of(2), new JsonString(big));
      assertArrayEquals(treeBytes(response.toJson()), written(frames.response(response)));
      frames.trim();
      assertArrayEquals(treeBytes(small.toJson()), written(frames.response(small)));
      frames.trim();
    }
  }

  @Test
  void frameWriter_request_notificationWithoutParams() {
    Request notification = new Request(null, "auth.whoami", null);
    assertArrayEquals(
        treeBytes(notification.toJson()), written(new FrameWriter().request(notification)));
  }

  private static Response error(String message) {
    return Response.failure(
        JsonNull.INSTANCE,
        RpcError.of(
            new RpcException(
                ErrorCode.FORBIDDEN, message, new ErrorData("role", "admin", null, "ask", null))));
  }

  private static void assertSameDecoding(String frame) {
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    DecodedFrame streamed = RequestDecoder.decode(bytes, 0, bytes.length);
    DecodedFrame tree = RequestDecoder.decodeTree(bytes, 0, bytes.length);
    assertEquals(tree, streamed, frame);
    assertEquals(describe(tree), describe(streamed), frame);
  }

  /** The frame as the daemon would answer or dispatch it, to compare ids exactly (1 vs 1.0). */
  private static String describe(DecodedFrame frame) {
    StringBuilder text = new StringBuilder();
    if (frame.frameError() != null) {
      text.append(Json.write(frame.frameError().toJson())).append(frame.closeAfter());
    }
    for (DecodedFrame.Entry entry : frame.entries()) {
      text.append(
          entry.request() != null
              ? Json.write(entry.request().toJson())
              : Json.write(entry.invalid().toJson()));
    }
    return text.toString();
  }

  private static void assertSameEncoding(Request request) {
    assertArrayEquals(treeBytes(request.toJson()), written(new FrameWriter().request(request)));
  }

  private static void assertSameResponseEncoding(Response response) {
    assertArrayEquals(treeBytes(response.toJson()), written(new FrameWriter().response(response)));
  }

  private static void assertSameResponseReading(String frame) {
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    Object tree;
    Object streamed;
    try {
      tree = Json.write(Response.fromJson(Json.parse(bytes, 0, bytes.length)).toJson());
    } catch (RpcException | JsonFormatException failed) {
      tree = failed.getClass() + failed.getMessage();
    }
    try {
      streamed = Json.write(Response.decode(bytes, 0, bytes.length).toJson());
    } catch (RpcException | JsonFormatException failed) {
      streamed = failed.getClass() + failed.getMessage();
    }
    assertEquals(tree, streamed, frame);
  }

  private static byte[] treeBytes(JsonValue value) {
    return (Json.write(value) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] written(FrameWriter frames) {
    byte[] bytes = java.util.Arrays.copyOf(frames.bytes(), frames.length());
    assertFalse(bytes.length == 0);
    return bytes;
  }

  private static Path goldenPath(String file) throws URISyntaxException {
    return Path.of(FrameCodecTest.class.getResource("/wire/" + file).toURI());
  }

  private static JsonValue golden(String file) throws IOException, URISyntaxException {
    byte[] bytes = Files.readAllBytes(goldenPath(file));
    try {
      return Json.parse(bytes, 0, bytes.length);
    } catch (JsonFormatException bad) {
      throw new AssertionError(file, bad);
    }
  }
}
