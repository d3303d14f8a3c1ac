package io.gflow.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON-RPC 2.0 conformance of the decoder: the "Examples" section of the specification adapted to
 * gflow method names, then gflow's own limits (SPEC §4).
 */
class RequestDecoderTest {

  private static final String PING = "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1}";

  /** The examples of https://www.jsonrpc.org/specification#examples, in the order given there. */
  @Nested
  class SpecificationExamples {

    @Test
    void decode_positionalParams_oneRequestWithArrayParams() {
      DecodedFrame frame =
          decode(
              "{\"jsonrpc\": \"2.0\", \"method\": \"job.hold\", \"params\": [42, 23], \"id\": 1}");

      Request request = onlyRequest(frame);
      assertFalse(frame.batch());
      assertEquals("job.hold", request.method());
      assertEquals(new JsonArray(List.of(JsonNumber.of(42), JsonNumber.of(23))), request.params());
      assertEquals(JsonNumber.of(1), request.id());
      assertFalse(request.isNotification());
    }

    @Test
    void decode_namedParams_oneRequestWithObjectParamsInAnyOrder() {
      DecodedFrame frame =
          decode(
              "{\"jsonrpc\": \"2.0\", \"method\": \"job.update\","
                  + " \"params\": {\"priority\": 23, \"id\": 42}, \"id\": 3}");

      Request request = onlyRequest(frame);
      assertEquals("job.update", request.method());
      assertEquals(
          JsonObject.builder().put("id", 42).put("priority", 23).build(), request.params());
      assertEquals(JsonNumber.of(3), request.id());
    }

    @Test
    void decode_notification_requestWithoutId() {
      Request withParams =
          onlyRequest(
              decode(
                  "{\"jsonrpc\": \"2.0\", \"method\": \"daemon.ping\", \"params\": [1,2,3,4,5]}"));
      Request withoutParams =
          onlyRequest(decode("{\"jsonrpc\": \"2.0\", \"method\": \"auth.whoami\"}"));

      assertTrue(withParams.isNotification());
      assertNull(withParams.id());
      assertTrue(withoutParams.isNotification());
      assertNull(withoutParams.params(), "absent params stay absent");
    }

    @Test
    void decode_nonExistentMethod_decodesBecauseDispatchDecides() {
      Request request =
          onlyRequest(decode("{\"jsonrpc\": \"2.0\", \"method\": \"foobar\", \"id\": \"1\"}"));

      assertEquals("foobar", request.method());
      assertEquals(new JsonString("1"), request.id());
    }

    @Test
    void decode_invalidJson_parseErrorWithNullId() {
      DecodedFrame frame =
          decode("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]");

      assertFrameError(frame, ErrorCode.PARSE_ERROR);
      assertFalse(frame.closeAfter(), "a malformed frame does not desynchronise NDJSON framing");
    }

    @Test
    void decode_invalidRequestObject_invalidRequestWithNullId() {
      DecodedFrame frame = decode("{\"jsonrpc\": \"2.0\", \"method\": 1, \"params\": \"bar\"}");

      assertFalse(frame.batch());
      assertInvalid(onlyEntry(frame), JsonNull.INSTANCE);
    }

    @Test
    void decode_batchWithInvalidJson_oneParseError() {
      DecodedFrame frame =
          decode(
              "[{\"jsonrpc\": \"2.0\", \"method\": \"daemon.ping\", \"params\": [1,2,4], \"id\": \"1\"},"
                  + "{\"jsonrpc\": \"2.0\", \"method\"]");

      assertFrameError(frame, ErrorCode.PARSE_ERROR);
    }

    @Test
    void decode_emptyArray_oneInvalidRequestThatIsNotABatch() {
      DecodedFrame frame = decode("[]");

      assertFrameError(frame, ErrorCode.INVALID_REQUEST);
      assertFalse(frame.batch(), "the reply to [] is a single error object, not an array");
      assertFalse(frame.closeAfter());
    }

    @Test
    void decode_batchOfOneNonObject_oneInvalidEntry() {
      DecodedFrame frame = decode("[1]");

      assertTrue(frame.batch());
      assertNull(frame.frameError());
      assertEquals(1, frame.entries().size());
      assertInvalid(frame.entries().get(0), JsonNull.INSTANCE);
    }

    @Test
    void decode_batchOfThreeNonObjects_threeInvalidEntries() {
      DecodedFrame frame = decode("[1,2,3]");

      assertTrue(frame.batch());
      assertEquals(3, frame.entries().size());
      for (DecodedFrame.Entry entry : frame.entries()) {
        assertInvalid(entry, JsonNull.INSTANCE);
      }
    }

