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
import io.gflow.protocol.json.PlainJson;
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
  private static final int MAX_METHOD_CHARS = 128;

  private RequestDecoder() {}

  public static DecodedFrame decode(byte[] frame, int offset, int length) {
    JsonValue plain = PlainJson.read(frame, offset, length);
    return plain != null ? decode(plain) : decodeTree(frame, offset, length);
  }

  /** The frame read by {@link Json}, which names any fault. */
  static DecodedFrame decodeTree(byte[] frame, int offset, int length) {
    JsonValue value;
    try {
      value = Json.parse(frame, offset, length);
    } catch (JsonFormatException bad) {
      return parseError(bad);
    }
    return decode(value);
  }

  /** Checks a frame's tree member by member, with a message per fault. */
  static DecodedFrame decode(JsonValue value) {
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
