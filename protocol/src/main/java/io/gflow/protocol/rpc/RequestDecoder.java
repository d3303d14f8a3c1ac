package io.gflow.protocol.rpc;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes one NDJSON frame into JSON-RPC 2.0 requests, applying the rules of the specification and
 * gflow's limits (SPEC §4). Stateless and thread-safe.
 */
public final class RequestDecoder {
  /** Most requests one batch may hold. */
  public static final int MAX_BATCH = 1000;

  private static final Set<String> REQUEST_MEMBERS = Set.of("jsonrpc", "method", "params", "id");
  private static final int MAX_METHOD_CHARS = EnvelopeReader.MAX_METHOD_CHARS;

  private RequestDecoder() {}

  public static DecodedFrame decode(byte[] frame, int offset, int length) {
    Request simplest = PlainRequestScanner.scan(frame, offset, length);
    if (simplest != null) {
      return DecodedFrame.single(new DecodedFrame.Entry(simplest, null));
    }
    String text;
    try {
      text = Json.text(frame, offset, length);
    } catch (JsonFormatException badUtf8) {
      return parseError(badUtf8);
    }
    Request plain = EnvelopeReader.request(text);
    if (plain != null) {
      return DecodedFrame.single(new DecodedFrame.Entry(plain, null));
    }
    return decodeTree(text);
  }

  /** The general path: the frame as a tree, checked member by member with a message per fault. */
  static DecodedFrame decodeTree(String text) {
    JsonValue value;
    try {
      value = Json.parse(text);
    } catch (JsonFormatException bad) {
      return parseError(bad);
    }
    if (value instanceof JsonArray array) {
      if (array.size() == 0) {
        return DecodedFrame.error(invalid(JsonNull.INSTANCE, "empty batch"), false);
      }
      if (array.size() > MAX_BATCH) {
        return DecodedFrame.error(
            invalid(
                JsonNull.INSTANCE,
                "batch holds " + array.size() + " requests; the limit is " + MAX_BATCH),
            true);
      }
      List<DecodedFrame.Entry> entries = new ArrayList<>(array.size());
      for (JsonValue element : array.elements()) {
        entries.add(entry(element));
      }
      return DecodedFrame.batch(entries);
    }
    return DecodedFrame.single(entry(value));
  }

  private static DecodedFrame parseError(JsonFormatException bad) {
    ErrorCode code = bad.limitExceeded() ? ErrorCode.INVALID_REQUEST : ErrorCode.PARSE_ERROR;
    return DecodedFrame.error(
        Response.failure(JsonNull.INSTANCE, code, bad.getMessage()), bad.limitExceeded());
  }

  private static DecodedFrame.Entry entry(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      return new DecodedFrame.Entry(
          null, invalid(JsonNull.INSTANCE, "a request must be a JSON object"));
    }
    JsonValue id = object.get("id");
    boolean idValid =
        id == null
            || id instanceof JsonString
            || id instanceof JsonNumber
            || id == JsonNull.INSTANCE;
    JsonValue replyId = idValid && id != null ? id : JsonNull.INSTANCE;
    if (!idValid) {
      return rejected(replyId, "id must be a string, a number or null");
    }
    if (!new JsonString("2.0").equals(object.get("jsonrpc"))) {
      return rejected(replyId, "jsonrpc must be \"2.0\"");
    }
    if (!(object.get("method") instanceof JsonString method)) {
      return rejected(replyId, "method must be a string");
    }
    if (method.value().length() > MAX_METHOD_CHARS) {
      return rejected(replyId, "method name is longer than " + MAX_METHOD_CHARS + " characters");
    }
    JsonValue params = object.get("params");
    if (params != null && !(params instanceof JsonObject) && !(params instanceof JsonArray)) {
      return rejected(replyId, "params must be an object or an array");
    }
    for (String member : object.members().keySet()) {
      if (!REQUEST_MEMBERS.contains(member)) {
        return rejected(replyId, "unknown member '" + SafeText.escape(member) + "' in request");
      }
    }
    return new DecodedFrame.Entry(new Request(id, method.value(), params), null);
  }

  private static DecodedFrame.Entry rejected(JsonValue id, String message) {
    return new DecodedFrame.Entry(null, invalid(id, message));
  }

  private static Response invalid(JsonValue id, String message) {
    return Response.failure(id, ErrorCode.INVALID_REQUEST, "invalid request: " + message);
  }
}
