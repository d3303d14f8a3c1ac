package io.gflow.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.gflow.protocol.Utf8;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON reading and compact writing on top of jackson-core streaming: strict UTF-8, duplicate
 * keys rejected, nesting depth capped, nothing after the value. Thread-safe.
 */
public final class Json {
  /** Maximum nesting depth of any frame (SPEC §4). */
  public static final int MAX_DEPTH = 64;

  private static final int MAX_NUMBER_CHARS = 100;
  private static final int MAX_SCALE = 1000;

  /** Shared with {@link JsonStreams}, so both read and write exactly alike. */
  static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(MAX_NUMBER_CHARS)
                  .build())
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .characterEscapes(new LineBreakEscapes())
          .build();

  private Json() {}

  /** Parses one UTF-8 JSON text; invalid UTF-8 is rejected before any JSON is read. */
  public static JsonValue parse(byte[] bytes, int offset, int length) throws JsonFormatException {
    return parse(text(bytes, offset, length));
  }

  /**
   * Strictly decodes a UTF-8 frame. Most frames are ASCII, which needs neither a decoder nor a
   * check beyond the high bit.
   */
  private static String text(byte[] bytes, int offset, int length) throws JsonFormatException {
    int end = offset + length;
    for (int index = offset; index < end; index++) {
      if (bytes[index] < 0) {
        try {
          return Utf8.decodeStrict(bytes, offset, length);
        } catch (CharacterCodingException badUtf8) {
          throw new JsonFormatException("frame is not valid UTF-8", false);
        }
      }
    }
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  /** A generator that writes like {@link #write(JsonValue)}, for writers of wire envelopes. */
  public static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /** Parses one JSON text. */
  public static JsonValue parse(String text) throws JsonFormatException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonFormatException("empty JSON text", false);
      }
      JsonValue value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new JsonFormatException("unexpected data after the JSON value", false);
      }
      return value;
    } catch (StreamConstraintsException limit) {
      throw new JsonFormatException(limitMessage(limit), true);
    } catch (JsonProcessingException malformed) {
      throw new JsonFormatException("invalid JSON: " + malformed.getOriginalMessage(), false);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  private static String limitMessage(StreamConstraintsException limit) {
    String message = limit.getOriginalMessage();
    if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
      return "JSON nesting is deeper than " + MAX_DEPTH + " levels";
    }
    return "JSON value breaks a size limit: " + message;
  }

  private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> new JsonString(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> readNumber(parser);
      case VALUE_TRUE -> JsonBoolean.TRUE;
      case VALUE_FALSE -> JsonBoolean.FALSE;
      case VALUE_NULL -> JsonNull.INSTANCE;
      default -> throw new JsonParseTokenException(parser, token);
    };
  }

  private static JsonNumber readNumber(JsonParser parser) throws IOException {
    java.math.BigDecimal value;
    try {
      value = parser.getDecimalValue();
    } catch (NumberFormatException | ArithmeticException outOfRange) {
      // Jackson throws these unchecked for exponents BigDecimal cannot hold (e.g. 1e-2147483648).
      throw new StreamConstraintsException("number exponent is out of range");
    }
    // Which extreme exponents BigDecimal accepts differs between JDKs; no gflow number needs
    // more than a few digits of exponent, and huge scales make arithmetic on them expensive.
    if (Math.abs((long) value.scale()) > MAX_SCALE) {
      throw new StreamConstraintsException("number exponent is out of range");
    }
    return new JsonNumber(value);
  }

  private static JsonObject readObject(JsonParser parser) throws IOException {
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      members.put(name, read(parser, parser.nextToken()));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JsonParseTokenException(parser, token);
    }
    return members.isEmpty() ? JsonObject.EMPTY : JsonObject.wrap(members);
  }

  private static JsonArray readArray(JsonParser parser) throws IOException {
    List<JsonValue> elements = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      elements.add(read(parser, token));
    }
    return new JsonArray(elements);
  }

  /** Writes a value as compact JSON on one line (NDJSON-safe: newlines are escaped). */
  public static String write(JsonValue value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  /** Writes {@code value} as {@link #write(JsonValue)} does. */
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
      generator.writeRawValue(new JsonStreams.Raw(encoded));
    } else {
      generator.writeNull();
    }
  }

  /** A token that cannot start a value where one is expected (e.g. a truncated frame). */
  private static final class JsonParseTokenException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseTokenException(JsonParser parser, JsonToken token) {
      super(
          token == null ? "unexpected end of input" : "unexpected token " + token,
          parser.currentLocation());
    }
  }

  /**
   * JSON's standard escapes plus U+0085, U+2028 and U+2029: valid raw in JSON, but line breaks to
   * Unicode-aware line readers (JavaScript, Python's splitlines), so a frame would not stay one
   * line for them.
   */
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
