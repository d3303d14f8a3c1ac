package io.gflow.protocol.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the plain JSON most frames are made of (ASCII strings, integers that fit a long,
 * shallow nesting) straight from and to bytes, giving the same trees and bytes as {@link Json}. It
 * declines (returns null or false) anything else, valid or not, so that {@link Json} stays the only
 * judge of a fault and the only writer of escapes beyond ASCII. Stateless and thread-safe.
 */
public final class PlainJson {
  private static final int MAX_DEPTH = 32;
  // Below Jackson's limits on names (50,000) and strings, so that it never accepts what Json
  // refuses.
  private static final int MAX_STRING = 16 * 1024;
  private static final int MAX_DIGITS = 18;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;
  private final int end;
  private int pos;

  private PlainJson(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.pos = offset;
    this.end = offset + length;
  }

  /**
   * The tree {@link Json#parse(byte[], int, int)} would give, or null when this text is not plain.
   */
  public static JsonValue read(byte[] bytes, int offset, int length) {
    PlainJson reader = new PlainJson(bytes, offset, length);
    JsonValue value = reader.value(0);
    return value != null && !reader.skipSpace() ? value : null;
  }

  private JsonValue value(int depth) {
    if (!skipSpace()) {
      return null;
    }
    return switch (bytes[pos]) {
      case '{' -> depth < MAX_DEPTH ? object(depth + 1) : null;
      case '[' -> depth < MAX_DEPTH ? array(depth + 1) : null;
      case '"' -> plainString();
      case 't' -> literal("true", JsonBoolean.TRUE);
      case 'f' -> literal("false", JsonBoolean.FALSE);
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> number();
    };
  }

  private JsonValue object(int depth) {
    pos++;
    if (take('}')) {
      return JsonObject.EMPTY;
    }
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    do {
      String name = skipSpace() ? string() : null;
      JsonValue value = name != null && take(':') ? value(depth) : null;
      if (value == null || members.put(name, value) != null) {
        return null; // a duplicate too: Json names it
      }
    } while (take(','));
    return take('}') ? JsonObject.wrap(members) : null;
  }

  private JsonValue array(int depth) {
    pos++;
    List<JsonValue> elements = new ArrayList<>();
    if (!take(']')) {
      do {
        JsonValue element = value(depth);
        if (element == null) {
          return null;
        }
        elements.add(element);
      } while (take(','));
      if (!take(']')) {
        return null;
      }
    }
    return new JsonArray(elements);
  }

  private JsonValue plainString() {
    String text = string();
    return text == null ? null : new JsonString(text);
  }

  /** Printable ASCII between quotes without escapes, or null. */
  private String string() {
    if (bytes[pos] != '"') {
      return null;
    }
    int start = ++pos;
    int limit = Math.min(end, start + MAX_STRING);
    for (; pos < limit; pos++) {
      byte b = bytes[pos];
      if (b == '"') {
        pos++;
        return new String(bytes, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
      }
      if (b < 0x20 || b > 0x7E || b == '\\') {
        return null;
      }
    }
    return null;
  }

  /** An integer without fraction or exponent that fits a long; "-0" is left to Json. */
  private JsonValue number() {
    boolean negative = bytes[pos] == '-';
    int start = negative ? ++pos : pos;
    long value = 0;
    while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9') {
      value = value * 10 + (bytes[pos++] - '0');
    }
    int digits = pos - start;
    if (digits == 0
        || digits > MAX_DIGITS
        || digits > 1 && bytes[start] == '0'
        || negative && value == 0
        || pos < end && (bytes[pos] == '.' || bytes[pos] == 'e' || bytes[pos] == 'E')) {
      return null;
    }
    return JsonNumber.of(negative ? -value : value);
  }

  private JsonValue literal(String word, JsonValue value) {
    int length = word.length();
    if (end - pos < length) {
      return null;
    }
    for (int index = 0; index < length; index++) {
      if (bytes[pos + index] != word.charAt(index)) {
        return null;
      }
    }
    pos += length;
    // "nullx" or "true1": the value must end here.
    return pos == end || !isWordByte(bytes[pos]) ? value : null;
  }

