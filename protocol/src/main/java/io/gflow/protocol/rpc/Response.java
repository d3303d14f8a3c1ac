package io.gflow.protocol.rpc;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.json.PlainJson;
import java.util.Objects;

/**
 * One JSON-RPC 2.0 response: exactly one of {@code result} and {@code error} is non-null. Immutable
 * and thread-safe.
 */
public record Response(JsonValue id, JsonValue result, RpcError error) {
  public Response {
    id = id == null ? JsonNull.INSTANCE : id;
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("a response has exactly one of result and error");
    }
  }

  public static Response success(JsonValue id, JsonValue result) {
    return new Response(id, Objects.requireNonNull(result, "result"), null);
  }

  public static Response failure(JsonValue id, RpcError error) {
    return new Response(id, null, error);
  }

  public static Response failure(JsonValue id, ErrorCode code, String message) {
    return failure(id, RpcError.of(code, message));
  }

  public JsonObject toJson() {
    JsonObject.Builder builder = JsonObject.builder().put("jsonrpc", "2.0");
    if (error == null) {
      builder.put("result", result);
    } else {
      builder.put("error", error.toJson());
    }
    return builder.put("id", id).build();
  }

  /**
   * Reads a response frame sent by a daemon: {@code fromJson(Json.parse(...))}, with plain JSON
   * read without a parser.
   *
   * @throws JsonFormatException when the frame is not JSON
   */
  public static Response decode(byte[] frame, int offset, int length) throws JsonFormatException {
    JsonValue plain = PlainJson.read(frame, offset, length);
    return fromJson(plain != null ? plain : Json.parse(frame, offset, length));
  }

  /** Reads a response sent by a daemon; anything malformed is reported as INTERNAL_ERROR. */
  public static Response fromJson(JsonValue value) {
    if (!(value instanceof JsonObject object)
        || !new JsonString("2.0").equals(object.get("jsonrpc"))) {
      throw new RpcException(ErrorCode.INTERNAL_ERROR, "daemon sent a reply that is not JSON-RPC");
    }
    JsonValue id = object.get("id");
    if (object.get("error") instanceof JsonObject error) {
      // A code outside int range must not wrap around onto a known code (2^32 - 32003 → FORBIDDEN).
      if (!(error.get("code") instanceof JsonNumber code)
          || code.exactLong().isEmpty()
          || (int) code.exactLong().getAsLong() != code.exactLong().getAsLong()) {
        throw new RpcException(ErrorCode.INTERNAL_ERROR, "daemon sent an error without a code");
      }
      String message = error.stringOrNull("message");
      return failure(
          id,
          new RpcError(
              (int) code.exactLong().getAsLong(),
              message == null ? "(no message)" : message,
              ErrorData.fromJson(error.get("data"))));
    }
    if (!object.has("result")) {
      throw new RpcException(ErrorCode.INTERNAL_ERROR, "daemon sent a reply without a result");
    }
    return success(id, object.get("result"));
  }

  /** The result, or the error rebuilt as the exception the daemon threw. */
  public JsonValue resultOrThrow() {
    if (error != null) {
      throw error.toException();
    }
    return result;
  }
}
