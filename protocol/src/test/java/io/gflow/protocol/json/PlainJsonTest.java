package io.gflow.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainJson} gives exactly what {@link Json} gives, or declines: the same tree (and so the
 * same compact text) from the same bytes, the same bytes from the same tree.
 */
class PlainJsonTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e f\"}}",
        " \t\r\n{ \"a\" : [ 1 , 2 ] } \n",
        "0",
        "-7",
        "123456789012345678",
        "-123456789012345678",
        "\"\"",
        "\"~ !#$%&'()*+,-./:;<=>?@[]^_`{|}\"",
        "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}",
        "[1,[2,[3,[]]]]",
        "true",
        "null",
      })
  void read_plain_sameTreeAsJson(String text) throws JsonFormatException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    JsonValue plain = PlainJson.read(bytes, 0, bytes.length);
    assertNotNull(plain, text);
    JsonValue tree = Json.parse(text);
    assertEquals(tree, plain, text);
    assertEquals(Json.write(tree), Json.write(plain), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,\"a\":2}",
        "{a:1}",
        "{'a':1}",
        "[01]",
        "[-0]",
        "[-]",
        "[+1]",
        "[1.5]",
        "[1e3]",
        "[1E3]",
        "[1234567890123456789]",
        "[1x]",
        "[truex]",
        "[nul]",
        "[nullnull]",
        "[True]",
        "\"a\\\"b\"",
        "\"a\\nb\"",
        "\"tab\there\"",
        "\"caf\u00e9\"",
        "\"\u2028\"",
        "\"unterminated",
        "{} {}",
        "[] x",
        "NaN",
        "[Infinity]",
        "/* c */ {}",
      })
  void read_notPlain_declines(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertNull(PlainJson.read(bytes, 0, bytes.length), text);
  }

  @Test
  void read_nesting_plainTo32LevelsThenLeftToJson() throws JsonFormatException {
    String deepest = "[".repeat(32) + "1" + "]".repeat(32);
    byte[] bytes = deepest.getBytes(StandardCharsets.UTF_8);
    assertEquals(Json.parse(deepest), PlainJson.read(bytes, 0, bytes.length));
    byte[] deeper = ("[" + deepest + "]").getBytes(StandardCharsets.UTF_8);
    assertNull(PlainJson.read(deeper, 0, deeper.length));
  }

  @Test
  void read_offsetAndLength_onlyThatSlice() {
    byte[] bytes = "xx[1,2]yy".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        new JsonArray(List.of(JsonNumber.of(1), JsonNumber.of(2))), PlainJson.read(bytes, 2, 5));
  }

  @Test
  void read_longStrings_declinedAboveItsLimit_soJsonJudgesThem() {
    byte[] value = ("\"" + "a".repeat(20_000) + "\"").getBytes(StandardCharsets.UTF_8);
    assertNull(PlainJson.read(value, 0, value.length));
    byte[] name = ("{\"" + "a".repeat(60_000) + "\":1}").getBytes(StandardCharsets.UTF_8);
    assertNull(PlainJson.read(name, 0, name.length), "Json refuses names this long");
    byte[] fits = ("\"" + "a".repeat(16_000) + "\"").getBytes(StandardCharsets.UTF_8);
    assertNotNull(PlainJson.read(fits, 0, fits.length));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "",
        "quote \" backslash \\ slash /",
        "controls \b \t \n \f \r \u0000 \u0001 \u001f \u007f",
        "{[:,]}",
      })
  void write_asciiString_sameBytesAsJson(String text) {
    JsonValue value =
        JsonObject.builder()
            .put(text, text)
            .put("list", new JsonArray(List.of(new JsonString(text), JsonNull.INSTANCE)))
            .build();
    assertArrayEquals(jsonBytes(value), plainBytes(value));
  }

  @Test
  void write_numbersAndLiterals_sameBytesAsJson() throws JsonFormatException {
    JsonValue value =
        Json.parse("[0,-1,1.50,1e3,-2.5E-7,123456789012345678901234567890,true,false,null,{},[]]");
    assertArrayEquals(jsonBytes(value), plainBytes(value));
    assertArrayEquals(
        jsonBytes(JsonNumber.of(Long.MIN_VALUE)), plainBytes(JsonNumber.of(Long.MIN_VALUE)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"caf\u00e9", "\u0085", "\u2028", "\ud83d\ude00", "lone \ud800"})
  void write_beyondAscii_declines(String text) {
    assertFalse(PlainJson.write(new JsonString(text), new PlainJson.Output()));
    assertFalse(
        PlainJson.write(JsonObject.builder().put(text, 1).build(), new PlainJson.Output()),
        "in a name too");
  }

  @Test
  void output_grows_andShrinksBackAfterABigFrame() {
    PlainJson.Output out = new PlainJson.Output();
    JsonValue big = new JsonString("x".repeat(100_000));
    assertTrue(PlainJson.write(big, out));
    assertEquals(100_002, out.length());
    out.shrink(1024);
    assertEquals(0, out.length());
    assertTrue(out.bytes().length <= 1024);
  }

  @Test
  void writeString_escapesAfterAPlainRun_sameBytesAsJson() {
    for (String text :
        List.of(
            "", "plain", "x".repeat(300) + "\"", "a\\b\u0001c" + "y".repeat(300), "\n\t\u007f~")) {
      PlainJson.Output out = new PlainJson.Output();
      out.appendAscii("[");
      assertTrue(PlainJson.writeString(text, out));
      assertEquals(
          "[" + Json.write(new JsonString(text)),
          new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void output_truncate_dropsWhatFollows() {
    PlainJson.Output out = new PlainJson.Output();
    out.appendAscii("[1,");
    int mark = out.length();
    assertFalse(PlainJson.writeString("caf\u00e9", out));
    out.truncate(mark);
    out.appendAscii("2]");
    assertEquals("[1,2]", new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII));
    assertThrows(IllegalArgumentException.class, () -> out.truncate(6));
  }

  private static byte[] jsonBytes(JsonValue value) {
    return Json.write(value).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] plainBytes(JsonValue value) {
    PlainJson.Output out = new PlainJson.Output();
    assertTrue(PlainJson.write(value, out));
    return Arrays.copyOf(out.bytes(), out.length());
  }
}