  private static boolean isWordByte(byte b) {
    return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_';
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

  private boolean take(char expected) {
    if (skipSpace() && bytes[pos] == expected) {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * Appends {@code value} as {@link Json#write(JsonValue)} writes it, in bytes; false (with {@code
   * out} partly written) when a string holds anything beyond ASCII.
   */
  public static boolean write(JsonValue value, Output out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!writeString(member.getKey(), out)) {
          return false;
        }
        out.append(':');
        if (!write(member.getValue(), out)) {
          return false;
        }
      }
      out.append('}');
      return true;
    }
    if (value instanceof JsonArray array) {
      out.append('[');
      for (int index = 0; index < array.elements().size(); index++) {
        if (index > 0) {
          out.append(',');
        }
        if (!write(array.elements().get(index), out)) {
          return false;
        }
      }
      out.append(']');
      return true;
    }
    if (value instanceof JsonString string) {
      return writeString(string.value(), out);
    }
    if (value instanceof JsonNumber number) {
      out.appendAscii(number.value().toString());
      return true;
    }
    if (value instanceof JsonBoolean bool) {
      out.appendAscii(bool.value() ? "true" : "false");
      return true;
    }
    if (value instanceof JsonEncoded encoded) {
      out.appendBytes(encoded.bytes(), encoded.length());
      return true;
    }
    out.appendAscii("null");
    return true;
  }

  /** A string with JSON's escapes for ASCII, as Jackson writes them; false beyond ASCII. */
  public static boolean writeString(String text, Output out) {
    out.append('"');
    int start = out.copyPlain(text);
    for (int index = start; index < text.length(); index++) {
      char c = text.charAt(index);
      if (c >= 0x80) {
        return false;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        out.append(c);
        continue;
      }
      out.append('\\');
      switch (c) {
        case '"', '\\' -> out.append(c);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default -> {
          out.appendAscii("u00");
          out.append((char) HEX[c >> 4]);
          out.append((char) HEX[c & 0xF]);
        }
      }
    }
    out.append('"');
    return true;
  }

  /** A growable byte buffer for {@link #write}. Not thread-safe. */
  public static final class Output {
    private static final int ROOM = 256;

    private byte[] bytes = new byte[256];
    private int length;

    public void reset() {
      length = 0;
    }

    public byte[] bytes() {
      return bytes;
    }

    public int length() {
      return length;
    }

    /** Appends one ASCII char. */
    public void append(char c) {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      bytes[length++] = (byte) c;
    }

    /**
     * Appends the chars of {@code text} up to the first that needs an escape or is beyond ASCII, in
     * one pass with one capacity check; returns that char's index ({@code text.length()} if none).
     */
    int copyPlain(String text) {
      int count = text.length();
      if (length + count > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
      }
      byte[] target = bytes;
      int at = length;
      int index = 0;
      for (; index < count; index++) {
        char c = text.charAt(index);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
          break;
        }
        target[at++] = (byte) c;
      }
      length = at;
      return index;
    }

    /** Appends ASCII text. */
    public void appendAscii(String text) {
      int count = text.length();
      if (length + count > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
      }
      for (int index = 0; index < count; index++) {
        bytes[length++] = (byte) text.charAt(index);
      }
    }

    /** Appends bytes that are already encoded JSON. */
    public void appendBytes(byte[] source, int count) {
      if (length + count > bytes.length) {
        // Room for the little that usually follows (an envelope's end), so that a big page does
        // not double the buffer again for its last bytes.
        bytes = Arrays.copyOf(bytes, Math.max(length + count + ROOM, bytes.length * 2));
      }
      System.arraycopy(source, 0, bytes, length, count);
      length += count;
    }

    /** Drops what was appended after the first {@code keep} bytes. */
    public void truncate(int keep) {
      if (keep < 0 || keep > length) {
        throw new IllegalArgumentException("keep (" + keep + ") must be in 0.." + length);
      }
      length = keep;
    }

    /** Drops a buffer grown past {@code keep} bytes by a big frame. */
    public void shrink(int keep) {
      if (bytes.length > keep) {
        bytes = new byte[256];
        length = 0;
      }
    }
  }
}
