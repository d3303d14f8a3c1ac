package io.gflow.protocol.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FieldsTest {

  @Test
  void requiredLong_outOfRange_namesFieldValueAndRange() {
    Fields fields = fields("{\"priority\":120}");

    RpcException error = invalidParams(() -> fields.requiredLong("priority", 0, 100));

    assertEquals("params.priority (120) must be in 0..100", error.getMessage());
  }

  @Test
  void requiredLong_belowRange_namesValue() {
    RpcException error = invalidParams(() -> fields("{\"gpus\":-1}").requiredLong("gpus", 0, 8));

    assertEquals("params.gpus (-1) must be in 0..8", error.getMessage());
  }

  @Test
  void requiredLong_rangeBoundaries_accepted() {
    assertEquals(0, fields("{\"p\":0}").requiredLong("p", 0, 100));
    assertEquals(100, fields("{\"p\":100}").requiredLong("p", 0, 100));
    assertEquals(100, fields("{\"p\":1e2}").requiredLong("p", 0, 100), "1e2 is the integer 100");
    assertEquals(5, fields("{\"p\":5.0}").requiredLong("p", 0, 100));
  }

  @Test
  void requiredLong_wrongType_namesFieldAndBothTypes() {
    RpcException error =
        invalidParams(() -> fields("{\"priority\":\"high\"}").requiredLong("priority", 0, 100));

    assertEquals("params.priority must be an integer, got string", error.getMessage());
  }

  @Test
  void requiredLong_fractionOrOverflow_rejectedAsNotAnInteger() {
    RpcException fraction = invalidParams(() -> fields("{\"p\":1.5}").requiredLong("p", 0, 100));
    RpcException overflow =
        invalidParams(
            () -> fields("{\"p\":9223372036854775808}").requiredLong("p", 0, Long.MAX_VALUE));
    RpcException huge =
        invalidParams(() -> fields("{\"p\":1e1000}").requiredLong("p", 0, Long.MAX_VALUE));

    assertTrue(fraction.getMessage().startsWith("params.p must be an integer"));
    assertTrue(overflow.getMessage().startsWith("params.p must be an integer"));
    assertTrue(huge.getMessage().startsWith("params.p must be an integer"));
  }

  @Test
  void requiredString_wrongType_namesFieldAndBothTypes() {
    RpcException error = invalidParams(() -> fields("{\"name\":1}").requiredString("name"));

    assertEquals("params.name must be a string, got number", error.getMessage());
  }

  @Test
  void optionalBoolean_wrongType_namesField() {
    RpcException error =
        invalidParams(() -> fields("{\"hold\":\"yes\"}").optionalBoolean("hold", false));

    assertEquals("params.hold must be true or false, got string", error.getMessage());
  }

  @Test
  void optionalObject_wrongType_namesField() {
    RpcException error = invalidParams(() -> fields("{\"env\":[]}").optionalObject("env"));

    assertEquals("params.env must be an object, got array", error.getMessage());
  }

  @Test
  void required_missing_namesField() {
    assertEquals(
        "params.name is required",
        invalidParams(() -> fields("{}").requiredString("name")).getMessage());
    assertEquals(
        "params.id is required",
        invalidParams(() -> fields("{}").requiredLong("id", 0, 10)).getMessage());
  }

  @Test
  void nullMember_treatedAsAbsent() {
    Fields fields =
        fields(
            "{\"name\":null,\"priority\":null,\"hold\":null,\"ids\":null,\"users\":null,\"env\":null}");

    assertNull(fields.optionalString("name"));
    assertEquals(50, fields.optionalLong("priority", 0, 100, 50));
    assertTrue(fields.optionalBoolean("hold", true));
    assertEquals(List.of(), fields.longList("ids", 10, 0, 10));
    assertEquals(List.of(), fields.stringList("users", 10));
    assertNull(fields.optionalObject("env"));
    assertFalse(fields.has("name"));
    assertDoesNotThrow(fields::end, "null members that were asked for are known");
  }

  @Test
  void requiredString_nullMember_isRequired() {
    RpcException error = invalidParams(() -> fields("{\"name\":null}").requiredString("name"));

    assertEquals("params.name is required", error.getMessage());
  }

  @Test
  void absentMembers_defaults() {
    Fields fields = fields("{}");

    assertNull(fields.optionalString("name"));
    assertEquals(7, fields.optionalLong("priority", 0, 100, 7));
    assertFalse(fields.optionalBoolean("hold", false));
    assertEquals(List.of(), fields.stringList("users", 10));
    assertFalse(fields.has("name"));
    fields.end();
  }

  @Test
  void end_unknownField_rejectedByName() {
    Fields fields = fields("{\"name\":\"a\",\"nmae\":\"typo\"}");
    fields.optionalString("name");

    RpcException error = invalidParams(fields::end);

    assertEquals("unknown field 'nmae' in params", error.getMessage());
  }

  @Test
  void end_unknownNullField_stillRejected() {
    RpcException error = invalidParams(fields("{\"extra\":null}")::end);

    assertTrue(error.getMessage().contains("'extra'"), error.getMessage());
  }

  @Test
  void end_unknownFieldWithControlCharacters_nameEscaped() {
    RpcException error = invalidParams(fields("{\"evil\\n\\u001b[31m\":1}")::end);

    assertFalse(error.getMessage().contains("\n"));
    assertFalse(error.getMessage().contains("\u001b"));
    assertTrue(error.getMessage().contains("evil\\x{a}\\x{1b}[31m"), error.getMessage());
  }

  @Test
  void end_allFieldsRead_passes() {
    Fields fields = fields("{\"a\":\"x\",\"b\":2}");
    fields.requiredString("a");
    fields.requiredLong("b", 0, 10);

    assertDoesNotThrow(fields::end);
  }

  @Test
  void end_memberAskedTwiceBesideAnUnknownOne_rejectsTheUnknown() {
    Fields fields = fields("{\"a\":\"x\",\"zz\":1}");
    fields.optionalString("a");
    fields.optionalString("a");

    assertEquals("unknown field 'zz' in params", invalidParams(fields::end).getMessage());
  }

  @Test
  void end_manyAbsentNamesAsked_unknownStillRejected() {
    Fields fields = fields("{\"a\":\"x\",\"zz\":null}");
    fields.optionalString("a");
    for (int index = 0; index < 40; index++) {
      fields.optionalString("absent" + index);
    }

    assertEquals("unknown field 'zz' in params", invalidParams(fields::end).getMessage());
  }

  @Test
  void has_readsNothing_soEndStillRejects() {
    Fields fields = fields("{\"a\":1}");

    assertTrue(fields.has("a"));
    assertThrows(RpcException.class, fields::end);
  }

  @Test
  void string_64KiBCap() {
    String atCap = "s".repeat(Fields.MAX_STRING_CHARS);
    String overCap = atCap + "s";

    assertEquals(atCap, fieldsOf("name", new JsonString(atCap)).requiredString("name"));
    RpcException error =
        invalidParams(() -> fieldsOf("name", new JsonString(overCap)).optionalString("name"));
    assertEquals("params.name is longer than 65536 characters", error.getMessage());
    assertFalse(error.getMessage().contains("sss"), "the value itself is not echoed");
  }

  @Test
  void optionalString_customCap_applied() {
    Fields fields = fieldsOf("script", new JsonString("x".repeat(100_000)));

    assertEquals(100_000, fields.optionalString("script", 1024 * 1024).length());
    assertThrows(
        RpcException.class,
        () -> fieldsOf("name", new JsonString("abcd")).optionalString("name", 3));
  }

  @Test
  void stringList_elementsCappedAndTyped() {
    JsonArray tooLongElement =
        JsonArray.ofStrings(List.of("ok", "x".repeat(Fields.MAX_STRING_CHARS + 1)));

    RpcException tooLong =
        invalidParams(() -> fieldsOf("command", tooLongElement).stringList("command", 10));
    RpcException wrongElement =
        invalidParams(() -> fields("{\"command\":[\"ls\",1]}").stringList("command", 10));
    RpcException notArray =
        invalidParams(() -> fields("{\"command\":\"ls -l\"}").stringList("command", 10));
    RpcException tooMany =
        invalidParams(() -> fields("{\"command\":[\"a\",\"b\",\"c\"]}").stringList("command", 2));

    assertEquals("params.command[] is longer than 65536 characters", tooLong.getMessage());
    assertEquals("params.command[] must be a string, got number", wrongElement.getMessage());
    assertEquals("params.command must be an array of strings, got string", notArray.getMessage());
    assertEquals("params.command has more than 2 elements", tooMany.getMessage());
    assertEquals(
        List.of("ls", "-l"), fields("{\"command\":[\"ls\",\"-l\"]}").stringList("command", 2));
  }

  @Test
  void longList_elementsRangeChecked() {
    RpcException outOfRange =
        invalidParams(() -> fields("{\"ids\":[1,0]}").longList("ids", 10, 1, 100));
    RpcException wrongElement =
        invalidParams(() -> fields("{\"ids\":[1,\"2\"]}").longList("ids", 10, 1, 100));

    assertEquals("params.ids[] (0) must be in 1..100", outOfRange.getMessage());
    assertEquals("params.ids[] must be an integer, got string", wrongElement.getMessage());
    assertEquals(List.of(1L, 2L), fields("{\"ids\":[1,2]}").longList("ids", 10, 1, 100));
  }

  @Test
  void lists_returnedImmutable() {
    List<String> strings = fields("{\"a\":[\"x\"]}").stringList("a", 5);

    assertThrows(UnsupportedOperationException.class, () -> strings.add("y"));
  }

  @Test
  void of_null_readsAsEmptyObject() {
    Fields fields = Fields.of(null, "params of daemon.ping");

    assertDoesNotThrow(fields::end);
  }

  @Test
  void of_notAnObject_namedParametersOnly() {
    RpcException error =
        invalidParams(() -> Fields.of(new JsonArray(List.of()), "params of job.submit"));

    assertEquals(
        "params of job.submit must be a JSON object, got array (named parameters only)",
        error.getMessage());
  }

  private static Fields fields(String json) {
    try {
      return Fields.of(Json.parse(json), "params");
    } catch (JsonFormatException bad) {
      throw new AssertionError(bad);
    }
  }

  private static Fields fieldsOf(String name, JsonValue value) {
    return Fields.of(JsonObject.builder().put(name, value).build(), "params");
  }

  private static RpcException invalidParams(Executable call) {
    RpcException error = assertThrows(RpcException.class, call);
    assertEquals(ErrorCode.INVALID_PARAMS, error.code());
    return error;
  }
}
