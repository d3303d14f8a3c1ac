package io.gflow.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Streaming UTF-8 writing with exactly the text {@link Json#write} makes (same escapes, surrogate
 * pairs as 4-byte UTF-8), for big values written straight from their source instead of built as a
 * tree, and for frames written as bytes; and parsers as strict as {@link Json#parse}, for big
 * values read without a tree. Thread-safe; each generator and parser is not.
 */
public final class JsonStreams {
  private static final int MAX_NUMBER_CHARS = 100;

  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Json.MAX_DEPTH)
                  .maxNumberLength(MAX_NUMBER_CHARS)
                  .build())
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .characterEscapes(new LineBreakEscapes())
          .build();

  private JsonStreams() {}

  /**
   * A strict parser of UTF-8 {@code bytes[offset, offset + length)}: duplicate keys rejected,
   * nesting and number lengths capped as in {@link Json#parse}.
   */
  public static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
    return FACTORY.createParser(bytes, offset, length);
  }

  /** A compact generator writing UTF-8 to {@code out}; closing it flushes but leaves out open. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** {@code value} as one UTF-8 line ending in a newline; {@link JsonEncoded} parts as they are. */
  public static byte[] line(JsonValue value) {
    Buffer buffer = new Buffer(256);
    try (JsonGenerator generator = generator(buffer)) {
      write(generator, value);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    buffer.write('\n');
    return buffer.toByteArray();
  }

  /** Writes a tree. */
  public static void write(JsonGenerator generator, JsonValue value) throws IOException {
    if (value instanceof JsonObject object) {
      generator.writeStartObject();
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        generator.writeFieldName(member.getKey());
        write(generator, member.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof JsonArray array) {
      generator.writeStartArray();
      for (JsonValue element : array.elements()) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else if (value instanceof JsonString string) {
      generator.writeString(string.value());
    } else if (value instanceof JsonNumber number) {
      generator.writeNumber(number.value());
    } else if (value instanceof JsonBoolean bool) {
      generator.writeBoolean(bool.value());
    } else if (value instanceof JsonEncoded encoded) {
      generator.writeRawValue(new Raw(encoded));
    } else {
      generator.writeNull();
    }
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

  /** Encoded JSON handed to a generator as raw UTF-8; only the unquoted forms are used. */
  private static final class Raw implements SerializableString {
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

  /** The same escapes as {@link Json}: JSON's own plus U+0085, U+2028 and U+2029. */
  private static final class LineBreakEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final SerializableString NEXT_LINE = new SerializedString("\\u0085");
    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case 0x85 -> NEXT_LINE;
        case 0x2028 -> LINE_SEPARATOR;
        case 0x2029 -> PARAGRAPH_SEPARATOR;
        default -> null;
      };
    }
  }
}
