package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static io.gflow.protocol.job.Invalid.with;
import static io.gflow.protocol.job.Invalid.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitRequestTest {
  private static final JsonValue BASE = JobFixtures.SUBMIT.toJson();

  private static SubmitRequest submitWith(String name, JsonValue value) {
    return SubmitRequest.fromJson(with(BASE, name, value));
  }

  private static String rejected(String name, JsonValue value) {
    return message(() -> submitWith(name, value));
  }

  private static JsonValue string(String value) {
    return new JsonString(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uid", "user", "as_user", "owner", "gid"})
  void fromJson_identityField_rejectedAsUnknown(String field) {
    assertEquals(
        "unknown field '" + field + "' in job.submit params", rejected(field, JsonNumber.of(0)));
  }

  @Test
  void fromJson_minimalCommand_appliesDefaults() {
    JsonObject minimal =
        JsonObject.builder()
            .put("command", JsonArray.ofStrings(List.of("hostname")))
            .put("cwd", "/tmp")
            .put("env", JsonObject.EMPTY)
            .build();

    SubmitRequest request = SubmitRequest.fromJson(minimal);

    assertEquals(0, request.gpus());
    assertNull(request.priority());
    assertNull(request.timeLimitSeconds());
    assertEquals(List.of(), request.dependsOn());
    assertEquals(DependencyMode.ALL, request.dependencyMode());
    assertTrue(request.autoCancel());
    assertFalse(request.hold());
    assertNull(request.array());
    assertNull(request.name());
  }

  @Test
  void fromJson_commandAndScript_rejected() {
    assertEquals(
        "give either command or script, not both", rejected("script", string("echo hi\n")));
  }

  @Test
  void fromJson_neitherCommandNorScript_rejected() {
    assertEquals(
        "one of command (an argv list) or script is required",
        message(() -> SubmitRequest.fromJson(without(BASE, "command"))));
  }

  @Test
  void fromJson_emptyCommand_rejected() {
    assertEquals(
        "command must not be empty: give the program first",
        rejected("command", JsonArray.ofStrings(List.of())));
  }

  @Test
  void fromJson_tooManyArguments_rejected() {
    JsonValue argv = JsonArray.ofStrings(Collections.nCopies(4097, "x"));

    assertEquals(
        "job.submit params.command has more than 4096 elements", rejected("command", argv));
  }

  @Test
  void constructor_tooManyArguments_rejectedWithCount() {
    List<String> argv = Collections.nCopies(4097, "x");

    assertEquals("command has 4097 arguments, more than 4096", message(() -> commandWith(argv)));
  }

  @Test
  void constructor_argumentOver64KiB_rejectedNamingIndex() {
    List<String> argv = List.of("echo", "a".repeat(65_537));

    String error = message(() -> commandWith(argv));

    assertTrue(error.startsWith("command[1] 'aaaa"), error);
    assertTrue(error.endsWith("is longer than 65536 characters (65537)"), error);
  }

  @Test
  void constructor_argumentOfExactly64KiB_accepted() {
    assertEquals(
        65_536, commandWith(List.of("echo", "a".repeat(65_536))).command().get(1).length());
  }

  @Test
  void constructor_argumentWithNul_rejected() {
    assertEquals(
        "command[1] 'a\\x{0}b' must not contain NUL",
        message(() -> commandWith(List.of("echo", "a\0b"))));
  }

  @Test
  void fromJson_scriptWithoutShebang_accepted() {
    SubmitRequest request =
        SubmitRequest.fromJson(with(without(BASE, "command"), "script", string("echo hi\n")));

    assertEquals("echo hi\n", request.script());
    assertNull(request.command());
  }

  @Test
  void fromJson_scriptOf1MiB_acceptedBeyondTheGeneralStringCap() {
    String script = "#".repeat(SubmitRequest.MAX_SCRIPT_CHARS);

    SubmitRequest request =
        SubmitRequest.fromJson(with(without(BASE, "command"), "script", string(script)));

    assertEquals(script, request.script());
  }

  @Test
  void fromJson_scriptOver1MiB_rejected() {
    String script = "#".repeat(SubmitRequest.MAX_SCRIPT_CHARS + 1);

    assertEquals(
        "job.submit params.script is longer than 1048576 characters",
        message(
            () ->
                SubmitRequest.fromJson(with(without(BASE, "command"), "script", string(script)))));
    assertEquals(
        "script is longer than 1048576 characters (1048577)",
        message(() -> JobFixtures.script(script)));
  }

  @Test
  void fromJson_emptyScript_rejected() {
    assertEquals(
        "script must not be empty",
        message(
            () -> SubmitRequest.fromJson(with(without(BASE, "command"), "script", string("")))));
  }

  @Test
  void fromJson_missingCwd_rejected() {
    assertEquals("cwd is required", message(() -> SubmitRequest.fromJson(without(BASE, "cwd"))));
  }

  @Test
  void fromJson_relativeCwd_rejectedNamingIt() {
    assertEquals(
        "cwd 'project/src' must be an absolute path", rejected("cwd", string("project/src")));
  }

  @Test
  void fromJson_missingEnv_rejected() {
    assertEquals("env is required", message(() -> SubmitRequest.fromJson(without(BASE, "env"))));
  }

  @Test
  void fromJson_emptyEnv_accepted() {
    assertEquals(Map.of(), submitWith("env", JsonObject.EMPTY).env());
  }

  @Test
  void fromJson_oddEnvNames_surviveRoundTrip() {
    Map<String, String> env =
        Map.of(
            "my.var", "1",
            "100%", "full",
            "WITH SPACE", "a b",
            "ünïcode", "ok",
            "EMPTY", "",
            "MULTI", "line1\nline2");
    SubmitRequest request = JobFixtures.command(env);

    SubmitRequest back = SubmitRequest.fromJson(Golden.parse(request.toJson().toString()));

    assertEquals(env, back.env());
    assertEquals(request, back);
  }

  @Test
  void fromJson_envNameWithEquals_rejectedNamingIt() {
    JsonObject env = JsonObject.builder().put("A=B", "1").build();

    assertEquals("env name 'A=B' must not contain '='", rejected("env", env));
  }

  @Test
  void fromJson_emptyEnvName_rejected() {
    assertEquals(
        "env names must not be empty", rejected("env", JsonObject.builder().put("", "1").build()));
  }

  @Test
  void fromJson_envNameWithNul_rejected() {
    assertEquals(
        "env name 'A\\x{0}B' must not contain NUL",
        rejected("env", JsonObject.builder().put("A\0B", "1").build()));
  }

  @Test
  void fromJson_envValueWithNul_rejectedNamingVariable() {
    assertEquals(
        "env value of 'SECRET' must not contain NUL",
        rejected("env", JsonObject.builder().put("SECRET", "abc\0def").build()));
  }

  @Test
  void fromJson_envValueNotString_rejected() {
    assertEquals(
        "job.submit params.env value of 'N' must be a string, got number",
        rejected("env", JsonObject.builder().put("N", 1).build()));
  }

  @Test
  void fromJson_oneBadVariableAmongMany_rejectedNamingIt() {
    JsonObject.Builder env = JsonObject.builder();
    for (int index = 0; index < 300; index++) {
      env.put("V" + index, "value " + index);
    }
    env.put("BAD=NAME", "x");

    assertEquals("env name 'BAD=NAME' must not contain '='", rejected("env", env.build()));
  }

  @Test
  void constructor_envNameOrValueTooLong_rejectedNamingIt() {
    String longText = "x".repeat(64 * 1024 + 1);
    String name = message(() -> JobFixtures.command(Map.of(longText, "1")));
    String value = message(() -> JobFixtures.command(Map.of("BIG", longText)));

    assertTrue(name.startsWith("env name 'xxx"), name);
    assertTrue(name.endsWith("is longer than 65536 characters (65537)"), name);
    assertTrue(value.startsWith("env value of 'BIG' 'xxx"), value);
    assertTrue(value.endsWith("is longer than 65536 characters (65537)"), value);
  }

  @Test
  void fromJson_tooManyEnvEntries_rejected() {
    JsonObject.Builder env = JsonObject.builder();
    for (int index = 0; index <= SubmitRequest.MAX_ENV; index++) {
      env.put("V" + index, "x");
    }

    assertEquals("job.submit params.env has more than 4096 entries", rejected("env", env.build()));
  }

  @Test
  void constructor_tooManyEnvEntries_rejectedWithCount() {
    Map<String, String> env = new HashMap<>();
    for (int index = 0; index <= SubmitRequest.MAX_ENV; index++) {
      env.put("V" + index, "x");
    }

    assertEquals("env has 4097 variables, more than 4096", message(() -> JobFixtures.command(env)));
  }

  @Test
  void constructor_nullEnvValue_rejected() {
    Map<String, String> env = new HashMap<>();
    env.put("X", null);

    assertEquals("env value of 'X' is required", message(() -> JobFixtures.command(env)));
  }

  @Test
  void fromJson_nameOf200Chars_accepted() {
    assertEquals(200, submitWith("name", string("n".repeat(200))).name().length());
  }

  @Test
  void fromJson_nameOver200Chars_rejected() {
    String error = rejected("name", string("n".repeat(201)));

    assertTrue(error.startsWith("name 'nnn"), error);
    assertTrue(error.endsWith("is longer than 200 characters (201)"), error);
  }

  @Test
  void fromJson_nameWithControlCharacter_rejectedEscaped() {
    assertEquals(
        "name 'x\\x{1b}[31mred' must not contain control characters",
        rejected("name", string("x\u001b[31mred")));
    assertEquals(
        "name 'a\\x{a}b' must not contain control characters", rejected("name", string("a\nb")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0085b", "a\u2028b", "a\u2029b", "a\u007fb", "\u009f"})
  void fromJson_nameWithC1ControlOrLineSeparator_rejected(String name) {
    String error = rejected("name", string(name));

    assertTrue(error.endsWith("must not contain control characters"), error);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r\u00e9sum\u00e9", "\ud83d\ude00 run", "\u00a0x", "half \ud800 pair"})
  void fromJson_nameWithOtherUnicode_accepted(String name) {
    assertEquals(name, submitWith("name", string(name)).name());
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 1025})
  void fromJson_gpusOutOfRange_rejectedNamingValue(long gpus) {
    assertEquals("gpus (" + gpus + ") must be in 0..1024", rejected("gpus", JsonNumber.of(gpus)));
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 101, 120})
  void fromJson_priorityOutOfRange_rejectedNamingValue(long priority) {
    assertEquals(
        "priority (" + priority + ") must be in 0..100",
        rejected("priority", JsonNumber.of(priority)));
  }

  @Test
  void fromJson_priorityNull_meansDefault() {
    assertNull(submitWith("priority", JsonNull.INSTANCE).priority());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -5, 31_536_001})
  void fromJson_timeLimitOutOfRange_rejectedNamingValue(long seconds) {
    assertEquals(
        "time_limit (" + seconds + ") must be in 1..31536000",
        rejected("time_limit", JsonNumber.of(seconds)));
  }

  @Test
  void fromJson_timeLimitBounds_accepted() {
    assertEquals(1L, submitWith("time_limit", JsonNumber.of(1)).timeLimitSeconds());
    assertEquals(
        31_536_000L, submitWith("time_limit", JsonNumber.of(31_536_000)).timeLimitSeconds());
  }

  @Test
  void fromJson_dependencyIdZero_rejected() {
    assertEquals(
        "depends_on id (0) must be at least 1",
        rejected("depends_on", JsonArray.ofLongs(List.of(3L, 0L))));
  }

  @Test
  void fromJson_tooManyDependencies_rejected() {
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 1001; id++) {
      ids.add(id);
    }

    assertEquals(
        "job.submit params.depends_on has more than 1000 elements",
        rejected("depends_on", JsonArray.ofLongs(ids)));
  }

  @Test
  void fromJson_unknownDependencyMode_rejected() {
    assertEquals(
        "dependency_mode must be 'all' or 'any', got 'some'",
        rejected("dependency_mode", string("some")));
  }

  @Test
  void fromJson_badBegin_rejectedNamingIt() {
    assertEquals(
        "job.submit params.begin 'tomorrow' is not an ISO-8601 instant like 2026-12-01T08:00:00Z",
        rejected("begin", string("tomorrow")));
  }

  @Test
  void fromJson_badArray_rejectedNamingIt() {
    assertTrue(rejected("array", string("1-")).startsWith("array '1-': expected"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"output", "error"})
  void fromJson_pathOver4096Chars_rejected(String field) {
    String error = rejected(field, string("/" + "p".repeat(4096)));

    assertTrue(error.startsWith(field + " '/ppp"), error);
    assertTrue(error.endsWith("is longer than 4096 characters (4097)"), error);
  }

  @ParameterizedTest
  @ValueSource(strings = {"group", "project"})
  void fromJson_labelOver200Chars_rejected(String field) {
    String error = rejected(field, string("g".repeat(201)));

    assertTrue(error.startsWith(field + " 'ggg"), error);
    assertTrue(error.endsWith("is longer than 200 characters (201)"), error);
  }

  @Test
  void fromJson_wrongType_namesFieldAndTypes() {
    assertEquals(
        "job.submit params.gpus must be an integer, got string", rejected("gpus", string("2")));
    assertEquals(
        "job.submit params.hold must be true or false, got number",
        rejected("hold", JsonNumber.of(1)));
  }

  @Test
  void constructor_collections_copied() {
    List<String> argv = new ArrayList<>(List.of("echo", "hi"));
    Map<String, String> env = new HashMap<>(Map.of("A", "1"));
    SubmitRequest request = commandWith(argv, env);

    argv.add("changed");
    env.put("B", "2");

    assertEquals(List.of("echo", "hi"), request.command());
    assertEquals(Map.of("A", "1"), request.env());
  }

  private static SubmitRequest commandWith(List<String> argv) {
    return commandWith(argv, Map.of());
  }

  private static SubmitRequest commandWith(List<String> argv, Map<String, String> env) {
    return new SubmitRequest(
        argv,
        null,
        null,
        "/home/bob",
        env,
        0,
        null,
        null,
        null,
        null,
        null,
        true,
        null,
        null,
        null,
        null,
        null,
        false);
  }
}
