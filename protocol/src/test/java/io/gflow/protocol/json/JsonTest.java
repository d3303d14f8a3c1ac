package io.gflow.protocol.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "null",
        "true",
        "false",
        "0",
        "-1",
        "\"\"",
        "{\"b\":1,\"a\":[true,false,null,\"x\",{\"n\":{}}]}",
        "[[[[1]]]]",
        "{\"text\":\"tab\\tquote\\\"backslash\\\\\"}",
      })
  void write_parsedCompactText_sameText(String text) throws JsonFormatException {
    assertEquals(text, Json.write(Json.parse(text)));
  }

  @Test
  void parse_prettyText_sameTreeAsCompact() throws JsonFormatException {
    JsonValue pretty = Json.parse("{\n  \"a\" : [ 1, 2 ],\r\n\t\"b\" : { }\n}\n");

    assertEquals(Json.parse("{\"a\":[1,2],\"b\":{}}"), pretty);
    assertEquals("{\"a\":[1,2],\"b\":{}}", Json.write(pretty));
  }

  @Test
  void write_object_keepsInsertionOrder() {
    JsonObject object = JsonObject.builder().put("z", 1).put("a", 2).put("m", 3).build();

    assertEquals("{\"z\":1,\"a\":2,\"m\":3}", Json.write(object));
  }

  @Test
  void parse_object_keepsMemberOrder() throws JsonFormatException {
    JsonObject object = (JsonObject) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");

    assertEquals(List.of("z", "a", "m"), List.copyOf(object.members().keySet()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "line\nbreak",
        "carriage\rreturn",
        "line\u2028separator",
        "paragraph\u2029separator",
        "nul\u0000esc\u001bdel\u007f",
        "next line\u0085"
      })
  void write_stringWithLineBreaks_staysOnOneLineAndRoundTrips(String text)
      throws JsonFormatException {
    JsonObject object = JsonObject.builder().put("s", text).put(text, "as a key").build();

    String written = Json.write(object);

    for (char forbidden : "\n\r\u2028\u2029\u0085\u0000\u001b".toCharArray()) {
      assertEquals(
          -1, written.indexOf(forbidden), () -> "raw U+" + (int) forbidden + " in " + written);
    }
    assertEquals(object, Json.parse(written));
  }

  @Test
  void write_nonAsciiText_keptAsUtf8() throws JsonFormatException {
    String text = "caf\u00e9 \u4e2d \ud83d\ude00";

    String written = Json.write(new JsonString(text));

    assertEquals("\"" + text + "\"", written);
    byte[] utf8 = written.getBytes(StandardCharsets.UTF_8);
    assertEquals(new JsonString(text), Json.parse(utf8, 0, utf8.length));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345678901234567890123456789",
        "-9223372036854775809",
        "0.1",
        "3.141592653589793238462643383279",
        "1E+3",
        "1.0E-7",
        "-0.0",
      })
  void parse_number_keptExactly(String number) throws JsonFormatException {
    JsonNumber parsed = (JsonNumber) Json.parse(number);

    assertEquals(0, new BigDecimal(number).compareTo(parsed.value()));
    assertEquals(parsed, Json.parse(Json.write(parsed)), "round trip loses nothing");
  }

  @Test
  void write_longExtremes_exactDigits() throws JsonFormatException {
    assertEquals("9223372036854775807", Json.write(JsonNumber.of(Long.MAX_VALUE)));
    assertEquals("-9223372036854775808", Json.write(JsonNumber.of(Long.MIN_VALUE)));
    assertEquals(
        OptionalLong.of(Long.MAX_VALUE),
        ((JsonNumber) Json.parse("9223372036854775807")).exactLong());
  }

  @Test
  void exactLong_fractionsAndOverflow_empty() throws JsonFormatException {
    assertEquals(OptionalLong.of(1000), ((JsonNumber) Json.parse("1e3")).exactLong());
    assertEquals(OptionalLong.of(2), ((JsonNumber) Json.parse("2.000")).exactLong());
    assertTrue(((JsonNumber) Json.parse("1.5")).exactLong().isEmpty());
    assertTrue(((JsonNumber) Json.parse("9223372036854775808")).exactLong().isEmpty());
    assertTrue(((JsonNumber) Json.parse("1e1000")).exactLong().isEmpty());
  }

  @Test
  void numberEquality_byValueNotScale() {
    JsonNumber one = new JsonNumber(new BigDecimal("1"));
    JsonNumber onePointZero = new JsonNumber(new BigDecimal("1.00"));

    assertEquals(one, onePointZero);
    assertEquals(one.hashCode(), onePointZero.hashCode());
    assertNotEquals(one, new JsonNumber(new BigDecimal("1.01")));
  }

  @Test
  void hashCode_exponentWhoseStrippedScaleOverflows_doesNotThrow() throws JsonFormatException {
    // The parser refuses such exponents (see below); JsonNumber must still cope with them.
    JsonNumber huge = new JsonNumber(new BigDecimal(BigInteger.valueOf(100), -2147483647));

    JsonNumber sameValue = new JsonNumber(new BigDecimal(BigInteger.TEN, Integer.MIN_VALUE));

    assertDoesNotThrow(huge::hashCode);
    assertEquals(huge, sameValue);
    assertEquals(huge.hashCode(), sameValue.hashCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1e-2147483648", "1e99999999999", "-1e2147483648", "1e2147483647", "1e-1001"})
  void parse_exponentBeyondBigDecimal_limitExceeded(String number) {
    JsonFormatException bad = assertThrows(JsonFormatException.class, () -> Json.parse(number));

    assertTrue(bad.limitExceeded(), bad.getMessage());
  }

  @Test
  void parse_numberOfMoreThan100Chars_limitExceeded() throws JsonFormatException {
    assertEquals(new JsonNumber(new BigDecimal("9".repeat(100))), Json.parse("9".repeat(100)));

    JsonFormatException bad =
        assertThrows(JsonFormatException.class, () -> Json.parse("9".repeat(101)));
    assertTrue(bad.limitExceeded());
  }

  @Test
  void parse_depth64_acceptedAndDepth65_limitExceeded() throws JsonFormatException {
    assertEquals(64, depth(Json.parse("[".repeat(64) + "]".repeat(64))));

    JsonFormatException arrays =
        assertThrows(JsonFormatException.class, () -> Json.parse("[".repeat(65) + "]".repeat(65)));
    JsonFormatException objects =
        assertThrows(
            JsonFormatException.class,
            () -> Json.parse("{\"a\":".repeat(65) + "1" + "}".repeat(65)));
    assertTrue(arrays.limitExceeded());
    assertTrue(objects.limitExceeded());
    assertTrue(arrays.getMessage().contains("64"), arrays.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"a\":1}",
        "{\"a\":1,\"b\":2,\"a\":3}",
        "[{\"x\":{\"y\":1,\"y\":2}}]",
      })
  void parse_duplicateKey_rejectedAsMalformed(String text) {
    JsonFormatException bad = assertThrows(JsonFormatException.class, () -> Json.parse(text));

    assertFalse(bad.limitExceeded());
  }

  @Test
  void parse_sameKeyInSiblingObjects_accepted() throws JsonFormatException {
    assertEquals(2, ((JsonArray) Json.parse("[{\"a\":1},{\"a\":2}]")).size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{'a':1}",
        "{a:1}",
        "NaN",
        "Infinity",
        "-Infinity",
        "01",
        "+1",
        ".5",
        "1.",
        "0x10",
        "[1] // comment",
        "/* c */ 1",
        "\"raw\ttab\"",
        "\"raw\nnewline\"",
        "\"\\x41\"",
        "{} {}",
        "1 2",
        "[1]x",
        "tru",
        "nul",
      })
  void parse_notStrictJson_rejected(String text) {
    JsonFormatException bad = assertThrows(JsonFormatException.class, () -> Json.parse(text));

    assertFalse(bad.limitExceeded(), bad.getMessage());
  }

  @Test
  void parse_badUtf8Bytes_rejected() {
    byte[][] bad = {
      {'"', (byte) 0xC3, 0x28, '"'},
      {'"', (byte) 0xC0, (byte) 0xAF, '"'},
      {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
      {'"', (byte) 0xE2, (byte) 0x82, '"'},
      {'"', (byte) 0xFE, '"'},
    };
    for (byte[] bytes : bad) {
      JsonFormatException error =
          assertThrows(JsonFormatException.class, () -> Json.parse(bytes, 0, bytes.length));
      assertTrue(error.getMessage().contains("UTF-8"), error.getMessage());
    }
  }

  @Test
  void parse_bytesSlice_onlyTheSliceIsRead() throws JsonFormatException {
    byte[] bytes = "xx[1,2]yy".getBytes(StandardCharsets.UTF_8);

    assertEquals(Json.parse("[1,2]"), Json.parse(bytes, 2, 5));
  }

  @Test
  void parse_escapedUnicode_decoded() throws JsonFormatException {
    assertEquals(new JsonString("\u00e9\ud83d\ude00"), Json.parse("\"\\u00e9\\ud83d\\ude00\""));
  }

  @Test
  void jsonObjectToString_isCompactJson() {
    JsonObject object = JsonObject.builder().put("a", "b").put("n", JsonNull.INSTANCE).build();

    assertEquals("{\"a\":\"b\",\"n\":null}", object.toString());
  }

  @Test
  void builder_putIfNotNull_skipsNull() {
    JsonObject object =
        JsonObject.builder()
            .putIfNotNull("s", (String) null)
            .putIfNotNull("v", (JsonValue) null)
            .build();

    assertEquals(JsonObject.EMPTY, object);
  }

  @Test
  void jsonArray_copiesItsList() {
    List<JsonValue> source = new java.util.ArrayList<>(List.of(JsonNumber.of(1)));
    JsonArray array = new JsonArray(source);

    source.add(JsonNumber.of(2));

    assertEquals(1, array.size());
    assertThrows(
        UnsupportedOperationException.class, () -> array.elements().add(JsonNull.INSTANCE));
  }

  private static int depth(JsonValue value) {
    int levels = 0;
    while (value instanceof JsonArray array) {
      levels++;
      value = array.elements().isEmpty() ? null : array.elements().get(0);
    }
    return levels;
  }
}
