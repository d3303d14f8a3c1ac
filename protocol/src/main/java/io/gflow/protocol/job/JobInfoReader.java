package io.gflow.protocol.job;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@link JobInfo}s straight from a parser, as strictly as {@link JobInfo#fromJson} (unknown
 * members, wrong types, missing required members and out-of-range values are errors), without
 * building the tree: a listing reads tens of thousands. Not thread-safe; one per array.
 */
public final class JobInfoReader {
  private static final String CONTEXT = "job";
  private static final int MAX_INSTANT_CHARS = 64;

  private final JsonParser parser;

  /** Reads from {@code parser}; repeated members are refused whether or not the parser does. */
  public JobInfoReader(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads the JSON array of jobs in UTF-8 {@code bytes[offset, offset + length)} (e.g. the {@code
   * jobs} of a reply frame), handing each job to {@code sink} as soon as it is read.
   *
   * @throws RpcException INVALID_PARAMS for a bad job, INTERNAL_ERROR for text that is not JSON
   */
  public static void readArray(byte[] bytes, int offset, int length, Consumer<JobInfo> sink) {
    try (JsonParser parser = JsonStreams.parser(bytes, offset, length)) {
      // The reader refuses repeated members itself, without the parser's set per object.
      parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw invalidJson("expected an array of jobs");
      }
      JobInfoReader reader = new JobInfoReader(parser);
      for (JobInfo job = reader.next(); job != null; job = reader.next()) {
        sink.accept(job);
      }
      if (parser.nextToken() != null) {
        throw invalidJson("unexpected data after the jobs");
      }
    } catch (JsonProcessingException bad) {
      throw invalidJson(bad.getOriginalMessage());
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  private static RpcException invalidJson(String detail) {
    return new RpcException(ErrorCode.INTERNAL_ERROR, "daemon sent invalid JSON: " + detail);
  }

  /**
   * Reads the next job of an array whose {@code [} has been consumed; null at its {@code ]}.
   *
   * @throws RpcException INVALID_PARAMS naming the bad member
   */
  public JobInfo next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_ARRAY) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw bad("", "an object", token);
    }
    return readObject();
  }

  private JobInfo readObject() throws IOException {
    JobFields job = new JobFields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      job.read(this, name);
    }
    return job.build();
  }

  boolean isNull() {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  Long optionalLong(String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw bad(name, "an integer in range", token);
      }
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return parser.getDecimalValue().longValueExact();
      } catch (ArithmeticException notWhole) {
        throw bad(name, "an integer", token);
      }
    }
    throw bad(name, "an integer", token);
  }

  Integer optionalInt(String name) throws IOException {
    Long value = optionalLong(name);
    if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw RpcException.invalidParams(CONTEXT + "." + name + " is out of range: " + value);
    }
    return value == null ? null : value.intValue();
  }

  String optionalString(String name, int maxChars) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw bad(name, "a string", token);
    }
    String value = parser.getText();
    if (value.length() > maxChars) {
      throw RpcException.invalidParams(
          CONTEXT + "." + name + " is longer than " + maxChars + " characters");
    }
    return value;
  }

  String optionalString(String name) throws IOException {
    return optionalString(name, Fields.MAX_STRING_CHARS);
  }

  Instant optionalInstant(String name) throws IOException {
    String text = optionalString(name, MAX_INSTANT_CHARS);
    if (text == null) {
      return null;
    }
    try {
      return WireInstants.parse(text);
    } catch (DateTimeParseException bad) {
      throw RpcException.invalidParams(
          CONTEXT
              + "."
              + name
              + " '"
              + SafeText.escape(text)
              + "' is not an ISO-8601 instant like 2026-12-01T08:00:00Z");
    }
  }

  boolean optionalBoolean(String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_FALSE) {
      return false;
    }
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    throw bad(name, "a boolean", token);
  }

  /** An array of integers in [min, max]; JSON null reads as null. */
  List<Long> longs(String name, int maxElements, long min, long max) throws IOException {
    if (isNull()) {
      return null;
    }
    startArray(name);
    List<Long> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Long value = optionalLong(name + " element");
      if (value == null || value < min || value > max) {
        throw RpcException.invalidParams(
            CONTEXT + "." + name + " holds " + value + ", not in " + min + ".." + max);
      }
      values.add(value);
      tooMany(name, values.size(), maxElements);
    }
    return values;
  }

  /** An array of strings; JSON null reads as null. */
  List<String> strings(String name, int maxElements) throws IOException {
    if (isNull()) {
      return null;
    }
    startArray(name);
    List<String> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String value = optionalString(name + " element");
      if (value == null) {
        throw bad(name + " element", "a string", JsonToken.VALUE_NULL);
      }
      values.add(value);
      tooMany(name, values.size(), maxElements);
    }
    return values;
  }

  /** An object of strings; JSON null reads as null. */
  Map<String, String> stringMap(String name, int maxEntries) throws IOException {
    if (isNull()) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw bad(name, "an object", parser.currentToken());
    }
    Map<String, String> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw RpcException.invalidParams(
            CONTEXT + "." + name + " value of '" + SafeText.escape(key) + "' must be a string");
      }
      if (values.put(key, parser.getText()) != null) {
        throw RpcException.invalidParams(
            CONTEXT + "." + name + " repeats '" + SafeText.escape(key) + "'");
      }
      tooMany(name, values.size(), maxEntries);
    }
    return values;
  }

  private void startArray(String name) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw bad(name, "an array", parser.currentToken());
    }
  }

  private static void tooMany(String name, int size, int max) {
    if (size > max) {
      throw RpcException.invalidParams(
          CONTEXT + "." + name + " has more than " + max + " elements");
    }
  }

  static RpcException bad(String name, String expected, JsonToken got) {
    return RpcException.invalidParams(
        CONTEXT
            + (name.isEmpty() ? "" : "." + name)
            + " must be "
            + expected
            + ", got "
            + (got == null ? "nothing" : got.asString() == null ? got.name() : got.asString()));
  }
}
