package io.gflow.protocol.rpc;

import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * Reads the simplest request frames, those most CLI calls send, straight from the bytes: an object
 * with {@code jsonrpc}, {@code method} and maybe {@code id}, no {@code params}, printable-ASCII
 * strings without escapes, an id that is such a string, {@code null} or a plain non-negative
 * integer. It is deliberately narrow: anything else, valid or not, returns null and goes to {@link
 * EnvelopeReader} or the tree, so it never has to decide a fault. Stateless and thread-safe.
 */
final class PlainRequestScanner {
  private static final int MAX_ID_DIGITS = 18;

  private final byte[] bytes;
  private final int end;
  private int pos;

  private PlainRequestScanner(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.pos = offset;
    this.end = offset + length;
  }

  /** The request the frame holds when it is that simple, else null. */
  static Request scan(byte[] bytes, int offset, int length) {
    return new PlainRequestScanner(bytes, offset, length).request();
  }

  private Request request() {
    if (!skipTo('{')) {
      return null;
    }
    boolean versioned = false;
    String method = null;
    JsonValue id = null;
    boolean hasId = false;
    do {
      String name = skipSpace() ? string() : null;
      if (name == null || !skipTo(':') || !skipSpace()) {
        return null;
      }
      switch (name) {
        case "jsonrpc" -> {
          if (versioned || !"2.0".equals(string())) {
            return null;
          }
          versioned = true;
        }
        case "method" -> {
          if (method != null || (method = string()) == null) {
            return null;
          }
        }
        case "id" -> {
          if (hasId || (id = id()) == null) {
            return null;
          }
          hasId = true;
        }
        default -> {
          return null; // params, or a member the tree path must name in its error
        }
      }
    } while (skipTo(','));
    if (!versioned
        || method == null
        || method.length() > EnvelopeReader.MAX_METHOD_CHARS
        || pos >= end
        || bytes[pos++] != '}') {
      return null;
    }
    skipSpace();
    return pos == end ? new Request(id, method, null) : null;
  }

  /** Skips JSON whitespace; true if a byte follows. */
  private boolean skipSpace() {
    while (pos < end) {
      byte b = bytes[pos];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return true;
      }
      pos++;
    }
    return false;
  }

  /** Skips whitespace and then {@code expected} if it is next; false (nothing taken) if not. */
  private boolean skipTo(char expected) {
    if (skipSpace() && bytes[pos] == expected) {
      pos++;
      return true;
    }
    return false;
  }

  /** A string of printable ASCII without escapes, or null. */
  private String string() {
    if (pos >= end || bytes[pos] != '"') {
      return null;
    }
    int start = ++pos;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        pos++;
        return new String(bytes, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
      }
      if (b < 0x20 || b > 0x7E || b == '\\') {
        return null;
      }
      pos++;
    }
    return null;
  }

  /** A simple string, null, or a non-negative integer without sign, fraction or exponent. */
  private JsonValue id() {
    if (pos >= end) {
      return null;
    }
    byte first = bytes[pos];
    if (first == '"') {
      String text = string();
      return text == null ? null : new JsonString(text);
    }
    if (first == 'n') {
      if (end - pos >= 4
          && bytes[pos + 1] == 'u'
          && bytes[pos + 2] == 'l'
          && bytes[pos + 3] == 'l') {
        pos += 4;
        return JsonNull.INSTANCE;
      }
      return null;
    }
    int start = pos;
    long value = 0;
    while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9') {
      value = value * 10 + (bytes[pos++] - '0');
    }
    int digits = pos - start;
    boolean leadingZero = digits > 1 && first == '0';
    if (digits == 0 || digits > MAX_ID_DIGITS || leadingZero) {
      return null;
    }
    return JsonNumber.of(value);
  }
}
