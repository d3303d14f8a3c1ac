package io.gflow.protocol.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;

/**
 * Reads the common case of a frame, one valid request or one successful response, straight from the
 * parser's tokens: no tree for the envelope, trees only for {@code id}, {@code params} and {@code
 * result}. Anything else (a batch, an error reply, any fault, a member it does not know) returns
 * null, and the caller decodes the frame through the tree, whose rules and messages stay the only
 * ones. Stateless and thread-safe.
 */
final class EnvelopeReader {
  static final int MAX_METHOD_CHARS = 128;

  private EnvelopeReader() {}

  /** The request the frame holds, or null when it is not a plain valid single request. */
  static Request request(String text) {
    try (JsonParser parser = Json.parser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      boolean versioned = false;
      String method = null;
      JsonValue id = null;
      JsonValue params = null;
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "jsonrpc" -> versioned = isVersion(parser, value);
          case "method" -> method = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "id" -> id = Json.read(parser, value);
          case "params" -> params = Json.read(parser, value);
          default -> {
            return null;
          }
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null;
      }
      return versioned && valid(method, id, params) ? new Request(id, method, params) : null;
    } catch (IOException | RuntimeException notPlain) {
      return null;
    }
  }

  private static boolean valid(String method, JsonValue id, JsonValue params) {
    boolean idValid =
        id == null
            || id instanceof JsonString
            || id instanceof JsonNumber
            || id == JsonNull.INSTANCE;
    boolean paramsValid =
        params == null || params instanceof JsonObject || params instanceof JsonArray;
    return method != null && method.length() <= MAX_METHOD_CHARS && idValid && paramsValid;
  }

  /**
   * The response the frame holds when it is a successful one with only the three members of
   * JSON-RPC 2.0, else null.
   */
  static Response response(String text) {
    try (JsonParser parser = Json.parser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      boolean versioned = false;
      JsonValue result = null;
      JsonValue id = null;
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "jsonrpc" -> versioned = isVersion(parser, value);
          case "result" -> result = Json.read(parser, value);
          case "id" -> id = Json.read(parser, value);
          default -> {
            return null;
          }
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null;
      }
      return versioned && result != null ? Response.success(id, result) : null;
    } catch (IOException | RuntimeException notPlain) {
      return null;
    }
  }

  private static boolean isVersion(JsonParser parser, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_STRING && "2.0".equals(parser.getText());
  }
}