    @Test
    void decode_mixedBatch_entriesInOrderWithInvalidOnesMarked() {
      DecodedFrame frame =
          decode(
              "[{\"jsonrpc\": \"2.0\", \"method\": \"daemon.ping\", \"params\": [1,2,4], \"id\": \"1\"},"
                  + "{\"jsonrpc\": \"2.0\", \"method\": \"daemon.info\", \"params\": [7]},"
                  + "{\"jsonrpc\": \"2.0\", \"method\": \"job.hold\", \"params\": [42,23], \"id\": \"2\"},"
                  + "{\"foo\": \"boo\"},"
                  + "{\"jsonrpc\": \"2.0\", \"method\": \"foo.get\", \"params\": {\"name\": \"myself\"},"
                  + " \"id\": \"5\"},"
                  + "{\"jsonrpc\": \"2.0\", \"method\": \"auth.whoami\", \"id\": \"9\"}]");

      assertTrue(frame.batch());
      assertNull(frame.frameError());
      List<DecodedFrame.Entry> entries = frame.entries();
      assertEquals(6, entries.size());
      assertEquals("daemon.ping", entries.get(0).request().method());
      assertEquals(new JsonString("1"), entries.get(0).request().id());
      assertTrue(entries.get(1).request().isNotification());
      assertEquals(new JsonString("2"), entries.get(2).request().id());
      assertInvalid(entries.get(3), JsonNull.INSTANCE);
      assertEquals("foo.get", entries.get(4).request().method());
      assertEquals("auth.whoami", entries.get(5).request().method());
      assertEquals(new JsonString("9"), entries.get(5).request().id());
    }

    @Test
    void decode_batchOfNotificationsOnly_allEntriesAreNotifications() {
      DecodedFrame frame =
          decode(
              "[{\"jsonrpc\": \"2.0\", \"method\": \"daemon.ping\", \"params\": [1,2,4]},"
                  + "{\"jsonrpc\": \"2.0\", \"method\": \"daemon.info\", \"params\": [7]}]");

      assertTrue(frame.batch());
      assertEquals(2, frame.entries().size());
      for (DecodedFrame.Entry entry : frame.entries()) {
        assertNotNull(entry.request());
        assertTrue(entry.request().isNotification(), "nothing must be sent back for this batch");
      }
    }
  }

