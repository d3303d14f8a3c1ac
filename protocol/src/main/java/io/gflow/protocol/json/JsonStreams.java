package io.gflow.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Streaming UTF-8 writing with exactly the text {@link Json#write} makes (same escapes, surrogate
 * pairs as 4-byte UTF-8), for big values written straight from their source instead of built as a
 * tree; and parsers as strict as {@link Json#parse}, for big values read without a tree.
 * Thread-safe; each generator and parser is not.
 */
public final class JsonStreams {
  private JsonStreams() {}

  /**
   * A strict parser of UTF-8 {@code bytes[offset, offset + length)}: duplicate keys rejected,
   * nesting and number lengths capped as in {@link Json#parse}.
   */
  public static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
    return Json.FACTORY.createParser(bytes, offset, length);
  }

  /** A compact generator writing UTF-8 to {@code out}; closing it flushes but leaves out open. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return Json.FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** A byte buffer whose content becomes a {@link JsonEncoded} without a copy. Not thread-safe. */
  public static final class Buffer extends ByteArrayOutputStream {
    public Buffer(int size) {
      super(size);
    }

    /** The bytes written so far; write no more afterwards. */
    public JsonEncoded encoded() {
      return new JsonEncoded(buf, count);
    }
  }

  /** Encoded JSON handed to a generator as raw text; only the unquoted forms are used. */
  static final class Raw implements SerializableString {
    private final JsonEncoded encoded;

    Raw(JsonEncoded encoded) {
      this.encoded = encoded;
    }

    @Override
    public String getValue() {
      return encoded.text();
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return Arrays.copyOf(encoded.bytes(), encoded.length());
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + encoded.length() > buffer.length) {
        return -1;
      }
      System.arraycopy(encoded.bytes(), 0, buffer, offset, encoded.length());
      return encoded.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(encoded.bytes(), 0, encoded.length());
      return encoded.length();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      String text = getValue();
      if (offset + text.length() > buffer.length) {
        return -1;
      }
      text.getChars(0, text.length(), buffer, offset);
      return text.length();
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (encoded.length() > buffer.remaining()) {
        return -1;
      }
      buffer.put(encoded.bytes(), 0, encoded.length());
      return encoded.length();
    }

    @Override
    public char[] asQuotedChars() {
      throw quoted();
    }

    @Override
    public byte[] asQuotedUTF8() {
      throw quoted();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw quoted();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw quoted();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw quoted();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw quoted();
    }

    private static UnsupportedOperationException quoted() {
      return new UnsupportedOperationException("encoded JSON is written raw, never quoted");
    }
  }
}