  @Test
  void decode_nullId_requestThatIsNotANotification() {
    Request request =
        onlyRequest(decode("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":null}"));

    assertEquals(JsonNull.INSTANCE, request.id());
    assertFalse(request.isNotification());
  }

  @Test
  void decode_fractionalAndStringIds_keptExactly() {
    assertEquals(
        new JsonNumber(new java.math.BigDecimal("1.50")),
        onlyRequest(decode("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1.50}")).id());
    assertEquals(
        new JsonString("a\u00e9\ud83d\ude00"),
        onlyRequest(
                decode(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":\"a\u00e9\ud83d\ude00\"}"))
            .id());
  }

  @Test
  void decode_sliceOfLargerBuffer_readsOnlyTheSlice() {
    byte[] buffer = ("garbage" + PING + "more garbage").getBytes(StandardCharsets.UTF_8);

    Request request = onlyRequest(RequestDecoder.decode(buffer, 7, PING.length()));

    assertEquals("daemon.ping", request.method());
  }

  @Test
  void decode_unknownMember_invalidRequestEchoingId() {
    DecodedFrame frame =
        decode("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":7,\"extra\":true}");

    Response invalid = assertInvalid(onlyEntry(frame), JsonNumber.of(7));
    assertTrue(invalid.error().message().contains("'extra'"), invalid.error().message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"a\":1}", "true", "false", "[1]"})
  void decode_idOfWrongType_invalidRequestWithNullId(String id) {
    DecodedFrame frame =
        decode("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":" + id + "}");

    assertInvalid(onlyEntry(frame), JsonNull.INSTANCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"1.0\",\"method\":\"daemon.ping\",\"id\":1}",
        "{\"jsonrpc\":2.0,\"method\":\"daemon.ping\",\"id\":1}",
        "{\"jsonrpc\":\"2.0 \",\"method\":\"daemon.ping\",\"id\":1}",
        "{\"method\":\"daemon.ping\",\"id\":1}",
      })
  void decode_jsonrpcNotExactly20_invalidRequestEchoingId(String text) {
    assertInvalid(onlyEntry(decode(text)), JsonNumber.of(1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":null,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":[\"daemon.ping\"],\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":\"bar\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":1,\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":null,\"id\":1}",
      })
  void decode_badMethodOrParams_invalidRequestEchoingId(String text) {
    assertInvalid(onlyEntry(decode(text)), JsonNumber.of(1));
  }

  @Test
  void decode_methodNameOver128Chars_invalidRequest() {
    String longName = "a".repeat(129);
    String okName = "a".repeat(128);

    assertInvalid(
        onlyEntry(decode("{\"jsonrpc\":\"2.0\",\"method\":\"" + longName + "\",\"id\":1}")),
        JsonNumber.of(1));
    assertEquals(
        okName,
        onlyRequest(decode("{\"jsonrpc\":\"2.0\",\"method\":\"" + okName + "\"}")).method());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        PING + " x",
        PING + PING,
        PING + " 1",
        PING + "]",
        "1 2",
        "",
        "   ",
      })
  void decode_trailingGarbageOrNoValue_parseError(String text) {
    assertFrameError(decode(text), ErrorCode.PARSE_ERROR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":1,\"id\":2}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"method\":\"admin.shutdown\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"job.submit\",\"params\":{\"name\":\"a\",\"name\":\"b\"}}",
      })
  void decode_duplicateKeys_parseError(String text) {
    assertFrameError(decode(text), ErrorCode.PARSE_ERROR);
  }

  @Test
  void decode_validMultiByteUtf8_accepted() {
    Request request =
        onlyRequest(
            decode(
                "{\"jsonrpc\":\"2.0\",\"method\":\"job.submit\","
                    + "\"params\":{\"name\":\"\u00e9\u4e2d\ud83d\ude00\"},\"id\":1}"));

    assertEquals(
        JsonObject.builder().put("name", "\u00e9\u4e2d\ud83d\ude00").build(), request.params());
  }

  @Nested
  class BadUtf8 {
    @Test
    void decode_truncatedTwoByteSequence_parseError() {
      assertFrameError(decodeWithNameBytes(0xC3, 0x28), ErrorCode.PARSE_ERROR);
    }

    @Test
    void decode_overlongSlash_parseError() {
      assertFrameError(decodeWithNameBytes(0xC0, 0xAF), ErrorCode.PARSE_ERROR);
    }

    @Test
    void decode_encodedLoneSurrogate_parseError() {
      assertFrameError(decodeWithNameBytes(0xED, 0xA0, 0x80), ErrorCode.PARSE_ERROR);
    }

    @Test
    void decode_codePointAboveUnicodeRange_parseError() {
      assertFrameError(decodeWithNameBytes(0xF4, 0x90, 0x80, 0x80), ErrorCode.PARSE_ERROR);
    }

    @Test
    void decode_invalidByteOutsideString_parseError() {
      byte[] frame = (PING + " ").getBytes(StandardCharsets.UTF_8);
      frame[frame.length - 1] = (byte) 0xFF;

      assertFrameError(RequestDecoder.decode(frame, 0, frame.length), ErrorCode.PARSE_ERROR);
    }

    private DecodedFrame decodeWithNameBytes(int... bad) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(
          "{\"jsonrpc\":\"2.0\",\"method\":\"job.submit\",\"params\":{\"name\":\"a"
              .getBytes(StandardCharsets.UTF_8));
      for (int b : bad) {
        out.write(b);
      }
      out.writeBytes("b\"},\"id\":1}".getBytes(StandardCharsets.UTF_8));
      byte[] frame = out.toByteArray();
      return RequestDecoder.decode(frame, 0, frame.length);
    }
  }

  @Nested
  class Limits {
    @Test
    void decode_nesting64Deep_accepted() {
      // The request object is level 1, so 63 arrays reach exactly 64.
      Request request = onlyRequest(decode(requestWithParamsDepth(63)));

      assertEquals(64, depth(request.params()) + 1);
    }

    @Test
    void decode_nesting65Deep_invalidRequestAndClose() {
      DecodedFrame frame = decode(requestWithParamsDepth(64));

      assertFrameError(frame, ErrorCode.INVALID_REQUEST);
      assertTrue(frame.closeAfter());
    }

    @Test
    void decode_bareArrays65Deep_invalidRequestAndClose() {
      DecodedFrame frame = decode("[".repeat(65) + "]".repeat(65));

      assertFrameError(frame, ErrorCode.INVALID_REQUEST);
      assertTrue(frame.closeAfter());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void decode_nesting100kDeep_rejectedFastWithoutStackOverflow() {
      DecodedFrame arrays = decode("[".repeat(100_000) + "]".repeat(100_000));
      DecodedFrame objects = decode("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
      DecodedFrame unclosed = decode("[".repeat(100_000));

      for (DecodedFrame frame : List.of(arrays, objects, unclosed)) {
        assertFrameError(frame, ErrorCode.INVALID_REQUEST);
        assertTrue(frame.closeAfter());
      }
    }

    @Test
    void decode_batchOf1000_accepted() {
      DecodedFrame frame = decode(batchOf(RequestDecoder.MAX_BATCH));

      assertTrue(frame.batch());
      assertNull(frame.frameError());
      assertEquals(1000, frame.entries().size());
      assertTrue(frame.entries().stream().allMatch(entry -> entry.request() != null));
      assertFalse(frame.closeAfter());
    }

    @Test
    void decode_batchOf1001_invalidRequestAndClose() {
      DecodedFrame frame = decode(batchOf(RequestDecoder.MAX_BATCH + 1));

      assertFrameError(frame, ErrorCode.INVALID_REQUEST);
      assertTrue(frame.closeAfter());
      assertTrue(frame.entries().isEmpty(), "nothing of an oversized batch is dispatched");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void decode_batchOf100kElements_invalidRequestAndClose() {
      DecodedFrame frame = decode("[" + "1,".repeat(99_999) + "1]");

      assertFrameError(frame, ErrorCode.INVALID_REQUEST);
      assertTrue(frame.closeAfter());
    }

    @Test
    void decode_numberOver100Digits_invalidRequestAndClose() {
      DecodedFrame frame =
          decode("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":" + "9".repeat(101) + "}");

      assertFrameError(frame, ErrorCode.INVALID_REQUEST);
      assertTrue(frame.closeAfter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483647", "1e-2147483648", "1e99999999999", "-1E+400"})
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void decode_extremeExponent_neitherThrowsNorHangs(String number) {
      DecodedFrame frame =
          decode(
              "{\"jsonrpc\":\"2.0\",\"method\":\"job.update\",\"params\":{\"priority\":"
                  + number
                  + "}}");

      if (frame.frameError() == null) {
        JsonValue priority = ((JsonObject) onlyRequest(frame).params()).get("priority");
        assertTrue(((JsonNumber) priority).exactLong().isEmpty());
      } else {
        assertEquals(JsonNull.INSTANCE, frame.frameError().id());
      }
    }

    private String requestWithParamsDepth(int arrays) {
      return "{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"params\":"
          + "[".repeat(arrays)
          + "]".repeat(arrays)
          + ",\"id\":1}";
    }

    private int depth(JsonValue value) {
      int levels = 0;
      while (value instanceof JsonArray array) {
        levels++;
        value = array.elements().isEmpty() ? null : array.elements().get(0);
      }
      return levels;
    }

    private String batchOf(int requests) {
      StringBuilder batch = new StringBuilder("[");
      for (int index = 0; index < requests; index++) {
        if (index > 0) {
          batch.append(',');
        }
        batch
            .append("{\"jsonrpc\":\"2.0\",\"method\":\"daemon.ping\",\"id\":")
            .append(index)
            .append('}');
      }
      return batch.append(']').toString();
    }
  }

  @Test
  void decode_frameError_serialisesWithJsonNullId() {
    Response error = decode("{").frameError();

    JsonObject json = error.toJson();
    assertEquals(JsonNull.INSTANCE, json.get("id"));
    assertTrue(json.has("error"));
    assertFalse(json.has("result"));
    assertFalse(Json.write(json).contains("\n"));
  }

  static DecodedFrame decode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return RequestDecoder.decode(bytes, 0, bytes.length);
  }

  private static DecodedFrame.Entry onlyEntry(DecodedFrame frame) {
    assertNull(frame.frameError(), () -> "unexpected frame error " + frame.frameError());
    assertEquals(1, frame.entries().size());
    return frame.entries().get(0);
  }

  private static Request onlyRequest(DecodedFrame frame) {
    DecodedFrame.Entry entry = onlyEntry(frame);
    assertNotNull(entry.request(), () -> "unexpected rejection " + entry.invalid());
    return entry.request();
  }

  private static Response assertInvalid(DecodedFrame.Entry entry, JsonValue expectedId) {
    assertNull(entry.request(), () -> "expected a rejection, got " + entry.request());
    Response invalid = entry.invalid();
    assertEquals(ErrorCode.INVALID_REQUEST.code(), invalid.error().code(), invalid.toString());
    assertEquals(expectedId, invalid.id());
    return invalid;
  }

  private static void assertFrameError(DecodedFrame frame, ErrorCode code) {
    Response error = frame.frameError();
    assertNotNull(error, () -> "expected a frame error, got " + frame);
    assertTrue(frame.entries().isEmpty());
    assertNull(error.result());
    assertEquals(code.code(), error.error().code(), error.error().message());
    assertEquals(JsonNull.INSTANCE, error.id());
  }
}
